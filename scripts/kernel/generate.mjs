// Writes the WebAssembly text of the fused 1 -> H -> 1 full-batch training step.
//
// One step, as src/core/train.ts (loss before the update, dz2 = -2(o - y), summed
// gradients, the delta passed down with the old w2, w += lr * g), reorganised for SIMD:
//   - for activations whose backward needs a = act(z), samples are taken in blocks of BLOCK
//     (of SMALL_BLOCK for large H); for each block the forward pass finds o and stores a in a
//     block-sized scratch buffer that stays in cache (activations with storesGrad also
//     store act'(z) gradOffset(block) bytes further on), then the backward pass accumulates
//     that block's contribution. Piecewise-linear activations store nothing and take all
//     samples as one block: their backward computes the mask z > 0 again;
//   - forward: 4 samples at a time against 4 hidden units at a time, so each weight vector
//     loaded serves 4 samples and the 4 dot products are independent chains;
//   - backward: hidden units in the outer loop (WIDE vectors of 4 lanes, then a 4-lane
//     tail), samples in the inner loop, with that unit block's accumulators in registers;
//   - w2 factors out of the layer-1 gradients: gb1 = w2 * sum_n d act', gw1 =
//     w2 * sum_n x d act'; for relu, leaky ReLU and none also gw2 = w1 * sum x d act' + b1 * sum d act'.
// H is padded to a multiple of 4 with zero weights (w2 = 0, so padded units never reach
// the output; their w2 is re-zeroed after each update); N is padded to a multiple of 4
// with sample weight m = 0, so padded samples add nothing to the loss or the gradients.
import { ACTIVATIONS, ZERO, f32x4 } from './activations.mjs';
import { addMul, madd, withRelaxedMadd } from './simd.mjs';
import { applyFunc, gradsFunc, reduceFunc } from './split.mjs';
import { callScale, scaleFunc, stepFunc } from './step.mjs';
import {
  BLOCK,
  FLUSH_BELOW,
  G,
  L,
  Locals,
  POINTERS,
  SIZES,
  SMALL_BLOCK,
  add,
  fold4,
  g,
  gradOffset,
  hoistDecl,
  hoistInit,
  i32,
  lanes,
  stores,
} from './wat.mjs';

export { BLOCK, FLUSH_BELOW, POINTERS };

/**
 * Vectors of hidden units per backward iteration (then one at a time for the rest): as many
 * as keep every accumulator in one of x64's 16 vector registers (V8 spills the rest to the
 * stack, which is slower; docs/kernel.md).
 */
export const WIDE = 2;

/** One vector [sum(v0), sum(v1), sum(v2), sum(v3)] from four accumulators, no scalar code. */
function transposeSum(v, out) {
  const lo = (a, b) => `(i8x16.shuffle ${lanes(0, 4, 1, 5)} ${a} ${b})`;
  const hi = (a, b) => `(i8x16.shuffle ${lanes(2, 6, 3, 7)} ${a} ${b})`;
  const s01 = `(f32x4.add ${lo(v[0], v[1])} ${hi(v[0], v[1])})`; // [a0+a2, b0+b2, a1+a3, b1+b3]
  const s23 = `(f32x4.add ${lo(v[2], v[3])} ${hi(v[2], v[3])})`;
  return `(local.set ${out} (f32x4.add (i8x16.shuffle ${lanes(0, 1, 4, 5)} (local.tee $s01 ${s01}) (local.tee $s23 ${s23}))
      (i8x16.shuffle ${lanes(2, 3, 6, 7)} (local.get $s01) (local.get $s23))))`;
}

/**
 * o[n] = b2 + sum_j act(x[n] w1[j] + b1[j]) w2[j] for `count` samples (a multiple of 4)
 * from px into po; with `store`, also a = act(z) (or the mask) into the scratch buffer pa
 * (see SCRATCH). With clamp false, the forward that skips the activation's input clamp
 * (clampBound in activations.mjs).
 */
