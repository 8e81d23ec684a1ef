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
 *
 * How the run learns changes the count and the step (issue #20): a step sums over its batch,
 * not over N, and under `mean` over one point's worth (summedPoints); a batch smaller than N
 * halves the rate (MINI_BATCH_SAFETY); momentum carries a step 1 / (1 - m) as far, so the
 * rate is that much smaller (momentumPileUp); L2 adds l2 to every weight's curvature.
 * RMSProp and Adam move each weight about lr a step whatever the gradient's size, so their
 * rate is a step in the weights' units, the same for any N, batch or reduction.
 */
import type { ActivationName } from './activations';
import type { ModelConfig } from './config';
import { initBias, initWeightScale } from './init';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';

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

/** What the advice reads of how the run learns; a missing option is the tutorial's. */
export type AdviceOptions = Pick<
  TrainingOptions,
  'batchSize' | 'reduction' | 'optimizer' | 'momentum' | 'l2'
>;

/** A network and, optionally, how it learns: what the advice is about. */
export type AdviceShape = NetworkShape & Partial<AdviceOptions>;

/**
 * RMSProp and Adam divide each parameter's step by the root of its running mean of g^2, so
 * a step moves every parameter by about lr whatever the gradient's size: N, the batch and
 * sum or mean drop out, and a rate is a step in the weights' own units. Adam corrects its
 * means' start at zero, so its steps are about lr from the first; RMSProp's mean of g^2
 * starts at zero uncorrected (0.01 g^2 after one step), so its first steps are up to
 * 1 / sqrt(1 - 0.99) = 10 times lr. This is that first-step factor.
 */
export const ADAPTIVE_FIRST_STEP = { adam: 1, rmsprop: 10 } as const;
/** The largest first step per weight we suggest: a tenth of the tutorial's weights (0.1). */
export const ADAPTIVE_SAFE_STEP = 0.01;
/** A first step per weight past this (as large as the tutorial's weights) is warned of. */
export const ADAPTIVE_WARN_STEP = 0.1;

/** The first step per weight an adaptive optimizer takes at rate lr, about. */
function adaptiveStep(learningRate: number, optimizer: 'rmsprop' | 'adam'): number {
  return learningRate * ADAPTIVE_FIRST_STEP[optimizer];
}

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

/** The step-size scale of n summed points and a network (n: summedPoints). */
function dataScale(n: number, model: NetworkShape): number {
  n = Math.max(n, 1);
  // The tutorial's own network keeps the rule its experiments calibrated.
  if (model.layers.length <= 1 && model.init === 'tutorial')
    return n * (Math.max(model.layers[0] ?? 1, 1) + OUTPUT_BIAS_UNITS);
  const units = model.layers.reduce((sum, w) => sum + Math.max(w, 1), 0);
  return n * Math.max(units + OUTPUT_BIAS_UNITS, DEPTH_SAFETY * expectedGradientSquare(model));
}

/**
 * The points whose gradients one step adds up: the batch (clamped to the N training points)
 * under `sum`; under `mean` the loss is divided by the batch, so its curvature is one
 * point's, whatever N or the batch.
 */
export function summedPoints(points: number, shape: AdviceShape): number {
  const batch = Math.min(shape.batchSize ?? points, points);
  return shape.reduction === 'mean' ? 1 : Math.max(batch, 1);
}

/**
 * How far momentum m carries a step: v = m v + g tends to g / (1 - m) on a steady slope, so
 * the weights move lr / (1 - m) times the gradient a step (10 times at m = 0.9), and a
 * batch's noise goes as far (heavy-ball's stationary spread is plain SGD's at lr / (1 - m)).
 * On a fixed quadratic heavy-ball stays stable up to lr L < 2 (1 + m), above plain descent's
 * 2, but that bound holds only while the curvature stays put: the piled-up steps carry the
 * weights into steeper places first (stability.test.ts has a network that diverges at
 * 1 + m times the plain rate). So the advice keeps the effective step lr / (1 - m) where
 * plain SGD's step is safe. 1 for the other optimizers.
 */
export function momentumPileUp(shape: Partial<AdviceOptions>): number {
  if (shape.optimizer !== 'momentum') return 1;
  return 1 / (1 - (shape.momentum ?? DEFAULT_TRAINING_OPTIONS.momentum));
}

/**
 * A batch smaller than N halves the suggestion. The rule above bounds the Gauss-Newton
 * part of the curvature, sum over the batch of 2 (do/dtheta)^2; the rest, sum of
 * 2 (o - y) d2o/dtheta2, largely cancels over many points of a fit (residuals of both signs)
 * but not over a few, and a batch's gradient is noisy besides.
 */
export const MINI_BATCH_SAFETY = 2;

/**
 * The step-size scale for the gradient methods (sgd, momentum): the data's curvature over
 * the summed points, plus L2's (its penalty (l2/2) w^2 adds l2 to every weight's
 * curvature; counted SAFE_STEP_SCALE times, so the suggestion keeps lr * l2 <= 1, half of
 * the 2 / l2 where it alone would diverge), times how far momentum carries a step.
 */
function stepScale(points: number, shape: AdviceShape): number {
  const mini = (shape.batchSize ?? points) < points ? MINI_BATCH_SAFETY : 1;
  const curvature =
    mini * dataScale(summedPoints(points, shape), shape) + SAFE_STEP_SCALE * (shape.l2 ?? 0);
  return curvature * momentumPileUp(shape);
}

/** The largest of 1, 2 or 5 times a power of ten that is not above value: a rate a person can type. */
function roundDownToNice(value: number): number {
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  const mant = value / base;
  return Number(((mant >= 5 ? 5 : mant >= 2 ? 2 : 1) * base).toPrecision(1));
}

/** A learning rate that trains N training points on this network without blowing up. */
export function suggestedLearningRate(points: number, model: AdviceShape): number {
  if (model.optimizer === 'adam' || model.optimizer === 'rmsprop')
    return ADAPTIVE_SAFE_STEP / ADAPTIVE_FIRST_STEP[model.optimizer];
  return roundDownToNice(SAFE_STEP_SCALE / stepScale(points, model));
}

/** Whether lr is large enough, for N training points and this network, that divergence is likely. */
export function learningRateRisky(
  learningRate: number,
  points: number,
  model: AdviceShape,
): boolean {
  if (model.optimizer === 'adam' || model.optimizer === 'rmsprop')
    return adaptiveStep(learningRate, model.optimizer) > ADAPTIVE_WARN_STEP;
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
  model: AdviceShape,
): number {
  const tenth = Number((learningRate / RESCUE_DIVISOR).toPrecision(6));
  return Math.min(tenth, suggestedLearningRate(points, model));
}
