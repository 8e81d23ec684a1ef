/**
 * The steps at which a running page samples the held-out test loss, independent of frames
 * (a fast engine may take thousands of steps per frame). The stride is a power of two that
 * grows with the step, about SAMPLES_PER_OCTAVE samples per doubling of the step count, so
 * early steps are sampled densely and a run of any length keeps a bounded number; never
 * finer than `floor` (itself a power of two, raised where the samples cost too much).
 */

/** Samples per doubling of the step count, once the stride exceeds the floor. */
export const SAMPLES_PER_OCTAVE = 32;
/** The finest stride: every step would cost a forward pass over the held-out points per step. */
export const MIN_TEST_STRIDE = 4;

/** The stride in force at step (>= 1): a power of two, at least floor. */
export function testStride(step: number, floor = MIN_TEST_STRIDE): number {
  const octave = Math.floor(Math.log2(Math.max(1, step)));
  return Math.max(floor, 2 ** Math.max(0, octave - Math.log2(SAMPLES_PER_OCTAVE)));
}

/** The first sampling step after `step`: the next multiple of the stride in force. */
export function nextTestStep(step: number, floor = MIN_TEST_STRIDE): number {
  // The stride only grows with the step, and each is a multiple of the last: the next multiple
  // of the current stride is on the grid unless it crosses into a coarser octave, where the
  // coarser stride's next multiple is.
  let next = (Math.floor(step / testStride(step + 1, floor)) + 1) * testStride(step + 1, floor);
  const coarser = testStride(next, floor);
  if (next % coarser !== 0) next = (Math.floor(step / coarser) + 1) * coarser;
  return next;
}
