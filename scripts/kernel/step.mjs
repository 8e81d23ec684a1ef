// The exported step function of the fused kernel (one full-batch step, or the loss alone),
// and the once-per-call scaling of the weights for activations with an inputScale.
import { ZERO, f32x4 } from './activations.mjs';
import { addMul, madd } from './simd.mjs';
import {
  BLOCK,
  FLUSH_BELOW,
  SCRATCH_BYTES,
  SMALL_BLOCK,
  add,
  fold4,
  g,
  i32,
  L,
  lanes,
  stores,
  sum2,
} from './wat.mjs';

/** The activation's pieces of a step's text: the accumulators' zeroing, the gradients' finish and the update. */
export function stepParts(act) {
  const homogeneous = !('grad' in act);
  const zeroAcc = ['pGB1', 'pGW1', 'pGW2']
    .map((p) => `(v128.store ${add(g(p), L('j'))} ${ZERO})`)
    .join(' ');
  const poly = act.gradPoly;
  // sum d act' and sum x d act' from the poly sums: c0 D + c1 sum(d a) - sum(d a^2), c0 XD +- GW1.
  // Leaky slopes: act' = s + (1 - s) [z > 0], so sum d act' = s D + (1 - s) sum d [z > 0].
  const slope = act.slope ?? 0;
  const masked = (p) =>
    slope
      ? `(f32x4.mul ${f32x4(1 - slope)} (v128.load ${add(g(p), L('j'))}))`
      : `(v128.load ${add(g(p), L('j'))})`;
  const sdExpr = poly
    ? `(f32x4.sub ${poly[1] ? `(f32x4.add (local.get $dsplat) (v128.load ${add(g('pGW2'), L('j'))}))` : '(local.get $dsplat)'} (v128.load ${add(g('pGB1'), L('j'))}))`
    : slope
      ? `(f32x4.add (local.get $dsplat) ${masked('pGB1')})`
      : masked('pGB1');
  const sxdExpr = poly
    ? poly[1]
      ? `(f32x4.add (local.get $xdsplat) (v128.load ${add(g('pGW1'), L('j'))}))`
      : `(f32x4.sub (local.get $xdsplat) (v128.load ${add(g('pGW1'), L('j'))}))`
    : slope
      ? `(f32x4.add (local.get $xdsplat) ${masked('pGW1')})`
      : masked('pGW1');
  const c0 = poly ? poly[0] : slope;
  // outAffine [alpha, beta]: the backward summed d t over the core activation t, and
  // a = alpha + beta t, so sum d a = alpha D + beta sum d t; act' carries gradScale.
  const [alpha, beta] = act.outAffine ?? [0, 1];
  const scaled = (e) => (act.gradScale ? `(f32x4.mul ${f32x4(act.gradScale)} ${e})` : e);
  const gw2 = homogeneous
    ? madd(
        `(v128.load ${add(g('pW1'), L('j'))})`,
        '(local.get $sxd)',
        `(f32x4.mul (v128.load ${add(g('pB1'), L('j'))}) (local.get $sd))`,
      )
    : act.outAffine
      ? madd(
          `(v128.load ${add(g('pGW2'), L('j'))})`,
          f32x4(beta),
          `(f32x4.mul ${f32x4(alpha)} (local.get $draw))`,
        )
      : `(v128.load ${add(g('pGW2'), L('j'))})`;
  // w += lr g, then a parameter smaller than FLUSH_BELOW in magnitude becomes exactly 0 (NaN
  // stays NaN: its compare is false). See FLUSH_BELOW in wat.mjs for why.
  const upd = (
    p,
    gv,
  ) => `(local.set $t ${addMul(`(v128.load ${add(g(p), L('j'))})`, '(local.get $lrv)', gv)})
          (local.set $t (v128.andnot (local.get $t) (f32x4.lt (f32x4.abs (local.get $t)) ${f32x4(FLUSH_BELOW)})))
          (v128.store ${add(g(p), L('j'))} (local.get $t))
          (local.set $psum (f32x4.add (local.get $psum) (local.get $t)))`;
  return { zeroAcc, upd, sdExpr, sxdExpr, c0, gw2, scaled };
}

/**
 * One step (train = 1) or just the loss of the current parameters (train = 0).
 * Returns the mean squared error before the update.
 */
