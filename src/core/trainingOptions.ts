/**
 * How a run learns (issue #20): mini-batch size, gradient reduction, optimizer and its
 * momentum, L1/L2 penalties on the weights. The defaults are the tutorial's: full batch,
 * summed gradient, plain gradient descent, no penalty. Checked as config.ts checks a
 * setting (a range per number, a list per choice); RunConfig holds them flat.
 */
import { inRange, type NumericSpec } from './numeric';
import type { Accepts } from './problems';

export const REDUCTIONS = ['sum', 'mean'] as const;
/** `sum`: the tutorial's summed gradient; `mean`: divided by the batch's size. */
export type Reduction = (typeof REDUCTIONS)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface TrainingOptions {
  /** Points per step; null is the full batch (all training points, in order). */
  batchSize: number | null;
  reduction: Reduction;
  optimizer: OptimizerName;
  /** The momentum optimizer's m (PyTorch's SGD `momentum`); unused by the others. */
  momentum: number;
  /** Penalty l1 * sum|w| on the weights (not the biases). */
  l1: number;
  /** Penalty (l2 / 2) * sum w^2 on the weights, i.e. PyTorch's weight_decay: adds l2 * w to g. */
  l2: number;
}

export const DEFAULT_TRAINING_OPTIONS: Readonly<TrainingOptions> = {
  batchSize: null,
  reduction: 'sum',
  optimizer: 'sgd',
  momentum: 0.9,
  l1: 0,
  l2: 0,
};

/** Most points a dataset may have (config's NUMERIC_SPECS.points.max; a test holds them equal). */
export const MAX_BATCH = 5000;

/** The training options of a whole config (or any object holding them). */
export function trainingOptionsOf(from: TrainingOptions): TrainingOptions {
  const { batchSize, reduction, optimizer, momentum, l1, l2 } = from;
  return { batchSize, reduction, optimizer, momentum, l1, l2 };
}

/** Whether two sets of options are the same (every key equal). */
export function sameOptions(a: TrainingOptions, b: TrainingOptions): boolean {
  return (Object.keys(DEFAULT_TRAINING_OPTIONS) as (keyof TrainingOptions)[]).every(
    (k) => a[k] === b[k],
  );
}

export type TrainingNumericKey = 'batchSize' | 'momentum' | 'l1' | 'l2';

/**
 * Accepted ranges. A batch has at most as many points as a dataset may have (a batch above
 * a run's N is clamped to N by whoever runs it). Momentum stays below 1: at 1 the velocity
 * never forgets a gradient.
 */
export const TRAINING_NUMERIC_SPECS: Record<TrainingNumericKey, NumericSpec> = {
  batchSize: { min: 1, max: MAX_BATCH, integer: true, minInclusive: true },
  momentum: { min: 0, max: 0.999, integer: false, minInclusive: true },
  l1: { min: 0, max: 10, integer: false, minInclusive: true },
  l2: { min: 0, max: 10, integer: false, minInclusive: true },
};

/** What each option accepts, for the messages; batchSize also accepts null (the full batch). */
export const TRAINING_ACCEPTS: { [K in keyof TrainingOptions]: Accepts } = {
  batchSize: { kind: 'range', range: TRAINING_NUMERIC_SPECS.batchSize },
  reduction: { kind: 'oneOf', values: REDUCTIONS },
  optimizer: { kind: 'oneOf', values: OPTIMIZERS },
  momentum: { kind: 'range', range: TRAINING_NUMERIC_SPECS.momentum },
  l1: { kind: 'range', range: TRAINING_NUMERIC_SPECS.l1 },
  l2: { kind: 'range', range: TRAINING_NUMERIC_SPECS.l2 },
};

export function isReduction(value: unknown): value is Reduction {
  return typeof value === 'string' && (REDUCTIONS as readonly string[]).includes(value);
}

export function isOptimizerName(value: unknown): value is OptimizerName {
  return typeof value === 'string' && (OPTIMIZERS as readonly string[]).includes(value);
}

/** One training option that is not acceptable, and what it accepts. */
export interface TrainingOptionProblem {
  key: keyof TrainingOptions;
  accepts: Accepts;
}

const isNumberIn = (value: unknown, spec: NumericSpec) =>
  typeof value === 'number' && inRange(value, spec);

/** Checks one option's value, whatever it came from (typed text, JSON, a link). Pure. */
export function checkTrainingOption(
  key: keyof TrainingOptions,
  value: unknown,
): TrainingOptionProblem | null {
  let ok: boolean;
  switch (key) {
    case 'batchSize':
      ok = value === null || isNumberIn(value, TRAINING_NUMERIC_SPECS.batchSize);
      break;
    case 'reduction':
      ok = isReduction(value);
      break;
    case 'optimizer':
      ok = isOptimizerName(value);
      break;
    case 'momentum':
    case 'l1':
    case 'l2':
      ok = isNumberIn(value, TRAINING_NUMERIC_SPECS[key]);
      break;
  }
  return ok ? null : { key, accepts: TRAINING_ACCEPTS[key] };
}

/** Checks every option; returns the problems found, empty when valid. */
export function validateTrainingOptions(options: TrainingOptions): TrainingOptionProblem[] {
  const problems: TrainingOptionProblem[] = [];
  for (const key of Object.keys(TRAINING_ACCEPTS) as (keyof TrainingOptions)[]) {
    const problem = checkTrainingOption(key, options[key]);
    if (problem) problems.push(problem);
  }
  return problems;
}
