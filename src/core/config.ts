/**
 * The run configuration: what the worker needs to build data and model, plus the two
 * settings that change live (learning rate, speed). Ranges live in one table so the
 * page, the URL and the command line validate the same way.
 */
import { ACTIVATIONS, isActivation, type ActivationName } from './activations';
import {
  checkExpression,
  DATASETS,
  DEFAULT_EXPRESSION,
  isDataset,
  type DatasetName,
} from './dataset';
import { MAX_EXPRESSION_LENGTH } from './expression';
import { INITS, isInit, type InitName } from './init';
import type { Accepts, ExpressionProblem, LayersProblem } from './problems';
import { MAX_SEED } from './rng';
import { MAX_TEST_SHARE } from './split';
import { inRange, parseNumeric, type NumericSpec } from './numeric';
import { quote } from './quote';
import {
  checkTrainingOption,
  DEFAULT_TRAINING_OPTIONS,
  TRAINING_ACCEPTS,
  type TrainingOptions,
} from './trainingOptions';

export { inRange, parseNumeric, type NumericSpec, type ParseResult } from './numeric';

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
  /**
   * Width of each hidden layer, from the input side: 1 to MAX_HIDDEN_LAYERS layers of 1 to
   * 1024 units. The tutorial's 1 -> H -> 1 network is [H].
   */
  layers: readonly number[];
  /** One activation for every hidden layer (the output unit is linear). */
  activation: ActivationName;
  /** How the starting weights are drawn (see core/init). */
  init: InitName;
}

/**
 * Everything the page sets. The training options (batch, reduction, optimizer, momentum,
 * L1, L2: core/trainingOptions) change live, like the learning rate.
 */
export interface RunConfig extends ModelConfig, TrainingOptions {
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
  layers: [10],
  activation: 'relu',
  init: 'tutorial',
  learningRate: 0.01,
  speed: 100,
  testShare: 0,
  ...DEFAULT_TRAINING_OPTIONS,
};

/** The part of a config that builds data and model (what the worker's start message carries). */
export function modelConfigOf(config: ModelConfig): ModelConfig {
  const { dataset, expression, points, noise, seed, layers, activation, init } = config;
  return {
    dataset,
    ...(expression === undefined ? {} : { expression }),
    points,
    noise,
    seed,
    layers,
    activation,
    init,
  };
}

/**
 * Last step a run can reach: it stops there. Far past any session (days at the fastest
 * rate the core trains), exact in the float64 step counters, and short on the step axis
 * (Plotly's suffixes end at T, 10^12; from 10^15 its labels are written out in full).
 */
export const MAX_RUN_STEP = 1e12;

/** Settings that change the data or the model: changing one starts a new run. */
export const RESTART_KEYS = [
  'dataset',
  'expression',
  'points',
  'noise',
  'seed',
  'layers',
  'activation',
  'init',
] as const satisfies readonly (keyof ModelConfig)[];

/** `hidden` is one hidden layer's width; `depth` the number of hidden layers. */
export type NumericKey =
  'points' | 'noise' | 'seed' | 'hidden' | 'depth' | 'learningRate' | 'testShare';

/** Most hidden layers a network may have. */
export const MAX_HIDDEN_LAYERS = 4;

/**
 * Smallest learning rate accepted: the smallest power of ten that float32 holds as a normal
 * number (below 1.18e-38 it is subnormal, and 1e-46 and less round to 0, which trains nothing).
 */
export const MIN_LEARNING_RATE = 1e-37;

export const NUMERIC_SPECS: Record<NumericKey, NumericSpec> = {
  points: { min: 2, max: 5000, integer: true, minInclusive: true },
  noise: { min: 0, max: 2, integer: false, minInclusive: true },
  seed: { min: 0, max: MAX_SEED, integer: true, minInclusive: true },
  hidden: { min: 1, max: 1024, integer: true, minInclusive: true },
  depth: { min: 1, max: MAX_HIDDEN_LAYERS, integer: true, minInclusive: true },
  learningRate: { min: MIN_LEARNING_RATE, max: 10, integer: false, minInclusive: true },
  testShare: { min: 0, max: MAX_TEST_SHARE, integer: false, minInclusive: true },
};

/** Whether a value is a list of hidden layer widths the model accepts. */
export function isLayerList(value: unknown): value is readonly number[] {
  return (
    Array.isArray(value) &&
    inRange(value.length, NUMERIC_SPECS.depth) &&
    value.every((w) => typeof w === 'number' && inRange(w, NUMERIC_SPECS.hidden))
  );
}

export type LayersParse = { ok: true; value: number[] } | { ok: false; problem: LayersProblem };

/**
 * Reads hidden layer widths typed as text (`32,16,8`; spaces allowed around commas),
 * checking each width as the hidden-units field does. Pure.
 */