function forwardFunc(name, act, store, block = BLOCK, clamp = true) {
  const shift = Math.log2(block);
  const loc = new Locals();
  const tmpFor = (s) => (t) => loc.v(`${t}${s}`);
  const S = [0, 1, 2, 3];
  for (const s of S) {
    loc.v(`x${s}`);
    loc.v(`acc${s}`);
    loc.v(`z${s}`);
    loc.v(`a${s}`);
  }
  for (const v of ['w1', 'b1', 'w2', 'o', 's01', 's23']) loc.v(v);
  const perSample = S.map(
    (s) => `
      (local.set $z${s} ${madd(`(local.get $x${s})`, '(local.get $w1)', '(local.get $b1)')})
      ${act.forward(`(local.get $z${s})`, `$a${s}`, tmpFor(s), store && act.storesGrad ? loc.v(`g${s}`) : undefined, { clamp })}
      ${store ? `(v128.store offset=${s * 16} ${add(L('pa'), `(i32.shl (local.get $j) ${i32(shift)})`)} ${act.mask ? act.mask(`(local.get $z${s})`) : `(local.get $a${s})`})` : ''}
      ${store && act.storesGrad ? `(v128.store offset=${s * 16} ${add(add(L('pa'), gradOffset(block)), `(i32.shl (local.get $j) ${i32(shift)})`)} (local.get $g${s}))` : ''}
      (local.set $acc${s} ${addMul(`(local.get $acc${s})`, `(local.get $a${s})`, '(local.get $w2)')})`,
  ).join('');
  return `
  (func $${name} (param $px i32) (param $po i32) (param $count i32) (param $pa i32)
    (local $i i32) (local $j i32) ${hoistDecl} ${loc.decl()}
    ${hoistInit}
    (loop $samples
      ${S.map((s) => `(local.set $x${s} (v128.load32_splat offset=${s * 4} ${add(L('px'), L('i'))}))`).join('\n      ')}
      ${S.map((s) => `(local.set $acc${s} ${ZERO})`).join(' ')}
      (local.set $j ${i32(0)})
      (loop $units
        (local.set $w1 (v128.load ${add(G(act.inputScale ? 'pSW1' : 'pW1'), L('j'))}))
        (local.set $b1 (v128.load ${add(G(act.inputScale ? 'pSB1' : 'pB1'), L('j'))}))
        (local.set $w2 (v128.load ${add(G('pW2'), L('j'))}))
        ${perSample}
        (br_if $units (i32.lt_u (local.tee $j ${add(L('j'), i32(16))}) ${G('hb')})))
      ${transposeSum(
        S.map((s) => `(local.get $acc${s})`),
        '$o',
      )}
      (v128.store ${add(L('po'), L('i'))} ${
        act.outAffine
          ? `(f32x4.add (f32x4.mul (local.get $o) ${f32x4(act.outAffine[1])}) (f32x4.splat (global.get $outBias)))`
          : `(f32x4.add (local.get $o) (v128.load32_splat ${G('pB2')}))`
      })
      ${store ? `(local.set $pa ${add(L('pa'), i32(64))})` : ''}
      (br_if $samples (i32.lt_u (local.tee $i ${add(L('i'), i32(16))}) (i32.shl (local.get $count) ${i32(2)}))))
  )`;
}

/**
 * Backward pass of one block: for `V` vectors of hidden units at a time, adds
 * sum_n d act' into GB1, sum_n x d act' into GW1 and (stored activations) sum_n a d into GW2.
 */
