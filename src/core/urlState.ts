/**
 * Settings in the URL, as a schema table: one row per key says how to read and write
 * one setting, and one generic loop does the rest (the shape of tensorflow/playground's
 * `state.ts`, without its side effects). Pure functions of strings: what is bad is
 * reported and left at its default, what is good is kept, nothing is ever executed.
 */
import { DEFAULT_CONFIG, NUMERIC_SPECS, parseNumeric, sameSetting, type RunConfig } from './config';
import type { CompareSpec } from './compare';
import {
  batchField,
  choice,
  compareField,
  expressionField,
  layersField,
  numeric,
  oneOf,
  speedField,
  trainingNumeric,
  type Field,
} from './urlFields';
import type { Accepts, UrlProblem } from './problems';
import { PAGE_THREADS_SPEC, parsePageThreads } from './pageThreads';
import { PRESET_IDS, PRESETS, type PresetId } from './presets';
import { quote } from './quote';

/**
 * Controls a shared link can hide (a lesson that lets students change only some settings).
 * Each hides one control: 'dataset' the dataset picker (and its expression), 'ownData' the
 * tools for the learner's own points (edit, CSV, clear), 'testShare' the test-share slider.
 * How the run learns hides control by control (a lesson on the batch can leave the
 * optimizer fixed, or the other way round): each is named by its link key (`hide=batch,l2`).
 */
export const HIDEABLE_CONTROLS = [
  'preset',
  'dataset',
  'points',
  'noise',
  'seed',
  'ownData',
  'testShare',
  'hidden',
  'activation',
  'init',
  'learningRate',
  'speed',
  'optimizer',
  'momentum',
  'batchSize',
  'reduction',
  'l1',
  'l2',
] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

/**
 * Everything a link can carry: the settings, the experiment they came from, the controls it
 * hides, and the comparison it opens (null: the single view; the settings are its base).
 */
export type UrlSettings = RunConfig & {
  preset: PresetId | null;
  hide: HideableControl[];
  compare: CompareSpec | null;
};

/** Longest query string read; a longer one is ignored as garbage. */
export const MAX_QUERY_LENGTH = 4000;

type Schema = { [K in keyof UrlSettings]-?: Field<UrlSettings[K]> };

/**
 * Links from before deeper networks wrote one hidden layer as `hidden=H`: still read, as
 * `layers=H` (and counted as that key, so a link with both is told it repeats a setting).
 */
const LEGACY_KEYS: ReadonlyMap<string, { name: keyof UrlSettings; field: Field<unknown> }> =
  new Map([
    [
      'hidden',
      {
        name: 'layers' as const,
        field: {
          ...numeric('hidden', 'hidden'),
          parse: (raw: string) => {
            const r = parseNumeric(raw, NUMERIC_SPECS.hidden);
            return r.ok ? [r.value] : undefined;
          },
        },
      },
    ],
  ]);

/** URL keys of the hideable controls named otherwise: the key that carries the value ('data': the own-data tools have none). */
const HIDE_KEYS: Partial<Record<HideableControl, string>> = {
  learningRate: 'lr',
  testShare: 'test',
  ownData: 'data',
  batchSize: 'batch',
};

/** The URL key of a hideable control. */
function hideKey(control: HideableControl): string {
  return HIDE_KEYS[control] ?? control;
}

/**
 * The hidden controls as a comma-separated list of their URL keys (`hide=dataset,points`),
 * written in schema order without repeats, so equal sets give equal links. An unknown item
 * is reported on its own and the rest of the list is kept: one typo must not unhide a lesson.
 */
const hideField: Field<HideableControl[]> = {
  key: 'hide',
  parse: (raw) => {
    const names = raw.split(',').map((k) => KEY_TO_NAME_HIDEABLE.get(k));
    return HIDEABLE_CONTROLS.filter((c) => names.includes(c));
  },
  rejected: (raw) => [
    ...new Set(raw.split(',').filter((k) => k !== '' && !KEY_TO_NAME_HIDEABLE.has(k))),
  ],
  format: (v) =>
    HIDEABLE_CONTROLS.filter((c) => v.includes(c))
      .map(hideKey)
      .join(','),
  // The settings first, then the preset: the order people read them in.
  accepts: {
    kind: 'keyList',
    keys: [...HIDEABLE_CONTROLS.filter((c) => c !== 'preset'), 'preset' as const].map(hideKey),
  },
};

const KEY_TO_NAME_HIDEABLE = new Map(HIDEABLE_CONTROLS.map((c) => [hideKey(c), c] as const));