export function stepFunc(key, act) {
  const parts = stepParts(act);
  return `
  (func (export "step_${key}") (param $lr f32) (param $train i32) (result f64)
    ${STEP_LOCALS}
    (if (local.get $train) (then
      ${zeroAccumulators(parts.zeroAcc)}))
    ${callScale(key, act)}
    ${blockSize(act)}
    ${blockLoop(key, act, i32(0), `(i32.shl ${g('np')} ${i32(2)})`, '(local.get $train)')}
    (if (local.get $train) (then
      ${finishUpdate(act, parts, sum2('$dsum'), sum2('$xdsum'))}))
    (f64.div ${sum2('$lossv')}
      (f64.convert_i32_u ${g('n')}))
  )`;
}

/** The locals of a step (and of the split step's entries, which run the same code). */
export const STEP_LOCALS = `(local $b i32) (local $e i32) (local $small i32) (local $blockBytes i32) (local $i i32) (local $j i32) (local $gb2 f64)
    (local $lossv v128) (local $dsum v128) (local $xdsum v128) (local $dsplat v128) (local $xdsplat v128) (local $ev v128) (local $dv v128) (local $lrv v128) (local $psum v128) (local $draw v128) (local $b2new f32)
    (local $xv v128) (local $r01 v128) (local $r23 v128) (local $x01 v128) (local $x23 v128) (local $sd v128) (local $sxd v128) (local $w2 v128) (local $gw1 v128) (local $gb1 v128) (local $gw2 v128) (local $t v128)`;

/** Zeroes the backward's accumulators (GB1, GW1, GW2). */
export const zeroAccumulators = (zeroAcc) => `(local.set $j ${i32(0)})
      (loop $zero ${zeroAcc} (br_if $zero (i32.lt_u (local.tee $j ${add(L('j'), i32(16))}) ${g('hb')})))`;

/**
 * Forward, errors and (when `train`, an i32 expression) backward over the samples from byte
 * offset `start` to `end` (multiples of 16, start < end) in blocks of $blockBytes: adds the
 * loss to $lossv, sum d to $dsum, sum x d to $xdsum and the block's sums to the accumulators.
 */
export function blockLoop(key, act, start, end, train) {
  return `(local.set $b ${start})
    (loop $blocks
      (local.set $e (select ${add(L('b'), L('blockBytes'))} ${end}
        (i32.lt_u ${add(L('b'), L('blockBytes'))} ${end})))
      ${forwardCall(key, act, `${add(g('pX'), L('b'))} ${add(g('pO'), L('b'))} (i32.shr_u (i32.sub (local.get $e) (local.get $b)) ${i32(2)}) ${g('pA')}`)}
      ;; e = (o - y) m; loss += e^2; d = -2 e; xd = x d (float64 sums of the loss and of d).
      (local.set $i (local.get $b))
      (loop $errors
        (local.set $ev (f32x4.mul (f32x4.sub (v128.load ${add(g('pO'), L('i'))}) (v128.load ${add(g('pY'), L('i'))})) (v128.load ${add(g('pM'), L('i'))})))
        (local.set $t (f32x4.mul (local.get $ev) (local.get $ev)))
        (local.set $lossv (f64x2.add (local.get $lossv) (f64x2.add (f64x2.promote_low_f32x4 (local.get $t))
          (f64x2.promote_low_f32x4 (i8x16.shuffle ${lanes(2, 3, 0, 1)} (local.get $t) (local.get $t))))))
        (local.set $dv (f32x4.mul (local.get $ev) ${f32x4(-2)}))
        (local.set $t (f32x4.mul (local.get $dv) (local.tee $xv (v128.load ${add(g('pX'), L('i'))}))))
        ${storeRecords(`${add(g('pS'), `(i32.shl (local.get $i) ${i32(2)})`)}`)}
        (local.set $xdsum (f64x2.add (local.get $xdsum) (f64x2.add (f64x2.promote_low_f32x4 (local.get $t))
          (f64x2.promote_low_f32x4 (i8x16.shuffle ${lanes(2, 3, 0, 1)} (local.get $t) (local.get $t))))))
        (local.set $dsum (f64x2.add (local.get $dsum) (f64x2.add (f64x2.promote_low_f32x4 (local.get $dv))
          (f64x2.promote_low_f32x4 (i8x16.shuffle ${lanes(2, 3, 0, 1)} (local.get $dv) (local.get $dv))))))
        (br_if $errors (i32.lt_u (local.tee $i ${add(L('i'), i32(16))}) (local.get $e))))
      (if ${train} (then ${blockCall(`bwd_${key}`, stores(act), '(local.get $b) (local.get $e)')}))
      (br_if $blocks (i32.lt_u (local.tee $b (local.get $e)) ${end})))`;
}

/**
 * From the accumulators and the float64 sums D (`dsum`) and X D (`xdsum`) to the gradients,
 * then the update w += lr g: the step's last part, run once per step whatever the split.
 */