function backwardUnits(act, V, loc, block) {
  const vs = Array.from({ length: V }, (_, v) => v);
  const homogeneous = !('grad' in act);
  const acc = (k, v) => loc.v(`${k}${v}`);
  const ptr = { sd: 'pGB1', sxd: 'pGW1', g2: 'pGW2' };
  const kinds = homogeneous ? ['sd', 'sxd'] : ['sd', 'sxd', 'g2'];
  const load = (p, v) => `(v128.load offset=${v * 16} ${add(g(p), L('j'))})`;
  const setup = vs
    .flatMap((v) => [
      ...kinds.map((k) => `(local.set ${acc(k, v)} ${load(ptr[k], v)})`),
      // The unit vector's w1 and b1, for the mask.
      ...(act.mask
        ? [
            `(local.set ${loc.v(`mw${v}`)} ${load('pW1', v)})`,
            `(local.set ${loc.v(`mb${v}`)} ${load('pB1', v)})`,
          ]
        : []),
    ])
    .join('\n      ');
  const body = vs
    .map((v) => {
      const sd = acc('sd', v);
      const sxd = acc('sxd', v);
      if (homogeneous && !act.mask) {
        return `(local.set ${sd} (f32x4.add (local.get ${sd}) (local.get $d)))
        (local.set ${sxd} (f32x4.add (local.get ${sxd}) (local.get $xd)))`;
      }
      if (homogeneous) {
        // The mask again, from the forward's own multiply-add (the same instruction on the
        // same values gives the same bits): cheaper than storing it and loading it back, and
        // without a store there is no block to keep in cache, so all samples are one block
        // (docs/kernel.md).
        const m = loc.v(`m${v}`);
        return `(local.set ${m} ${act.mask(madd('(local.get $x)', `(local.get $mw${v})`, `(local.get $mb${v})`))})
        (local.set ${sd} (f32x4.add (local.get ${sd}) (v128.and (local.get $d) (local.get ${m}))))
        (local.set ${sxd} (f32x4.add (local.get ${sxd}) (v128.and (local.get $xd) (local.get ${m}))))`;
      }
      const a = loc.v(`ba${v}`);
      const gr = loc.v(`gr${v}`);
      const g2 = acc('g2', v);
      if (act.gradPoly) {
        // u = d a (gw2), v = u a; GB1 gets sum v, GW1 gets sum x (c1 u - v).
        const u = loc.v(`u${v}`);
        const w = loc.v(`vv${v}`);
        const xTerm = act.gradPoly[1]
          ? `(f32x4.sub (local.get ${u}) (local.get ${w}))`
          : `(local.get ${w})`;
        return `(local.set ${a} (v128.load offset=${v * 16 * block} (local.get $pa)))
        (local.set ${u} (f32x4.mul (local.get ${a}) (local.get $d)))
        (local.set ${g2} (f32x4.add (local.get ${g2}) (local.get ${u})))
        (local.set ${w} (f32x4.mul (local.get ${u}) (local.get ${a})))
        (local.set ${sd} (f32x4.add (local.get ${sd}) (local.get ${w})))
        (local.set ${sxd} ${addMul(`(local.get ${sxd})`, '(local.get $x)', xTerm)})`;
      }
      return `(local.set ${a} (v128.load offset=${v * 16 * block} (local.get $pa)))
        (local.set ${gr} ${act.grad(`(local.get ${a})`, `(v128.load offset=${v * 16 * block} ${add(L('pa'), gradOffset(block))})`)})
        (local.set ${sd} ${addMul(`(local.get ${sd})`, '(local.get $d)', `(local.get ${gr})`)})
        (local.set ${sxd} ${addMul(`(local.get ${sxd})`, '(local.get $xd)', `(local.get ${gr})`)})
        (local.set ${g2} ${addMul(`(local.get ${g2})`, `(local.get ${a})`, '(local.get $d)')})`;
    })
    .join('\n        ');
  const store = vs
    .flatMap((v) =>
      kinds.map(
        (k) => `(v128.store offset=${v * 16} ${add(g(ptr[k]), L('j'))} (local.get ${acc(k, v)}))`,
      ),
    )
    .join('\n      ');
  return `
      ${setup}
      (local.set $pa ${add(G('pA'), `(i32.shl (local.get $j) ${i32(Math.log2(block))})`)})
      (local.set $ps (local.get $first))
      (loop $samples${V}
        ;; The sample's record [d, x d, x, 0] (see storeRecords in step.mjs): the scalars this activation uses.
        (local.set $d (v128.load32_splat (local.get $ps)))
        ${act.gradPoly || act.mask ? '(local.set $x (v128.load32_splat offset=8 (local.get $ps)))' : ''}
        ${act.gradPoly ? '' : '(local.set $xd (v128.load32_splat offset=4 (local.get $ps)))'}
        ${body}
        (local.set $pa ${add(L('pa'), i32(16))})
        (br_if $samples${V} (i32.lt_u (local.tee $ps ${add(L('ps'), i32(16))}) (local.get $end))))
      ${store}
      (local.set $j ${add(L('j'), i32(16 * V))})`;
}

function backwardFunc(name, act, block = BLOCK) {
  const loc = new Locals();
  for (const v of ['d', 'xd', 'x']) loc.v(v);
  const wide = backwardUnits(act, WIDE, loc, block);
  const tail = backwardUnits(act, 1, loc, block);
  return `
  (func $${name} (param $first i32) (param $end i32)
    (local $ps i32) (local $j i32) (local $pa i32) ${hoistDecl} ${loc.decl()}
    ${hoistInit}
    ;; From sample offsets (4 bytes a sample) to addresses of their 16-byte records.
    (local.set $first ${add(G('pS'), `(i32.shl (local.get $first) ${i32(2)})`)})
    (local.set $end ${add(G('pS'), `(i32.shl (local.get $end) ${i32(2)})`)})
    (block $wideDone
      (loop $wide
        (br_if $wideDone (i32.gt_u ${add(L('j'), i32(16 * WIDE))} ${G('hb')}))
        ${wide}
        (br $wide)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $j) ${G('hb')}))
        ${tail}
        (br $tail)))
  )`;
}