/** The table: one row per setting, in the order they are written. */
export const URL_SCHEMA: Schema = {
  dataset: choice('dataset'),
  expression: expressionField,
  points: numeric('points', 'points'),
  noise: numeric('noise', 'noise'),
  seed: numeric('seed', 'seed'),
  layers: layersField,
  activation: choice('activation'),
  init: choice('init'),
  learningRate: numeric('lr', 'learningRate'),
  speed: speedField,
  testShare: numeric('test', 'testShare'),
  batchSize: batchField,
  reduction: choice('reduction'),
  optimizer: choice('optimizer'),
  momentum: trainingNumeric('momentum', 'momentum'),
  l1: trainingNumeric('l1', 'l1'),
  l2: trainingNumeric('l2', 'l2'),
  preset: oneOf('preset', PRESET_IDS),
  hide: hideField,
  compare: compareField,
};

export interface ParsedUrl {
  /** The settings the URL set validly. */
  settings: Partial<UrlSettings>;
  /** One problem per thing ignored, for a dismissible notice. */
  problems: UrlProblem[];
}

const KEY_TO_NAME = new Map(
  (Object.keys(URL_SCHEMA) as (keyof UrlSettings)[]).map(
    (name) => [URL_SCHEMA[name].key, name] as const,
  ),
);

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

/**
 * Keys of the address that are not settings of the run and are read elsewhere: `threads`,
 * this machine's thread count for large steps (core/pageThreads.ts, read by the page's
 * worker). Not reported as unknown; a bad value is reported as a setting's would be.
 */
const OTHER_KEYS: ReadonlyMap<string, { parse: (raw: string) => unknown; accepts: Accepts }> =
  new Map([
    ['threads', { parse: parsePageThreads, accepts: { kind: 'range', range: PAGE_THREADS_SPEC } }],
  ]);

/** Reads a query string (with or without the leading '?'). Never throws. */
export function parseUrlState(search: string): ParsedUrl {
  const settings: Partial<Record<keyof UrlSettings, unknown>> = {};
  const problems: UrlProblem[] = [];
  if (search.length > MAX_QUERY_LENGTH)
    return { settings: {}, problems: [{ code: 'url.tooLong' }] };
  const { pairs, malformed } = splitQuery(search.startsWith('?') ? search.slice(1) : search);
  if (malformed > 0) problems.push({ code: 'url.undecodable', count: malformed });
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const [key, raw] of pairs) {
    const legacy = LEGACY_KEYS.get(key);
    const name = legacy?.name ?? KEY_TO_NAME.get(key);
    if (name === undefined) {
      const other = OTHER_KEYS.get(key);
      if (other === undefined) problems.push({ code: 'url.unknownKey', key: quote(key) });
      else if (other.parse(raw) === undefined)
        problems.push({ code: 'url.invalid', key, value: quote(raw), accepts: other.accepts });
      continue;
    }
    if (seen.has(name)) {
      // Said once per setting, however many times it repeats.
      if (!repeated.has(name)) problems.push({ code: 'url.repeated', key });
      repeated.add(name);
      continue;
    }
    seen.add(name);
    const field = legacy?.field ?? URL_SCHEMA[name];
    const value = field.parse(raw);
    if (value === undefined) {
      const accepts = field.acceptsFor?.(raw) ?? field.accepts;
      problems.push({ code: 'url.invalid', key, value: quote(raw), accepts });
      continue;
    }
    for (const item of field.rejected?.(raw) ?? [])
      problems.push({ code: 'url.badItem', key, item: quote(item), accepts: field.accepts });
    settings[name] = value;
  }
  return { settings: settings as Partial<UrlSettings>, problems };
}

/** The defaults a link is read against: the app's, with a preset's settings on top. */
export function defaultsFor(preset: PresetId | null): UrlSettings {
  // The preset itself is never a default: a link names it whenever there is one.
  return {
    ...DEFAULT_CONFIG,
    ...(preset ? PRESETS[preset].settings : {}),
    preset: null,
    hide: [],
    compare: null,
  };
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
    if ((Object.keys(fixed) as (keyof RunConfig)[]).some((k) => !sameSetting(merged[k], fixed[k])))
      merged.preset = null;
  }
  return merged;
}

/** Writes what differs from the defaults (of the preset, when there is one), in schema order ('' when none). */
export function serializeUrlState(
  settings: UrlSettings,
  defaults: UrlSettings = defaultsFor(settings.preset),
): string {
  const parts: string[] = [];
  for (const name of Object.keys(URL_SCHEMA) as (keyof UrlSettings)[]) {
    const field = URL_SCHEMA[name] as Field<unknown>;
    const value = settings[name];
    if (value === undefined || field.format(value) === field.format(defaults[name])) continue;
    // Commas and colons are legal in a query and keep lists readable (`hide=dataset,seed`,
    // `compare=activation:none,relu`).
    const text = encodeURIComponent(field.format(value)).replace(/%2C/g, ',').replace(/%3A/g, ':');
    parts.push(`${field.key}=${text}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