export function finishUpdate(act, { upd, sdExpr, sxdExpr, c0, gw2, scaled }, dsum, xdsum) {
  return `;; Finish the gradients with the old parameters, then update: w += lr g.
      (local.set $lrv (f32x4.splat (local.get $lr)))
      ;; D = sum d (gb2), in float64.
      (local.set $gb2 ${dsum})
      ${act.outAffine ? '(local.set $draw (f32x4.splat (f32.demote_f64 (local.get $gb2))))' : ''}
      (local.set $dsplat (f32x4.splat (f32.demote_f64 (f64.mul (f64.const ${c0}) (local.get $gb2)))))
      (local.set $xdsplat (f32x4.splat (f32.demote_f64 (f64.mul (f64.const ${c0}) ${xdsum}))))
      (local.set $j ${i32(0)})
      (loop $update
        (local.set $sd ${scaled(sdExpr)})
        (local.set $sxd ${scaled(sxdExpr)})
        (local.set $w2 (v128.load ${add(g('pW2'), L('j'))}))
        (local.set $gw2 ${gw2})
        (local.set $gb1 (f32x4.mul (local.get $w2) (local.get $sd)))
        (local.set $gw1 (f32x4.mul (local.get $w2) (local.get $sxd)))
        (v128.store ${add(g('pGB1'), L('j'))} (local.get $gb1))
        (v128.store ${add(g('pGW1'), L('j'))} (local.get $gw1))
        (v128.store ${add(g('pGW2'), L('j'))} (local.get $gw2))
        ${upd('pW1', '(local.get $gw1)')}
        ${upd('pB1', '(local.get $gb1)')}
        ${upd('pW2', '(local.get $gw2)')}
        (br_if $update (i32.lt_u (local.tee $j ${add(L('j'), i32(16))}) ${g('hb')})))
      (f32.store ${g('pGB2')} (f32.demote_f64 (local.get $gb2)))
      ;; b2 += lr gb2, flushed below FLUSH_BELOW like the other parameters.
      (local.set $b2new (f32.add (f32.load ${g('pB2')}) (f32.mul (local.get $lr) (f32.load ${g('pGB2')}))))
      (f32.store ${g('pB2')} (select (f32.const 0) (local.get $b2new) (f32.lt (f32.abs (local.get $b2new)) (f32.const ${FLUSH_BELOW}))))
      ;; Padded units: keep w2 = 0 so they never reach the output, and report no gradient.
      (local.set $j (i32.shl ${g('h')} ${i32(2)}))
      (block $padDone (loop $pad
        (br_if $padDone (i32.ge_u (local.get $j) ${g('hb')}))
        (f32.store ${add(g('pW2'), L('j'))} (f32.const 0))
        (f32.store ${add(g('pGW2'), L('j'))} (f32.const 0))
        (local.set $j ${add(L('j'), i32(4))})
        (br $pad)))
      (global.set $paramSum (f32.add (f32.load ${g('pB2')}) ${fold4('f32.add', '$psum')}))`;
}

/**
 * Stores the 4 samples' records [d, x d, x, 0] (d in $dv, x d in $t, x in $xv) at `at`, one
 * 16-byte record per sample: the backward pass then reads a sample's three scalars from one
 * pointer at fixed offsets, with no address arithmetic per array.
 */
function storeRecords(at) {
  const lo = (a, b) => `(i8x16.shuffle ${lanes(0, 4, 1, 5)} ${a} ${b})`;
  const hi = (a, b) => `(i8x16.shuffle ${lanes(2, 6, 3, 7)} ${a} ${b})`;
  const dx = ['(local.get $dv)', '(local.get $t)'];
  const x0 = ['(local.get $xv)', ZERO];
  const rec = (a, b, half) =>
    `(i8x16.shuffle ${half ? lanes(2, 3, 6, 7) : lanes(0, 1, 4, 5)} ${a} ${b})`;
  return `(local.set $r01 ${lo(...dx)}) (local.set $r23 ${hi(...dx)})
        (local.set $x01 ${lo(...x0)}) (local.set $x23 ${hi(...x0)})
        (v128.store offset=0 ${at} ${rec('(local.get $r01)', '(local.get $x01)', 0)})
        (v128.store offset=16 ${at} ${rec('(local.get $r01)', '(local.get $x01)', 1)})
        (v128.store offset=32 ${at} ${rec('(local.get $r23)', '(local.get $x23)', 0)})
        (v128.store offset=48 ${at} ${rec('(local.get $r23)', '(local.get $x23)', 1)})`;
}

