/**
 * The run configuration: what the worker needs to build data and model, plus the two
 * settings that change live (learning rate, speed). Ranges live in one table so the
 * page, the URL and the command line validate the same way.
 */
import { isActivation, type ActivationName } from './activations';
import { DEFAULT_EXPRESSION, isDataset, type DatasetName } from './dataset';
import type { NumericProblem } from './problems';
import { MAX_SEED } from './rng';

export interface ModelConfig {
  dataset: DatasetName;
  /** Target as an expression of x, used when dataset is 'custom' (optional elsewhere). */
  expression?: string;
  /** Number of samples N. */
  points: number;
  /** Standard deviation of the label noise. */
  noise: number;
  /** Seed of numpy's legacy generator. */
  seed: number;
  /** Hidden units H. */
  hidden: number;
  activation: ActivationName;
}

export interface RunConfig extends ModelConfig {
  /** Step size of plain SGD on the summed gradient. */
  learningRate: number;
  /** Target steps per second; Infinity means as fast as the core can go. */
  speed: number;
  /** Share of the points held out to measure the test loss, 0 to 0.9. */
  testShare: number;
}

/** The tutorial's last experiment: quadratic data, N = 30, noise 0.2, 1 -> 10 -> 1 with ReLU. */
export const DEFAULT_CONFIG: RunConfig = {
  dataset: 'quadratic',
  expression: DEFAULT_EXPRESSION,
  points: 30,
  noise: 0.2,
  seed: 0,
  hidden: 10,
  activation: 'relu',
  learningRate: 0.01,
  speed: 100,
  testShare: 0,
};

/** Settings that change the data or the model: changing one starts a new run. */
export const RESTART_KEYS = ['dataset', 'expression', 'points', 'noise', 'seed', 'hidden', 'activation'] as const satisfies readonly (keyof ModelConfig)[];

export interface NumericSpec {
  min: number;
  max: number;
  integer: boolean;
  /** Whether min itself is allowed (the learning rate must be strictly positive). */
  minInclusive: boolean;
}

export type NumericKey = 'points' | 'noise' | 'seed' | 'hidden' | 'learningRate';

export const NUMERIC_SPECS: Record<NumericKey, NumericSpec> = {
  points: { min: 2, max: 5000, integer: true, minInclusive: true },
  noise: { min: 0, max: 2, integer: false, minInclusive: true },
  seed: { min: 0, max: MAX_SEED, integer: true, minInclusive: true },
  hidden: { min: 1, max: 1024, integer: true, minInclusive: true },
  learningRate: { min: 0, max: 10, integer: false, minInclusive: false },
};

export type ParseResult = { ok: true; value: number } | { ok: false; problem: NumericProblem };

/** Parses typed text against a spec; the problem carries the spec, to say what is accepted. Pure. */
export function parseNumeric(text: string, spec: NumericSpec): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: { code: 'number.empty', range: spec } };
  // Number() accepts hex, Infinity and '' -> 0; a plain decimal pattern is stricter.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    return { ok: false, problem: { code: 'number.notNumber', text: trimmed.slice(0, 24), range: spec } };
  }
  const value = Number(trimmed);
  const tooLow = spec.minInclusive ? value < spec.min : value <= spec.min;
  if (!Number.isFinite(value) || tooLow || value > spec.max) {
    return { ok: false, problem: { code: 'number.outOfRange', range: spec } };
  }
  if (spec.integer && !Number.isInteger(value)) return { ok: false, problem: { code: 'number.notWhole', range: spec } };
  return { ok: true, value };
}

/** Whether a value satisfies its spec (used to vet configs from anywhere). */
export function inRange(value: number, spec: NumericSpec): boolean {
  return parseNumeric(String(value), spec).ok;
}

/** Checks a whole config; returns the problems found, empty when valid. */
export function validateConfig(config: RunConfig): string[] {
  const problems: string[] = [];
  if (!isDataset(config.dataset)) problems.push(`unknown dataset "${String(config.dataset)}"`);
  if (!isActivation(config.activation)) problems.push(`unknown activation "${String(config.activation)}"`);
  for (const key of Object.keys(NUMERIC_SPECS) as NumericKey[]) {
    const value = config[key];
    if (typeof value !== 'number' || !inRange(value, NUMERIC_SPECS[key])) problems.push(`${key} out of range`);
  }
  if (!(config.speed > 0)) problems.push('speed must be positive');
  return problems;
}

/**
 * Speed stops, steps per second. Slow enough to watch one update at a time, up to
 * as fast as the core can go (Infinity).
 */
export const SPEED_STOPS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 3000, 10000, 30000, Infinity];

export function formatSpeed(speed: number): string {
  if (!Number.isFinite(speed)) return 'Max';
  return speed >= 1000 ? `${speed / 1000}k/s` : `${speed}/s`;
}
