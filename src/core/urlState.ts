/**
 * Settings in the URL, as a schema table: one row per key says how to read and write
 * one setting, and one generic loop does the rest (the shape of tensorflow/playground's
 * `state.ts`, without its side effects). Pure functions of strings: what is bad is
 * reported and left at its default, what is good is kept, nothing is ever executed.
 */
import { ACTIVATIONS } from './activations';
import { DEFAULT_CONFIG, NUMERIC_SPECS, parseNumeric, SPEED_STOPS, type NumericSpec, type RunConfig } from './config';
import type { Accepts, UrlProblem } from './problems';
import { checkExpression, DATASETS } from './dataset';
import { MAX_TEST_SHARE } from './split';
import { PRESET_IDS, PRESETS, type PresetId } from './presets';

/** Controls a shared link can hide (a lesson that lets students change only some settings). */
export const HIDEABLE_CONTROLS = ['preset', 'dataset', 'points', 'noise', 'seed', 'hidden', 'activation', 'learningRate', 'speed'] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

/** Everything a link can carry: the settings, the experiment they came from, and the controls it hides. */
export type UrlSettings = RunConfig & { preset: PresetId | null; hide: HideableControl[] };

/** Longest query string read; a longer one is ignored as garbage. */
export const MAX_QUERY_LENGTH = 4000;

interface Field<T> {
  /** Short key in the URL. */
  key: string;
  /** The value, or undefined when the text is not acceptable. */
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** What is accepted, for the notice. */
  accepts: Accepts;
}

type Schema = { [K in keyof UrlSettings]-?: Field<UrlSettings[K]> };

/** Longest target expression a link may carry. */
export const MAX_EXPRESSION_LENGTH = 200;

/** A custom target: read only when it compiles and is finite on [-1, 1] (never executed as code). */
const expressionField: Field<string | undefined> = {
  key: 'expr',
  parse: (raw) => (raw.length <= MAX_EXPRESSION_LENGTH && checkExpression(raw).ok ? raw : undefined),
  format: (v) => v ?? '',
  accepts: { kind: 'expression', maxLength: MAX_EXPRESSION_LENGTH },
};

const TEST_SHARE_SPEC: NumericSpec = { min: 0, max: MAX_TEST_SHARE, integer: false, minInclusive: true };

function numeric(key: string, spec: NumericSpec): Field<number> {
  const accepts: Accepts = { kind: 'range', range: spec };
  return {
    key,
    parse: (raw) => {
      const r = parseNumeric(raw, spec);
      return r.ok ? r.value : undefined;
    },
    format: String,
    accepts,
  };
}

function oneOf<T extends string>(key: string, values: readonly T[]): Field<T> {
  return {
    key,
    parse: (raw) => (values as readonly string[]).includes(raw) ? (raw as T) : undefined,
    format: (v) => v,
    accepts: { kind: 'oneOf', values },
  };
}

const speedField: Field<number> = {
  key: 'speed',
  parse: (raw) => {
    if (raw === 'max') return Infinity;
    const stop = SPEED_STOPS.find((s) => String(s) === raw);
    return stop;
  },
  format: (v) => (Number.isFinite(v) ? String(v) : 'max'),
  accepts: { kind: 'speed', stops: SPEED_STOPS.filter(Number.isFinite) },
};

/**
 * The hidden controls as a comma-separated list of their URL keys (`hide=dataset,points`),
 * written in schema order without repeats, so equal sets give equal links.
 */
const hideField: Field<HideableControl[]> = {
  key: 'hide',
  parse: (raw) => {
    if (raw === '') return [];
    const keys = raw.split(',');
    const names = keys.map((k) => KEY_TO_NAME_HIDEABLE.get(k));
    if (names.some((n) => n === undefined)) return undefined;
    return HIDEABLE_CONTROLS.filter((c) => names.includes(c));
  },
  format: (v) => HIDEABLE_CONTROLS.filter((c) => v.includes(c)).map(hideKey).join(','),
  // The settings first, then the preset: the order people read them in.
  accepts: { kind: 'keyList', keys: [...HIDEABLE_CONTROLS.filter((c) => c !== 'preset'), 'preset' as const].map(hideKey) },
};

/** The URL key of a hideable control (the same key that carries its value). */
function hideKey(control: HideableControl): string {
  return control === 'learningRate' ? 'lr' : control;
}

const KEY_TO_NAME_HIDEABLE = new Map(HIDEABLE_CONTROLS.map((c) => [hideKey(c), c] as const));

