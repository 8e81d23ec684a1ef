// The dense layer's weight and bias gradients, G = Aᵀ·dZ and gb = Σ_n dZ[n, :], summed over
// every sample of the blocks given (the engine's step applies summed gradients), as a
// register-tiled reduction over samples (docs/kernel-deep.md, "The micro-kernels").
//
// The tile is the 4 input units of one A panel (splats of one A vector's lanes, immediate
// offsets 0, 4, 8, 12) by GRAD_PANELS output panels of dZ (vectors): per sample 4 splats,
// GRAD_PANELS loads and 4·GRAD_PANELS multiply-adds. Its accumulators stay in registers
// over all samples and are stored once, so G is written once per call, never read. The
// bias gradient rides along in the first input panel's pass: one add per dZ vector it
// loads anyway. G is laid out as the forward's W (output panels, G[j/4][k][4]), so the
// update can walk W and G together.
import { PANEL_BYTES, DENSE_BLOCK } from './denseProduct.mjs';
import { addMul, ZERO } from './simd.mjs';
import { i32 } from './wat.mjs';

/** Output panels per weight-gradient tile: 8 accumulators, 2 bias sums, 2 dZ vectors, a splat. */
export const GRAD_PANELS = 2;
/**
 * Samples per iteration of the inner loop. 1 for the reason K_UNROLL (denseProduct.mjs) is:
 * V8 unrolls the one-sample loop itself without spilling, while 8 samples written out spill
 * about two stack accesses per multiply-add.
 */
export const GRAD_UNROLL = 1;

const R = [0, 1, 2, 3];

/** One tile: units 4p..4p+3 (A panel at $ak) by `panels` dZ panels (at $dq), all samples. */
function tile(panels, withBias, unroll) {
  const U = [...Array(unroll).keys()];
  const C = [...Array(panels).keys()];
  const label = `${panels}${withBias ? 'b' : ''}`;
  const acc = (r, c) => `$g${r}_${c}`;
  const zero = [
    ...R.flatMap((r) => C.map((c) => `(local.set ${acc(r, c)} ${ZERO})`)),
    ...(withBias ? C.map((c) => `(local.set $gb${c} ${ZERO})`) : []),
  ].join(' ');
  const body = U.map((s) => {
    const loads = C.map(
      (c) => `(local.set $d${c} (v128.load offset=${c * PANEL_BYTES + s * 16} (local.get $dp)))`,
    ).join(' ');
    const bias = withBias
      ? C.map((c) => `(local.set $gb${c} (f32x4.add (local.get $gb${c}) (local.get $d${c})))`).join(
          ' ',
        )
      : '';
    const madds = R.map((r) => {
      const sets = C.map(
        (c) =>
          `(local.set ${acc(r, c)} ${addMul(`(local.get ${acc(r, c)})`, '(local.get $x)', `(local.get $d${c})`)})`,
      ).join(' ');
      return `(local.set $x (v128.load32_splat offset=${s * 16 + r * 4} (local.get $ap))) ${sets}`;
    }).join('\n              ');
    return `${loads} ${bias}\n              ${madds}`;
  }).join('\n              ');
  const stores = [
    ...C.flatMap((c) => [
      `(local.set $gp (i32.add (local.get $gk) (i32.mul (local.get $kp) ${i32(c * 16)})))`,
      ...R.map((r) => `(v128.store offset=${r * 16} (local.get $gp) (local.get ${acc(r, c)}))`),
    ]),
    ...(withBias
      ? C.map((c) => `(v128.store offset=${c * 16} (local.get $gbq) (local.get $gb${c}))`)
      : []),
  ].join(' ');
  return `
        ${zero}
        (local.set $ap (local.get $ak))
        (local.set $dp (local.get $dq))
        (local.set $b (local.get $blocks))
        (loop $blk${label}
          (local.set $i ${i32(DENSE_BLOCK / unroll)})
          (loop $samples${label}
              ${body}
            (local.set $ap (i32.add (local.get $ap) ${i32(unroll * 16)}))
            (local.set $dp (i32.add (local.get $dp) ${i32(unroll * 16)}))
            (br_if $samples${label} (local.tee $i (i32.sub (local.get $i) ${i32(1)}))))
          (local.set $ap (i32.add (local.get $ap) (local.get $aSkip)))
          (local.set $dp (i32.add (local.get $dp) (local.get $dSkip)))
          (br_if $blk${label} (local.tee $b (i32.sub (local.get $b) ${i32(1)}))))
        ${stores}`;
}

