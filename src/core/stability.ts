/**
 * Why a run blows up at the tutorial's learning rate when the data or the network grows:
 * the tutorial sums gradients over the N points it trains on (no 1/N), and the output sums
 * over H units plus its own bias, so a step's size grows with N * (H + OUTPUT_BIAS_UNITS).
 * N is always the number of points trained on: held-out points add nothing to a step.
 */
import type { ModelConfig } from './config';

/**
 * The output bias moves the output at every point with weight 1, so its curvature (2N)
 * alone caps a stable rate at 1/N, whatever H; at the tutorial's initial weights (0.1) a
 * hidden unit adds far less. Counting the bias as this many units keeps the advice true at
 * small H, where N * H alone called rates up to 9/N safe and they diverged at H = 1.
 */
export const OUTPUT_BIAS_UNITS = 12;
/** lr * N * (H + OUTPUT_BIAS_UNITS) of the rate we suggest, at most. */
export const SAFE_STEP_SCALE = 3;
/** How far past the suggested scale a learning rate may go before we warn. */
const WARN_FACTOR = 3;
/** What the rescue divides the learning rate by, at least. */
const RESCUE_DIVISOR = 10;

/** What the advice needs to know of a network. */
export type NetworkShape = Pick<ModelConfig, 'layers' | 'activation' | 'init'>;

/** The step-size scale of N training points and a network. */
function stepScale(points: number, model: NetworkShape): number {
  const hidden = model.layers[0]!;
  return Math.max(points, 1) * (Math.max(hidden, 1) + OUTPUT_BIAS_UNITS);
}

/** The largest of 1, 2 or 5 times a power of ten that is not above value: a rate a person can type. */
function roundDownToNice(value: number): number {
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  const mant = value / base;
  return Number(((mant >= 5 ? 5 : mant >= 2 ? 2 : 1) * base).toPrecision(1));
}

/** A learning rate that trains N training points and H hidden units without blowing up. */
export function suggestedLearningRate(points: number, model: NetworkShape): number {
  return roundDownToNice(SAFE_STEP_SCALE / stepScale(points, model));
}

/** Whether lr is large enough, for N training points and H units, that divergence is likely. */
export function learningRateRisky(
  learningRate: number,
  points: number,
  model: NetworkShape,
): boolean {
  return learningRate * stepScale(points, model) > WARN_FACTOR * SAFE_STEP_SCALE;
}

/**
 * The rate a rescue goes on with after divergence at `learningRate`: a tenth of it, but
 * never above the suggestion, so that the advice calls it safe (a tenth of a rate 10 000
 * times too large would blow up again).
 */
export function rescueLearningRate(
  learningRate: number,
  points: number,
  model: NetworkShape,
): number {
  const tenth = Number((learningRate / RESCUE_DIVISOR).toPrecision(6));
  return Math.min(tenth, suggestedLearningRate(points, model));
}
