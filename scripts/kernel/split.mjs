// The step split by samples across threads (docs/threads.md), from the same pieces as the
// one-thread step (step.mjs): each thread's grads_ runs forward, errors and backward over its
// own range of samples into its own accumulators and sums; then one thread's apply_ adds the
// other threads' accumulators to its own in thread order and finishes the step as step_ does.
import { blockLoop, blockSize, callScale, finishUpdate, stepParts, STEP_LOCALS } from './step.mjs';
import { zeroAccumulators } from './step.mjs';
import { add, g, i32, L, sum2 } from './wat.mjs';

/** Byte offsets in pSums of a thread's float64 sums: the loss, D = sum d, X D = sum x d. */
const SUMS = { loss: 0, d: 8, xd: 16 };

/**
 * This thread's share of a step: samples from byte offset lo to hi (multiples of 16; an
 * empty range adds nothing) into this thread's accumulators (zeroed first) and pSums.
 */
export function gradsFunc(key, act) {
  const parts = stepParts(act);
  const store = (at, v) => `(f64.store offset=${at} ${g('pSums')} ${v})`;
  return `
  (func (export "grads_${key}") (param $lo i32) (param $hi i32)
    ${STEP_LOCALS}
    ${zeroAccumulators(parts.zeroAcc)}
    ${callScale(key, act)}
    ${blockSize(act)}
    (if (i32.lt_u (local.get $lo) (local.get $hi)) (then
      ${blockLoop(key, act, L('lo'), L('hi'), i32(1))}))
    ${store(SUMS.loss, sum2('$lossv'))}
    ${store(SUMS.d, sum2('$dsum'))}
    ${store(SUMS.xd, sum2('$xdsum'))})`;
}

/**
 * After every thread's grads_: adds threads 1 .. threads - 1's accumulators and sums (each
 * `stride` bytes after the previous thread's) to this thread's, in that order, then finishes
 * the gradients and updates the parameters as step_ does. Returns the mean squared error
 * before the update.
 */
export function applyFunc(key, act) {
  const parts = stepParts(act);
  const sum = (at) => `(f64.load offset=${at} ${g('pSums')})`;
  return `
  (func (export "apply_${key}") (param $lr f32) (param $threads i32) (param $stride i32) (result f64)
    ${STEP_LOCALS}
    (call $reduce (local.get $threads) (local.get $stride))
    ${finishUpdate(act, parts, sum(SUMS.d), sum(SUMS.xd))}
    (f64.div ${sum(SUMS.loss)} (f64.convert_i32_u ${g('n')})))`;
}

/** The reduction apply_ starts with: thread 0's accumulators and sums += thread t's, t = 1, 2, ... */
export function reduceFunc() {
  const vec = (p) =>
    `(v128.store ${add(g(p), L('j'))} (f32x4.add (v128.load ${add(g(p), L('j'))}) (v128.load ${add(add(g(p), L('at')), L('j'))})))`;
  const f64 = (at) =>
    `(f64.store offset=${at} ${g('pSums')} (f64.add (f64.load offset=${at} ${g('pSums')}) (f64.load offset=${at} ${add(g('pSums'), L('at'))})))`;
  return `
  (func $reduce (param $threads i32) (param $stride i32)
    (local $t i32) (local $at i32) (local $j i32)
    (local.set $t ${i32(1)})
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $t) (local.get $threads)))
      (local.set $at (i32.mul (local.get $t) (local.get $stride)))
      (local.set $j ${i32(0)})
      (loop $units
        ${['pGB1', 'pGW1', 'pGW2'].map(vec).join(' ')}
        (br_if $units (i32.lt_u (local.tee $j ${add(L('j'), i32(16))}) ${g('hb')})))
      ${Object.values(SUMS).map(f64).join(' ')}
      (local.set $t ${add(L('t'), i32(1))})
      (br $each))))`;
}