/** All input panels for one group of `panels` output panels, then the pointers move on. */
function group(panels, unroll) {
  return `
      (local.set $ak (local.get $pa))
      (local.set $gk (local.get $gq))
      ${tile(panels, true, unroll)}
      (local.set $p (i32.sub (local.get $kpanels) ${i32(1)}))
      (block $kDone${panels}
        (br_if $kDone${panels} (i32.eqz (local.get $p)))
        (loop $kPanels${panels}
          (local.set $ak (i32.add (local.get $ak) ${i32(PANEL_BYTES)}))
          (local.set $gk (i32.add (local.get $gk) ${i32(64)}))
          ${tile(panels, false, unroll)}
          (br_if $kPanels${panels} (local.tee $p (i32.sub (local.get $p) ${i32(1)})))))
      (local.set $gq (i32.add (local.get $gq) (i32.mul (local.get $kp) ${i32(panels * 16)})))
      (local.set $gbq (i32.add (local.get $gbq) ${i32(panels * 16)}))
      (local.set $dq (i32.add (local.get $dq) ${i32(panels * PANEL_BYTES)}))
      (local.set $q (i32.sub (local.get $q) ${i32(panels)}))`;
}

/**
 * dense_weight_grad(pa, pdz, pg, pgb, kp, jp, blocks): G = Aᵀ·dZ (written, as jp/4 output
 * panels of kp vectors) and gb = Σ_n dZ (jp floats, written) over `blocks` blocks of
 * DENSE_BLOCK samples, A of kp units and dZ of jp units in the panel layout.
 */
export function weightGradFunc({ unroll: given } = {}) {
  const unroll = given ?? GRAD_UNROLL;
  const C = [...Array(GRAD_PANELS).keys()];
  const vecs = [
    ...R.flatMap((r) => C.map((c) => `$g${r}_${c}`)),
    ...C.map((c) => `$gb${c}`),
    ...C.map((c) => `$d${c}`),
    '$x',
  ];
  const tails = [...Array(GRAD_PANELS - 1).keys()]
    .map((i) => GRAD_PANELS - 1 - i)
    .map((t) => `\n    (if (i32.ge_u (local.get $q) ${i32(t)}) (then ${group(t, unroll)}))`)
    .join('');
  return `
  (func $dense_weight_grad (export "dense_weight_grad") (param $pa i32) (param $pdz i32) (param $pg i32)
    (param $pgb i32) (param $kp i32) (param $jp i32) (param $blocks i32)
    (local $kpanels i32) (local $q i32) (local $p i32) (local $b i32) (local $i i32)
    (local $ak i32) (local $ap i32) (local $dq i32) (local $dp i32) (local $gq i32)
    (local $gk i32) (local $gp i32) (local $gbq i32) (local $aSkip i32) (local $dSkip i32)
    ${vecs.map((v) => `(local ${v} v128)`).join(' ')}
    (local.set $kpanels (i32.shr_u (local.get $kp) ${i32(2)}))
    (local.set $q (i32.shr_u (local.get $jp) ${i32(2)}))
    ;; From the end of one block's panel to the same panel of the next block.
    (local.set $aSkip (i32.sub (i32.mul (local.get $kp) ${i32(DENSE_BLOCK * 4)}) ${i32(PANEL_BYTES)}))
    (local.set $dSkip (i32.sub (i32.mul (local.get $jp) ${i32(DENSE_BLOCK * 4)}) ${i32(PANEL_BYTES)}))
    (local.set $gq (local.get $pg))
    (local.set $gbq (local.get $pgb))
    (local.set $dq (local.get $pdz))
    (block $groupsDone
      (br_if $groupsDone (i32.lt_u (local.get $q) ${i32(GRAD_PANELS)}))
      (loop $groups
        ${group(GRAD_PANELS, unroll)}
        (br_if $groups (i32.ge_u (local.get $q) ${i32(GRAD_PANELS)}))))${tails})`;
}
