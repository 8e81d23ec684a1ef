/**
 * The deep configurations of issue #21: 1 -> widths -> 1, relu, He initial weights, one
 * problem shared by every implementation (data, weights and the first epoch's batch order
 * drawn exactly as a TrainingRun of the same config draws them).
 */
import { buildModel } from '../src/core/buildModel';
import type { ModelConfig } from '../src/core/config';
import type { OptimizerName } from '../src/core/trainingOptions';

export interface DeepConfig {
  /** Points N. */
  points: number;
  /** Hidden widths from the input side. */
  widths: number[];
  optimizer: Extract<OptimizerName, 'sgd' | 'adam'>;
  /** Points per step; null is the full batch. */
  batchSize: number | null;
}

/** Issue #21's targets: plain SGD at three shapes, Adam at 256 x 3, mini-batch Adam at 64 x 3. */
export const DEEP_CONFIGS: readonly DeepConfig[] = [
  { points: 1000, widths: [64, 64, 64], optimizer: 'sgd', batchSize: null },
  { points: 1000, widths: [256, 256, 256], optimizer: 'sgd', batchSize: null },
  { points: 2000, widths: [1024, 1024], optimizer: 'sgd', batchSize: null },
  { points: 1000, widths: [256, 256, 256], optimizer: 'adam', batchSize: null },
  { points: 1000, widths: [64, 64, 64], optimizer: 'adam', batchSize: 32 },
];

/** "sgd 1->64x3->1 N=1000", "adam b=32 1->64x3->1 N=1000". */
export function deepLabel(c: DeepConfig): string {
  const same = c.widths.every((w) => w === c.widths[0]);
  const shape = same ? `${c.widths[0]}x${c.widths.length}` : c.widths.join(',');
  const batch = c.batchSize === null ? '' : ` b=${c.batchSize}`;
  return `${c.optimizer}${batch} 1->${shape}->1 N=${c.points}`;
}

/** The name `--only` picks a configuration by: "deep-sgd-256x3-1000", "deep-adam-b32-64x3-1000". */
export function deepKey(c: DeepConfig): string {
  const same = c.widths.every((w) => w === c.widths[0]);
  const shape = same ? `${c.widths[0]}x${c.widths.length}` : c.widths.join(',');
  const batch = c.batchSize === null ? '' : `-b${c.batchSize}`;
  return `deep-${c.optimizer}${batch}-${shape}-${c.points}`;
}

/** Points in one step's batch. */
export const batchPoints = (c: DeepConfig) => Math.min(c.batchSize ?? c.points, c.points);

/** Useful work per step as the issue counts it: 6 x batch x fan_in x fan_out per layer. */
export function deepFlopsPerStep(c: DeepConfig): number {
  const dims = [1, ...c.widths, 1];
  let sum = 0;
  for (let i = 1; i < dims.length; i++) sum += dims[i - 1]! * dims[i]!;
  return 6 * batchPoints(c) * sum;
}

/**
 * Learning rate: for SGD on the tutorial's summed gradient, small enough that no shape
 * diverges (the gradient grows with N and the widths); Adam's steps do not scale with the
 * gradient, so its usual 1e-3.
 */
export function deepLearningRate(c: DeepConfig): number {
  return c.optimizer === 'adam' ? 1e-3 : 1 / (batchPoints(c) * Math.max(...c.widths));
}

export function deepModelConfig(c: DeepConfig): ModelConfig {
  return {
    dataset: 'quadratic',
    noise: 0.2,
    seed: 0,
    points: c.points,
    layers: c.widths,
    activation: 'relu',
    init: 'he',
  };
}

export interface DeepProblem extends DeepConfig {
  x: Float32Array;
  y: Float32Array;
  /** Per layer, input side first: w (fan_in x fan_out, row-major) and b. */
  layers: { w: Float32Array; b: Float32Array }[];
  learningRate: number;
  /** The first epoch's order (np.random.permutation(N) after the weights), or null with the full batch. */
  order: Int32Array | null;
}

export function makeDeepProblem(c: DeepConfig): DeepProblem {
  const { data, net, rng } = buildModel(deepModelConfig(c));
  const full = batchPoints(c) === c.points;
  return {
    ...c,
    x: data.x,
    y: data.y,
    layers: net.layers.map((l) => ({ w: l.w.slice(), b: l.b.slice() })),
    learningRate: deepLearningRate(c),
    order: full ? null : rng.permutation(c.points),
  };
}