export function parseLayers(text: string): LayersParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: { code: 'layers.empty' } };
  const items = trimmed.split(',').map((item) => item.trim());
  if (items.length > MAX_HIDDEN_LAYERS)
    return { ok: false, problem: { code: 'layers.count', max: MAX_HIDDEN_LAYERS } };
  const value: number[] = [];
  for (const [index, item] of items.entries()) {
    const width = parseNumeric(item, NUMERIC_SPECS.hidden);
    if (!width.ok)
      return {
        ok: false,
        problem: {
          code: 'layers.width',
          layer: index + 1,
          text: quote(item),
          range: NUMERIC_SPECS.hidden,
        },
      };
    value.push(width.value);
  }
  return { ok: true, value };
}

/** Hidden units in all layers together. */
export function totalUnits(layers: readonly number[]): number {
  return layers.reduce((sum, width) => sum + width, 0);
}

/** Widths written as the layer-sizes field and links write them: `32,16,8`. */
export function formatLayers(layers: readonly number[]): string {
  return layers.join(',');
}

/** Whether two values of one setting are the same (layer lists compare by their widths). */
export function sameSetting(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Speed stops, steps per second. Slow enough to watch one update at a time, up to
 * as fast as the core can go (Infinity).
 */
export const SPEED_STOPS: readonly number[] = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  1000,
  3000,
  10000,
  30000,
  Infinity,
];

export function formatSpeed(speed: number): string {
  if (!Number.isFinite(speed)) return 'Max';
  return speed >= 1000 ? `${speed / 1000}k/s` : `${speed}/s`;
}

/** What each setting accepts: the one rule the link, the fields, the model file and the CLI check against. */
export const SETTING_ACCEPTS: { [K in keyof RunConfig]-?: Accepts } = {
  dataset: { kind: 'oneOf', values: DATASETS },
  expression: { kind: 'expression', maxLength: MAX_EXPRESSION_LENGTH },
  points: { kind: 'range', range: NUMERIC_SPECS.points },
  noise: { kind: 'range', range: NUMERIC_SPECS.noise },
  seed: { kind: 'range', range: NUMERIC_SPECS.seed },
  layers: { kind: 'layers', depth: NUMERIC_SPECS.depth, width: NUMERIC_SPECS.hidden },
  activation: { kind: 'oneOf', values: ACTIVATIONS },
  init: { kind: 'oneOf', values: INITS },
  learningRate: { kind: 'range', range: NUMERIC_SPECS.learningRate },
  // Infinity (as fast as the core can go) is written 'max' wherever speed is text.
  speed: { kind: 'speed', stops: SPEED_STOPS.filter(Number.isFinite) },
  testShare: { kind: 'range', range: NUMERIC_SPECS.testShare },
  ...TRAINING_ACCEPTS,
};

/** One setting that is not acceptable: what is accepted, and for an expression, what is wrong with it. */
export interface SettingProblem {
  key: keyof RunConfig;
  accepts: Accepts;
  expression?: ExpressionProblem;
}

/** Checks one setting's value, whatever it came from (typed text already parsed, JSON, a link). Pure. */
export function checkSetting(key: keyof RunConfig, value: unknown): SettingProblem | null {
  const accepts = SETTING_ACCEPTS[key];
  const bad: SettingProblem = { key, accepts };
  switch (key) {
    case 'dataset':
      return isDataset(value) ? null : bad;
    case 'activation':
      return isActivation(value) ? null : bad;
    case 'init':
      return isInit(value) ? null : bad;
    case 'layers':
      return isLayerList(value) ? null : bad;
    case 'expression': {
      if (typeof value !== 'string') return bad;
      // Compiles and is finite on the data's x range: an expression that is not can neither make data nor be drawn.
      const checked = checkExpression(value);
      return checked.ok ? null : { ...bad, expression: checked.problem };
    }
    case 'speed':
      return typeof value === 'number' && SPEED_STOPS.includes(value) ? null : bad;
    case 'batchSize':
    case 'reduction':
    case 'optimizer':
    case 'momentum':
    case 'l1':
    case 'l2':
      return checkTrainingOption(key, value) ? bad : null;
    default:
      return typeof value === 'number' && inRange(value, NUMERIC_SPECS[key]) ? null : bad;
  }
}

/**
 * Checks a whole config; returns the problems found, empty when valid. The expression is
 * checked whenever there is one (it is kept for the custom dataset) and required for it.
 */
export function validateConfig(config: RunConfig): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const key of Object.keys(SETTING_ACCEPTS) as (keyof RunConfig)[]) {
    if (key === 'expression' && config.expression === undefined && config.dataset !== 'custom')
      continue;
    const problem = checkSetting(key, config[key]);
    if (problem) problems.push(problem);
  }
  return problems;
}
