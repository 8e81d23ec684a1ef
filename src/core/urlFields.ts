/**
 * How each setting is read from and written to a link: one Field per kind of value. The
 * table that puts them together, and the loop that reads a query, are urlState.ts's.
 */
import {
  DEFAULT_COMPARE,
  formatCompare,
  isVaryKey,
  MAX_COMPARE_RUNS,
  MIN_COMPARE_RUNS,
  parseCompare,
  parseVaryValue,
  VARY_KEYS,
  type CompareSpec,
} from './compare';
import {
  checkSetting,
  formatLayers,
  NUMERIC_SPECS,
  parseLayers,
  parseNumeric,
  SETTING_ACCEPTS,
  SPEED_STOPS,
  type NumericKey,
  type RunConfig,
} from './config';
import type { Accepts } from './problems';
import { TRAINING_NUMERIC_SPECS, type TrainingNumericKey } from './trainingOptions';

export interface Field<T> {
  /** Short key in the URL. */
  key: string;
  /** The value, or undefined when the text is not acceptable. */
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** What is accepted, for the notice. */
  accepts: Accepts;
  /** What is accepted, told more closely from the text that was refused (by default `accepts`). */
  acceptsFor?(raw: string): Accepts;
  /** Items of an accepted list value that were left out, to report one by one (none for other fields). */
  rejected?(raw: string): string[];
}

/** A custom target: read only when it compiles and is finite on [-1, 1] (never executed as code). */
export const expressionField: Field<string | undefined> = {
  key: 'expr',
  parse: (raw) => (checkSetting('expression', raw) === null ? raw : undefined),
  format: (v) => v ?? '',
  accepts: SETTING_ACCEPTS.expression,
};

/** A numeric setting, read as the fields read typed text. */
export function numeric(key: string, name: NumericKey): Field<number> {
  const spec = NUMERIC_SPECS[name];
  return {
    key,
    parse: (raw) => {
      const r = parseNumeric(raw, spec);
      return r.ok ? r.value : undefined;
    },
    format: String,
    accepts: { kind: 'range', range: spec },
  };
}

/** Hidden layer widths, written as the layer-sizes field takes them (`layers=32,16,8`). */
export const layersField: Field<readonly number[]> = {
  key: 'layers',
  parse: (raw) => {
    const r = parseLayers(raw);
    return r.ok ? r.value : undefined;
  },
  format: formatLayers,
  accepts: SETTING_ACCEPTS.layers,
};

/** A choice among names; the config's own choices are checked by its rule (checkSetting). */
export function choice<K extends 'dataset' | 'activation' | 'init' | 'reduction' | 'optimizer'>(
  key: K,
): Field<RunConfig[K]> {
  return {
    key,
    parse: (raw) => (checkSetting(key, raw) === null ? (raw as RunConfig[K]) : undefined),
    format: (v) => v,
    accepts: SETTING_ACCEPTS[key],
  };
}

export function oneOf<T extends string>(key: string, values: readonly T[]): Field<T> {
  return {
    key,
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
    format: (v) => v,
    accepts: { kind: 'oneOf', values },
  };
}

export const speedField: Field<number> = {
  key: 'speed',
  parse: (raw) => {
    if (raw === 'max') return Infinity;
    const stop = SPEED_STOPS.find((s) => String(s) === raw);
    return stop;
  },
  format: (v) => (Number.isFinite(v) ? String(v) : 'max'),
  accepts: SETTING_ACCEPTS.speed,
};

/** A training option's number (momentum, L1, L2), read as the fields read typed text. */
export function trainingNumeric(
  key: string,
  name: Exclude<TrainingNumericKey, 'batchSize'>,
): Field<number> {
  const spec = TRAINING_NUMERIC_SPECS[name];
  return {
    key,
    parse: (raw) => {
      const r = parseNumeric(raw, spec);
      return r.ok ? r.value : undefined;
    },
    format: String,
    accepts: { kind: 'range', range: spec },
  };
}

/** Batch size: a whole number of points, or `full` for the whole training set (null). */
export const batchField: Field<number | null> = {
  key: 'batch',
  parse: (raw) => {
    if (raw === 'full') return null;
    const r = parseNumeric(raw, TRAINING_NUMERIC_SPECS.batchSize);
    return r.ok ? r.value : undefined;
  },
  format: (v) => (v === null ? 'full' : String(v)),
  accepts: SETTING_ACCEPTS.batchSize,
};

/** Longest comparison text read: four of the longest values fit with room to spare. */
export const MAX_COMPARE_TEXT = 200;

const COMPARE_ACCEPTS: Accepts = {
  kind: 'compare',
  keys: VARY_KEYS,
  min: MIN_COMPARE_RUNS,
  max: MAX_COMPARE_RUNS,
  example: formatCompare(DEFAULT_COMPARE),
};

/**
 * A comparison, `compare=activation:none,relu,tanh,sigmoid` (null: none, never written).
 * A refused one names its first bad value's rule when the setting itself is known.
 */
export const compareField: Field<CompareSpec | null> = {
  key: 'compare',
  parse: (raw) => (raw.length > MAX_COMPARE_TEXT ? undefined : parseCompare(raw)),
  format: (v) => (v === null ? '' : formatCompare(v)),
  accepts: COMPARE_ACCEPTS,
  acceptsFor: (raw) => {
    const colon = raw.indexOf(':');
    const vary = raw.slice(0, colon).trim();
    if (raw.length > MAX_COMPARE_TEXT || colon < 0 || !isVaryKey(vary)) return COMPARE_ACCEPTS;
    for (const item of raw.slice(colon + 1).split(',')) {
      const r = parseVaryValue(vary, item);
      if (!r.ok) return { ...COMPARE_ACCEPTS, values: { vary, accepts: r.problem.accepts } };
    }
    return COMPARE_ACCEPTS;
  },
};
