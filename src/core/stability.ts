/**
 * Why a run blows up at the tutorial's learning rate when the network grows: the tutorial
 * sums gradients over the N points (no 1/N), and the output sums over H units, so a step's
 * size grows with N * H. The tutorial's lr = 0.01 at N = 30, H = 10 sits at 3 / (N * H);
 * beyond a few times that, plain SGD on the summed gradient tends to diverge.
 */

/** lr * N * H at the tutorial's own settings (0.01 * 30 * 10). */
export const TUTORIAL_STEP_SCALE = 3;
/** How far past the tutorial's scale a learning rate may go before we warn. */
const WARN_FACTOR = 3;

/** The tutorial's learning rate scaled to N points and H units. */
export function suggestedLearningRate(points: number, hidden: number): number {
  const raw = TUTORIAL_STEP_SCALE / (Math.max(points, 1) * Math.max(hidden, 1));
  // A round number a person can type: 1, 2 or 5 times a power of ten, not above raw.
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  const mant = raw / base;
  return Number(((mant >= 5 ? 5 : mant >= 2 ? 2 : 1) * base).toPrecision(1));
}

/** Whether lr is large enough, for N and H, that divergence is likely. */
export function learningRateRisky(learningRate: number, points: number, hidden: number): boolean {
  return learningRate * points * hidden > WARN_FACTOR * TUTORIAL_STEP_SCALE;
}
