/**
 * A comparison: up to four runs on the same data that differ in one setting (issue #22).
 * The setting is the one "varied"; each run's value is kept as the text a link writes, so
 * the value is also the run's name (its plot title and its loss trace's name).
 */
import { ACTIVATIONS } from './activations';
import {
  NUMERIC_SPECS,
  parseNumeric,
  SETTING_ACCEPTS,
  type RunConfig,
  type SettingProblem,
} from './config';
import { INITS } from './init';
import { OPTIMIZERS, TRAINING_NUMERIC_SPECS } from './trainingOptions';

/** What a comparison may vary, in the order the picker lists them. */
export const VARY_KEYS = [
  'activation',
  'hidden',
  'layers',
  'init',
  'optimizer',
  'learningRate',
  'batch',
] as const;
export type VaryKey = (typeof VARY_KEYS)[number];

export function isVaryKey(value: unknown): value is VaryKey {
  return typeof value === 'string' && (VARY_KEYS as readonly string[]).includes(value);
}

/** Runs in one comparison: two cores' worth of workers twice over is as far as a page stays smooth. */
export const MAX_COMPARE_RUNS = 4;
/** Fewer than two runs is no comparison. */
export const MIN_COMPARE_RUNS = 2;

export interface CompareSpec {
  vary: VaryKey;
  /** One canonical value per run (see parseVaryValue), distinct, MIN..MAX_COMPARE_RUNS of them. */
  values: readonly string[];
}

/**
 * The values a comparison starts from when the learner picks what to vary. Activation is
 * the tutorial's lesson at a glance: no activation cannot bend, the others can.
 */
export const DEFAULT_VALUES: Record<VaryKey, readonly string[]> = {
  activation: ['none', 'relu', 'tanh', 'sigmoid'],
  hidden: ['1', '3', '10', '50'],
  layers: ['1', '2', '3'],
  init: ['tutorial', 'glorot', 'he'],
  optimizer: ['sgd', 'momentum', 'rmsprop', 'adam'],
  learningRate: ['0.001', '0.003', '0.01', '0.03'],
  batch: ['full', '8', '1'],
};

export const DEFAULT_COMPARE: CompareSpec = {
  vary: 'activation',
  values: DEFAULT_VALUES.activation,
};

/** The setting a varied value is checked as, for the messages the settings already have. */
const PROBLEM_OF: Record<VaryKey, SettingProblem> = {
  activation: { key: 'activation', accepts: SETTING_ACCEPTS.activation },
  hidden: { key: 'layers', accepts: { kind: 'range', range: NUMERIC_SPECS.hidden } },
  layers: { key: 'layers', accepts: { kind: 'range', range: NUMERIC_SPECS.depth } },
  init: { key: 'init', accepts: SETTING_ACCEPTS.init },
  optimizer: { key: 'optimizer', accepts: SETTING_ACCEPTS.optimizer },
  learningRate: { key: 'learningRate', accepts: SETTING_ACCEPTS.learningRate },
  batch: { key: 'batchSize', accepts: SETTING_ACCEPTS.batchSize },
};

export type VaryParse = { ok: true; value: string } | { ok: false; problem: SettingProblem };

/**
 * Reads one run's value as typed or linked, and gives it in canonical form (`1e-2` reads
 * as `0.01`, ` relu ` as `relu`), so equal values are equal strings.
 */
export function parseVaryValue(vary: VaryKey, text: string): VaryParse {
  const raw = text.trim();
  const bad: VaryParse = { ok: false, problem: PROBLEM_OF[vary] };
  const among = (names: readonly string[]): VaryParse =>
    names.includes(raw) ? { ok: true, value: raw } : bad;
  const number = (spec: (typeof NUMERIC_SPECS)['hidden']): VaryParse => {
    const r = parseNumeric(raw, spec);
    return r.ok ? { ok: true, value: String(r.value) } : bad;
  };
  switch (vary) {
    case 'activation':
      return among(ACTIVATIONS);
    case 'init':
      return among(INITS);
    case 'optimizer':
      return among(OPTIMIZERS);
    case 'hidden':
      return number(NUMERIC_SPECS.hidden);
    case 'layers':
      return number(NUMERIC_SPECS.depth);
    case 'learningRate':
      return number(NUMERIC_SPECS.learningRate);
    case 'batch':
      return raw === 'full'
        ? { ok: true, value: 'full' }
        : number(TRAINING_NUMERIC_SPECS.batchSize);
  }
}

/** The run's settings: the base's, with the varied one set to `value` (a canonical value). */
export function configFor(base: RunConfig, vary: VaryKey, value: string): RunConfig {
  switch (vary) {
    case 'activation':
      return { ...base, activation: value as RunConfig['activation'] };
    case 'init':
      return { ...base, init: value as RunConfig['init'] };
    case 'optimizer':
      return { ...base, optimizer: value as RunConfig['optimizer'] };
    case 'hidden':
      // Every hidden layer takes the width: the network keeps its depth.
      return { ...base, layers: base.layers.map(() => Number(value)) };
    case 'layers':
      // The first layer's width, repeated: the network keeps its width.
      return { ...base, layers: Array.from({ length: Number(value) }, () => base.layers[0] ?? 10) };
    case 'learningRate':
      return { ...base, learningRate: Number(value) };
    case 'batch':
      return { ...base, batchSize: value === 'full' ? null : Number(value) };
  }
}

/** Every run's settings, in the comparison's order. */
export function compareConfigs(base: RunConfig, spec: CompareSpec): RunConfig[] {
  return spec.values.map((value) => configFor(base, spec.vary, value));
}

/** The base's own value of the varied setting, canonical: what a new run starts from. */
export function baseValue(base: RunConfig, vary: VaryKey): string {
  switch (vary) {
    case 'activation':
      return base.activation;
    case 'init':
      return base.init;
    case 'optimizer':
      return base.optimizer;
    case 'hidden':
      return String(base.layers[0] ?? 10);
    case 'layers':
      return String(base.layers.length);
    case 'learningRate':
      return String(base.learningRate);
    case 'batch':
      return base.batchSize === null ? 'full' : String(base.batchSize);
  }
}

/** Why a list of values is no comparison, or null when it is one. */
export type CompareListProblem =
  { code: 'compare.count'; min: number; max: number } | { code: 'compare.repeated'; value: string };

export function checkValues(values: readonly string[]): CompareListProblem | null {
  if (values.length < MIN_COMPARE_RUNS || values.length > MAX_COMPARE_RUNS)
    return { code: 'compare.count', min: MIN_COMPARE_RUNS, max: MAX_COMPARE_RUNS };
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return { code: 'compare.repeated', value };
    seen.add(value);
  }
  return null;
}

/** A comparison as a link writes it: `activation:none,relu,tanh,sigmoid`. */
export function formatCompare(spec: CompareSpec): string {
  return `${spec.vary}:${spec.values.join(',')}`;
}

/** Reads a link's comparison; undefined when any part of it is not acceptable. */
export function parseCompare(text: string): CompareSpec | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const vary = text.slice(0, colon).trim();
  if (!isVaryKey(vary)) return undefined;
  const values: string[] = [];
  for (const item of text.slice(colon + 1).split(',')) {
    const r = parseVaryValue(vary, item);
    if (!r.ok) return undefined;
    values.push(r.value);
  }
  return checkValues(values) === null ? { vary, values } : undefined;
}