/**
 * Bounds below clampBound by this relative margin count as never reaching it: it covers
 * the rounding of the bound's own three operations and of the forward's z (2^-22 at most).
 */
const CLAMP_MARGIN = 2 ** -16;

/**
 * For activations with an inputScale c: SW1 = c W1 and SB1 = c B1, which the forward pass
 * reads instead of W1 and B1 (see inputScale in activations.mjs). O(H), once per call.
 * With a clampBound, also sets $unclamped when every unit's scaled input stays below it on
 * the data: |SW1| max|x| + |SB1| < clampBound (1 - CLAMP_MARGIN) (max, not pmax, so a NaN
 * or infinite weight keeps the clamp).
 */
export function scaleFunc(key, act) {
  const bound = act.clampBound;
  const affine = act.outAffine;
  return `
  (func $scale_${key}
    (local $j i32) (local $c v128) (local $sw v128) (local $sb v128) (local $m v128) (local $xm v128) (local $w2s v128)
    (local.set $c ${f32x4(act.inputScale)})
    ${bound ? '(local.set $xm (f32x4.splat (global.get $xmax)))' : ''}
    (loop $units
      (v128.store ${add(g('pSW1'), L('j'))} (local.tee $sw (f32x4.mul (local.get $c) (v128.load ${add(g('pW1'), L('j'))}))))
      (v128.store ${add(g('pSB1'), L('j'))} (local.tee $sb (f32x4.mul (local.get $c) (v128.load ${add(g('pB1'), L('j'))}))))
      ${bound ? '(local.set $m (f32x4.max (local.get $m) (f32x4.add (f32x4.mul (f32x4.abs (local.get $sw)) (local.get $xm)) (f32x4.abs (local.get $sb)))))' : ''}
      ${affine ? `(local.set $w2s (f32x4.add (local.get $w2s) (v128.load ${add(g('pW2'), L('j'))})))` : ''}
      (br_if $units (i32.lt_u (local.tee $j ${add(L('j'), i32(16))}) ${g('hb')})))
    ${
      affine
        ? `;; The output's constant part: b2 + alpha sum w2 (see outAffine in activations.mjs).
    (global.set $outBias (f32.add (f32.load ${g('pB2')}) (f32.mul (f32.const ${affine[0]}) ${fold4('f32.add', '$w2s')})))`
        : ''
    }
    ${bound ? `(global.set $unclamped (f32.lt ${fold4('f32.max', '$m')} (f32.const ${bound * (1 - CLAMP_MARGIN)})))` : ''})`;
}

export const callScale = (key, act) => (act.inputScale ? `(call $scale_${key})` : '');

/** Sets $blockBytes (and $small for activations that store), the bytes of x per block. */
export function blockSize(act) {
  if (stores(act)) {
    return `;; Blocks of SMALL_BLOCK samples where BLOCK's would store more than SCRATCH_BYTES.
    (local.set $small (i32.gt_u (i32.mul ${g('hb')} ${i32(BLOCK * (act.storesGrad ? 2 : 1))}) ${i32(SCRATCH_BYTES)}))
    (local.set $blockBytes (select ${i32(SMALL_BLOCK * 4)} ${i32(BLOCK * 4)} (local.get $small)))`;
  }
  // Nothing stored per sample and unit: piecewise-linear activations take all samples as one
  // block (fewer passes of the backward's accumulators); none keeps BLOCK, which measured
  // faster for it than one block (docs/kernel.md).
  return act.mask
    ? `(local.set $blockBytes (i32.shl ${g('np')} ${i32(2)}))`
    : `(local.set $blockBytes ${i32(BLOCK * 4)})`;
}

/** A call of a block function, or of its SMALL_BLOCK twin when $small (activations that store per sample and unit). */
const blockCall = (fn, twin, args) =>
  twin
    ? `(if (local.get $small) (then (call $${fn}_small ${args})) (else (call $${fn} ${args})))`
    : `(call $${fn} ${args})`;

/** The forward pass a training step uses: storing activations only where the backward needs them. */
const trainForward = (key, act) => (stores(act) ? `fwd_${key}_store` : `fwd_${key}`);

/**
 * The call of the training forward on a block; for activations with a clampBound, the one
 * without the clamp when this step's scale function found no input can reach it.
 */
function forwardCall(key, act, args) {
  const call = (fn) => blockCall(fn, stores(act), args);
  if (!act.clampBound) return call(trainForward(key, act));
  return `(if (global.get $unclamped) (then ${call(`${trainForward(key, act)}_nc`)}) (else ${call(trainForward(key, act))}))`;
}
