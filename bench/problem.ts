/** One benchmark configuration: the tutorial's data and initial weights, shared by every implementation. */
import type { ActivationName } from '../src/core/activations';
import { buildModel } from '../src/core/buildModel';

export interface BenchConfig {
  points: number;
  hidden: number;
  activation: ActivationName;
}

export interface Problem extends BenchConfig {
  x: Float32Array;
  y: Float32Array;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
  /** 3 / (N H): small enough that no configuration diverges (0.01 does beyond N H ~ 300). */
  learningRate: number;
}

/** Useful floating-point work per step, as the issue counts it. */
export const flopsPerStep = (c: BenchConfig) => 12 * c.points * c.hidden;

export function makeProblem(config: BenchConfig): Problem {
  const { data, net } = buildModel({
    dataset: 'quadratic',
    noise: 0.2,
    seed: 0,
    points: config.points,
    layers: [config.hidden],
    activation: config.activation,
    init: 'tutorial',
  });
  const [l1, l2] = net.layers;
  return {
    ...config,
    x: data.x,
    y: data.y,
    w1: l1!.w,
    b1: l1!.b,
    w2: l2!.w,
    b2: l2!.b,
    learningRate: 3 / (config.points * config.hidden),
  };
}

/** A trainer under test: step() trains one full-batch step and returns its loss (before the update). */
export interface Trainer {
  step(): number;
  dispose?(): void;
}