/** The table: one row per setting, in the order they are written. */
export const URL_SCHEMA: Schema = {
  dataset: oneOf('dataset', DATASETS),
  expression: expressionField,
  points: numeric('points', NUMERIC_SPECS.points),
  noise: numeric('noise', NUMERIC_SPECS.noise),
  seed: numeric('seed', NUMERIC_SPECS.seed),
  hidden: numeric('hidden', NUMERIC_SPECS.hidden),
  activation: oneOf('activation', ACTIVATIONS),
  learningRate: numeric('lr', NUMERIC_SPECS.learningRate),
  speed: speedField,
  testShare: numeric('test', TEST_SHARE_SPEC),
  preset: oneOf('preset', PRESET_IDS),
  hide: hideField,
};

export interface ParsedUrl {
  /** The settings the URL set validly. */
  settings: Partial<UrlSettings>;
  /** One problem per thing ignored, for a dismissible notice. */
  problems: UrlProblem[];
}

const KEY_TO_NAME = new Map(
  (Object.keys(URL_SCHEMA) as (keyof UrlSettings)[]).map((name) => [URL_SCHEMA[name].key, name] as const),
);

/** Short, printable form of untrusted text for messages. */
function quote(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

/** decodeURIComponent that reports malformed escapes as undefined instead of throwing. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Splits a query into decoded key/value pairs (core has no URLSearchParams: it is not ES). */
function splitQuery(query: string): { pairs: [string, string][]; malformed: number } {
  const pairs: [string, string][] = [];
  let malformed = 0;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) malformed++;
    else pairs.push([key, value]);
  }
  return { pairs, malformed };
}

/** Reads a query string (with or without the leading '?'). Never throws. */
export function parseUrlState(search: string): ParsedUrl {
  const settings: Partial<Record<keyof UrlSettings, unknown>> = {};
  const problems: UrlProblem[] = [];
  if (search.length > MAX_QUERY_LENGTH) return { settings: {}, problems: [{ code: 'url.tooLong' }] };
  const { pairs, malformed } = splitQuery(search.startsWith('?') ? search.slice(1) : search);
  if (malformed > 0) problems.push({ code: 'url.undecodable', count: malformed });
  const seen = new Set<string>();
  for (const [key, raw] of pairs) {
    const name = KEY_TO_NAME.get(key);
    if (name === undefined) {
      problems.push({ code: 'url.unknownKey', key: quote(key) });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ code: 'url.repeated', key });
      continue;
    }
    seen.add(key);
    const field = URL_SCHEMA[name] as Field<unknown>;
    const value = field.parse(raw);
    if (value === undefined) {
      problems.push({ code: 'url.invalid', key, value: quote(raw), accepts: field.accepts });
      continue;
    }
    settings[name] = value;
  }
  return { settings: settings as Partial<UrlSettings>, problems };
}

/** The defaults a link is read against: the app's, with a preset's settings on top. */
export function defaultsFor(preset: PresetId | null): UrlSettings {
  // The preset itself is never a default: a link names it whenever there is one.
  return { ...DEFAULT_CONFIG, ...(preset ? PRESETS[preset].settings : {}), preset: null, hide: [] };
}

/**
 * The settings a link opens: defaults, then its preset's settings, then what it sets
 * explicitly. A preset whose own settings the link overrides is dropped (it would be Custom).
 */
export function settingsFromUrl(parsed: Partial<UrlSettings>): UrlSettings {
  const preset = parsed.preset ?? null;
  const merged = { ...defaultsFor(preset), ...parsed, preset };
  if (preset) {
    const fixed: Partial<RunConfig> = PRESETS[preset].settings;
    if ((Object.keys(fixed) as (keyof RunConfig)[]).some((k) => merged[k] !== fixed[k])) merged.preset = null;
  }
  return merged;
}

/** Writes what differs from the defaults (of the preset, when there is one), in schema order ('' when none). */
export function serializeUrlState(settings: UrlSettings, defaults: UrlSettings = defaultsFor(settings.preset)): string {
  const parts: string[] = [];
  for (const name of Object.keys(URL_SCHEMA) as (keyof UrlSettings)[]) {
    const field = URL_SCHEMA[name] as Field<unknown>;
    const value = settings[name];
    if (value === undefined || field.format(value) === field.format(defaults[name])) continue;
    // Commas are legal in a query and keep lists readable (`hide=dataset,seed`).
    parts.push(`${field.key}=${encodeURIComponent(field.format(value)).replace(/%2C/g, ',')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
