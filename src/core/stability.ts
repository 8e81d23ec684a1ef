/**
 * Why a run blows up at the tutorial's learning rate when the data or the network grows:
 * the tutorial sums gradients over the N points it trains on (no 1/N), and the output sums
 * over H units plus its own bias, so a step's size grows with N * (H + OUTPUT_BIAS_UNITS).
 * N is always the number of points trained on: held-out points add nothing to a step.
 *
 * At depth the rule is N * max(U + OUTPUT_BIAS_UNITS, DEPTH_SAFETY * K), with U the total of
 * hidden units and K the expected squared gradient of the output, sum over parameters of
 * (do/dtheta)^2, at the initial weights (x^2 <= 1): gradient descent on the summed loss
 * stays stable while lr * N * K < 1, since the largest curvature of sum (o - y)^2 is at most
 * 2 N K. K is propagated layer by layer: forward, each layer's second moment
 * n_in s^2 m_in + b^2 through the activation's bound on E[act(z)^2]; backward, each delta's
 * second moment n_out s^2 d_out times the bound on E[act'(z)^2]; then
 * K = sum over layers of (n_in m_in + 1) n_out d_out. The products of weights are what depth
 * adds: He's scale doubles a linear or tanh signal at every layer, the tutorial's 0.1 grows
 * it wherever a layer is wider than 100. The tutorial's own 1 -> H -> 1 network (its
 * initialisation, one layer) keeps the one-layer rule exactly; Glorot and He at one layer
 * take the K term too (He's sqrt(2) first-layer weights diverged at H = 1 under the old one).
 */
import type { ActivationName } from './activations';
import type { ModelConfig } from './config';
import { initBias, initWeightScale } from './init';

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

/** At depth, lr * N * K of the suggested rate is at most SAFE_STEP_SCALE / DEPTH_SAFETY. */
export const DEPTH_SAFETY = 3;

/** What the advice needs to know of a network. */
export type NetworkShape = Pick<ModelConfig, 'layers' | 'activation' | 'init'>;

/** Upper bounds of E[act(z)^2] for z of second moment v, and of E[act'(z)^2]. */
function activationMoments(act: ActivationName): { value: (v: number) => number; slope: number } {
  switch (act) {
    case 'none':
    case 'elu':
      return { value: (v) => v, slope: 1 };
    case 'relu':
    case 'leaky-relu':
      return { value: (v) => v / 2, slope: 0.5 };
    case 'tanh':
    case 'sine':
      return { value: (v) => Math.min(v, 1), slope: 1 };
    case 'sigmoid':
      return { value: (v) => Math.min(1, 0.25 + v / 16), slope: 1 / 16 };
    case 'softplus':
      return { value: (v) => 0.5 + v, slope: 0.5 };
  }
}

/** K: the expected sum over parameters of (do/dtheta)^2 at the initial weights (see the header). */
export function expectedGradientSquare(model: NetworkShape): number {
  const sizes = [1, ...model.layers, 1];
  const { value, slope } = activationMoments(model.activation);
  const b = initBias(model.init);
  const last = sizes.length - 1;
  // m[l]: second moment of layer l's outputs per unit (m[0]: x^2 <= 1).
  const m = [1];
  for (let l = 1; l <= last; l++) {
    const s = initWeightScale(model.init, sizes[l - 1]!, sizes[l]!);
    const v = sizes[l - 1]! * s * s * m[l - 1]! + b * b;
    m.push(l === last ? v : value(v));
  }
  // d[l]: second moment of the output's derivative with respect to layer l's pre-activations.
  const d = new Array<number>(sizes.length).fill(1);
  for (let l = last - 1; l >= 1; l--) {
    const s = initWeightScale(model.init, sizes[l]!, sizes[l + 1]!);
    d[l] = sizes[l + 1]! * s * s * d[l + 1]! * slope;
  }
  let k = 0;
  for (let l = 1; l <= last; l++) k += (sizes[l - 1]! * m[l - 1]! + 1) * sizes[l]! * d[l]!;
  return k;
}

/** The step-size scale of N training points and a network. */
function stepScale(points: number, model: NetworkShape): number {
  const n = Math.max(points, 1);
  // The tutorial's own network keeps the rule its experiments calibrated.
  if (model.layers.length <= 1 && model.init === 'tutorial')
    return n * (Math.max(model.layers[0] ?? 1, 1) + OUTPUT_BIAS_UNITS);
  const units = model.layers.reduce((sum, w) => sum + Math.max(w, 1), 0);
  return n * Math.max(units + OUTPUT_BIAS_UNITS, DEPTH_SAFETY * expectedGradientSquare(model));
}

/** The largest of 1, 2 or 5 times a power of ten that is not above value: a rate a person can type. */
function roundDownToNice(value: number): number {
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  const mant = value / base;
  return Number(((mant >= 5 ? 5 : mant >= 2 ? 2 : 1) * base).toPrecision(1));
}

/** A learning rate that trains N training points on this network without blowing up. */
export function suggestedLearningRate(points: number, model: NetworkShape): number {
  return roundDownToNice(SAFE_STEP_SCALE / stepScale(points, model));
}

/** Whether lr is large enough, for N training points and this network, that divergence is likely. */
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