/**
 * Sets $xmax = max |x| over the np samples (padded ones are 0). Called once the data is
 * written; the clamp check (scaleFunc in step.mjs) bounds every unit's input with it.
 */
function measureXFunc() {
  return `
  (func (export "measureX")
    (local $i i32) (local $m v128)
    (loop $samples
      (local.set $m (f32x4.max (local.get $m) (f32x4.abs (v128.load ${add(g('pX'), L('i'))}))))
      (br_if $samples (i32.lt_u (local.tee $i ${add(L('i'), i32(16))}) (i32.shl ${g('np')} ${i32(2)}))))
    (global.set $xmax ${fold4('f32.max', '$m')}))`;
}

/**
 * The whole module: one step, forward and predict function per activation. With
 * relaxedMadd, the multiply-add pairs (forward z and output sums, the activations' Horner
 * steps, the backward sums, the update) are f32x4.relaxed_madd, a fused multiply-add where
 * the hardware has one: the relaxed SIMD build, which runtimes with relaxed SIMD load
 * (wabt needs its relaxed_simd feature; Node 20 --experimental-wasm-relaxed-simd). Without
 * it, the plain SIMD128 build. With sharedMemory, the module imports a shared memory, which
 * threads running its split step share (docs/threads.md); the code is the same.
 */
export function generateWat({ relaxedMadd = false, sharedMemory = false } = {}) {
  return withRelaxedMadd(relaxedMadd, () => generateModule(sharedMemory));
}

/** The memory a module imports: a shared one's maximum is what wasm32 can address. */
const memoryImport = (shared) =>
  shared ? '(import "env" "memory" (memory 1 65536 shared))' : '(import "env" "memory" (memory 1))';

function generateModule(sharedMemory) {
  const parts = [];
  for (const [key, act] of Object.entries(ACTIVATIONS)) {
    parts.push(forwardFunc(`fwd_${key}`, act, false));
    parts.push(backwardFunc(`bwd_${key}`, act));
    if (stores(act)) {
      // Blocks of BLOCK samples, and of SMALL_BLOCK for large H (see SMALL_BLOCK).
      parts.push(forwardFunc(`fwd_${key}_store`, act, true));
      parts.push(forwardFunc(`fwd_${key}_store_small`, act, true, SMALL_BLOCK));
      parts.push(backwardFunc(`bwd_${key}_small`, act, SMALL_BLOCK));
      if (act.clampBound) {
        // The same without the input clamp, for steps where no input reaches it.
        parts.push(forwardFunc(`fwd_${key}_store_nc`, act, true, BLOCK, false));
        parts.push(forwardFunc(`fwd_${key}_store_nc_small`, act, true, SMALL_BLOCK, false));
      }
    }
    parts.push(stepFunc(key, act));
    if (act.inputScale) parts.push(scaleFunc(key, act));
    parts.push(`
  (func (export "predict_${key}") (param $px i32) (param $po i32) (param $count i32)
    ${callScale(key, act)}
    (call $fwd_${key} (local.get $px) (local.get $po) (local.get $count) (i32.const 0)))`);
  }
  // The step split by samples across threads, after the rest so the one-thread functions
  // keep their indices.
  for (const [key, act] of Object.entries(ACTIVATIONS))
    parts.push(gradsFunc(key, act), applyFunc(key, act));
  parts.push(reduceFunc());
  const all = [...SIZES, ...POINTERS];
  return `;; Generated by scripts/kernel/generate.mjs: edit that file, not this one.
(module
  ${memoryImport(sharedMemory)}
  ${all.map((k) => `(global $${k} (mut i32) (i32.const 0))`).join('\n  ')}
  (global $hb (mut i32) (i32.const 0))
  (global $paramSum (mut f32) (f32.const 0))
  ;; max |x| over the data (measureX), and whether this step's forward may skip the clamp.
  (global $xmax (mut f32) (f32.const 0))
  (global $unclamped (mut i32) (i32.const 0))
  ;; b2 + alpha sum w2, for activations with an outAffine (set by their scale function).
  (global $outBias (mut f32) (f32.const 0))
  (func (export "configure") ${all.map((k) => `(param $${k} i32)`).join(' ')}
    ${all.map((k) => `(global.set $${k} (local.get $${k}))`).join('\n    ')}
    (global.set $hb (i32.shl (local.get $hp) (i32.const 2))))
  (func (export "paramSum") (result f32) (global.get $paramSum))
  ;; Whether the last step's forward skipped the input clamp (clampBound), for the tests.
  (func (export "clampSkipped") (result i32) (global.get $unclamped))
  ${measureXFunc()}
  ${parts.join('\n')}
)
`;
}
