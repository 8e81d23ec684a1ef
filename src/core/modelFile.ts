/**
 * The model as a JSON file a learner can save and load back: the configuration, the step
 * reached and the weights, as a list of layers from the input, each `{w: [in][out], b:
 * [1][out]}` nested as numpy's `.tolist()` gives them (the shapes `fit --json` writes).
 * Version 1 files (one hidden layer: config.hidden, params w1, b1, w2, b2) still load.
 * Reading is pure and never throws: a bad file gets one problem naming the field, and
 * nothing is applied.
 */
import { DEFAULT_TRAINING_OPTIONS } from './trainingOptions';
import {
  checkSetting,
  DEFAULT_CONFIG,
  MAX_HIDDEN_LAYERS,
  MAX_RUN_STEP,
  NUMERIC_SPECS,
  SETTING_ACCEPTS,
  type RunConfig,
} from './config';
import { finiteMatrix, isRecord } from './jsonShape';
import { layoutValues, type LayerValues } from './fit';
import { paramLayout, type LayerSlot, type ParamLayout } from './paramLayout';
import type { LayerName, ModelFileProblem, ParamPlace } from './problems';
import { quote } from './quote';

/** Format version written into every file. */
export const MODEL_FILE_VERSION = 2;
/** Versions read: 1 is the one-hidden-layer file written before the layer list. */
export const MODEL_FILE_VERSIONS = [1, MODEL_FILE_VERSION] as const;
/** Marks the file as ours, so a stray JSON file gets a clear message. */
export const MODEL_FILE_KIND = 'backprop-playground-model';

/** Characters one parameter can take as Export model writes it (indented, one per line). */
const MAX_CHARS_PER_PARAM = 32;
/** Room for everything but the parameters (a long target expression, the settings). */
const MAX_CONFIG_CHARS = 1_000_000;
/** Largest file read, characters: the largest network the settings allow, written out. */
export const MAX_MODEL_FILE_CHARS =
  MAX_CONFIG_CHARS +
  MAX_CHARS_PER_PARAM *
    paramLayout(new Array<number>(MAX_HIDDEN_LAYERS).fill(NUMERIC_SPECS.hidden.max)).length;

export interface ModelFile {
  kind: typeof MODEL_FILE_KIND;
  version: number;
  /** Speed is written as a number of steps per second, or "max". */
  config: Omit<RunConfig, 'speed'> & { speed: number | 'max' };
  step: number;
  /** One entry per layer from the input, the linear output layer last. */
  params: LayerValues[];
}

export interface LoadedModel {
  config: RunConfig;
  step: number;
  /** The flat parameter vector (core/paramLayout) frames and the worker use, float32. */
  params: Float32Array;
}

export type ReadModel = { ok: true; model: LoadedModel } | { ok: false; problem: ModelFileProblem };

/** The file for a run at `step` with flat parameters laid out as core/paramLayout lays them. */
export function modelFile(config: RunConfig, step: number, params: Float32Array): ModelFile {
  const speed = Number.isFinite(config.speed) ? config.speed : 'max';
  return {
    kind: MODEL_FILE_KIND,
    version: MODEL_FILE_VERSION,
    config: { ...config, speed },
    step,
    params: layoutValues(paramLayout(config.layers), params),
  };
}

class FileError extends Error {
  constructor(readonly problem: ModelFileProblem) {
    super(problem.code);
  }
}

/** The layer a slot of the layout is, as problems name it. */
function layerName(layout: ParamLayout, l: number): LayerName {
  return l < layout.hidden.length ? { kind: 'hidden', index: l + 1 } : { kind: 'output' };
}

/** A [rows][cols] nested list of finite numbers, written into `out` from `offset`, row by row. */
function readMatrix(
  value: unknown,
  place: ParamPlace,
  rows: number,
  cols: number,
  out: Float32Array,
  offset: number,
): void {
  const checked = finiteMatrix(value, place.name, rows, cols);
  if (checked.ok) {
    checked.value.forEach((row, r) => out.set(row, offset + r * cols));
    return;
  }
  const { fault } = checked;
  if (fault.kind === 'notFinite')
    throw new FileError({
      code: 'model.notNumber',
      ...place,
      value: quote(String(JSON.stringify(fault.value))),
    });
  if (fault.kind === 'float32Range') throw new FileError({ code: 'model.float32', ...place });
  throw new FileError({ code: 'model.shape', ...place, rows, cols });
}

/** One layer's w ([in][out]) and b ([1][out]) into the flat vector at the slot's offsets. */
function readLayer(
  w: unknown,
  b: unknown,
  names: { w: string; b: string },
  layer: LayerName,
  slot: LayerSlot,
  out: Float32Array,
): void {
  readMatrix(w, { name: names.w, layer, part: 'w' }, slot.inDim, slot.outDim, out, slot.w);
  readMatrix(b, { name: names.b, layer, part: 'b' }, 1, slot.outDim, out, slot.b);
}

/** Settings a file may leave out (files written by hand, or before the setting existed), and what they then are. */
const OPTIONAL: Partial<Record<keyof RunConfig, unknown>> = {
  speed: DEFAULT_CONFIG.speed,
  // None held out.
  testShare: 0,
  // The only initialisation there was before the choice.
  init: 'tutorial',
  // How it learns: the tutorial's, the only way there was before the choice.
  ...DEFAULT_TRAINING_OPTIONS,
};

/** Checks one setting by the rule the link and the fields use. */
function checked<K extends keyof RunConfig>(key: K, value: unknown): RunConfig[K] {
  const problem = checkSetting(key, value);
  if (problem?.expression)
    throw new FileError({ code: 'model.expression', problem: problem.expression });
  if (problem) throw new FileError({ code: 'model.setting', field: key, accepts: problem.accepts });
  // checkSetting accepted it: it is a value of this setting.
  return value as RunConfig[K];
}

/**
 * The file's settings, each checked by the rule the link and the fields use: a setting
 * that could not be typed into the page or opened from a link cannot come from a file.
 * A version 1 file gives one hidden layer as `hidden` and was drawn with the tutorial's init.
 */
function readConfig(value: unknown, version: number): RunConfig {
  if (!isRecord(value)) throw new FileError({ code: 'model.missing', field: 'config' });
  const settings: Record<string, unknown> = { ...value };
  if (version === 1) {
    const hidden = value.hidden;
    if (checkSetting('layers', [hidden]))
      throw new FileError({
        code: 'model.setting',
        field: 'hidden',
        accepts: { kind: 'range', range: NUMERIC_SPECS.hidden },
      });
    settings.layers = [hidden];
    settings.init = 'tutorial';
  }
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_ACCEPTS) as (keyof RunConfig)[]) {
    // Speed is written as "max" when it is as fast as the core can go.
    let v = key === 'speed' && settings.speed === 'max' ? Infinity : settings[key];
    if (v === undefined) {
      // The expression is needed only for the custom dataset.
      if (key === 'expression' && settings.dataset !== 'custom') continue;
      v = OPTIONAL[key];
    }
    config[key] = checked(key, v);
  }
  // Every key of RunConfig was checked by its rule above.
  return config as unknown as RunConfig;
}

/** Version 2: one {w, b} per layer of the layout, from the input. */
function readLayers(value: unknown, layout: ParamLayout): Float32Array {
  if (value === undefined) throw new FileError({ code: 'model.missing', field: 'params' });
  const expected = layout.layers.length;
  if (!Array.isArray(value) || value.length !== expected)
    throw new FileError({
      code: 'model.layerCount',
      expected,
      found: Array.isArray(value) ? value.length : null,
    });
  const flat = new Float32Array(layout.length);
  layout.layers.forEach((slot, l) => {
    const entry: unknown = value[l];
    const layer = layerName(layout, l);
    if (!isRecord(entry)) throw new FileError({ code: 'model.layer', name: `params[${l}]`, layer });
    const names = { w: `params[${l}].w`, b: `params[${l}].b` };
    readLayer(entry.w, entry.b, names, layer, slot, flat);
  });
  return flat;
}

/** Version 1: the tutorial's w1, b1, w2, b2 of a 1 -> H -> 1 network. */
function readVersion1(value: unknown, layout: ParamLayout): Float32Array {
  if (!isRecord(value)) throw new FileError({ code: 'model.missing', field: 'params' });
  const flat = new Float32Array(layout.length);
  const [first, output] = layout.layers as [LayerSlot, LayerSlot];
  const names = (k: number) => ({ w: `params.w${k}`, b: `params.b${k}` });
  readLayer(value.w1, value.b1, names(1), layerName(layout, 0), first, flat);
  readLayer(value.w2, value.b2, names(2), layerName(layout, 1), output, flat);
  return flat;
}

/** Reads a model file's text; the problem says what is wrong. */
export function readModelFile(text: string): ReadModel {
  if (text.length > MAX_MODEL_FILE_CHARS) return { ok: false, problem: { code: 'model.tooLarge' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'model.notJson' } };
  }
  try {
    if (!isRecord(data) || data.kind !== MODEL_FILE_KIND)
      throw new FileError({ code: 'model.notOurs' });
    const version = MODEL_FILE_VERSIONS.find((v) => v === data.version);
    if (version === undefined)
      throw new FileError({
        code: 'model.version',
        found: quote(String(JSON.stringify(data.version))),
        supported: MODEL_FILE_VERSIONS,
      });
    const config = readConfig(data.config, version);
    const step = data.step;
    // A step no run can reach is not one this file can have come from.
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > MAX_RUN_STEP)
      throw new FileError({ code: 'model.step', max: MAX_RUN_STEP });
    const layout = paramLayout(config.layers);
    const params =
      version === 1 ? readVersion1(data.params, layout) : readLayers(data.params, layout);
    return { ok: true, model: { config, step, params } };
  } catch (err) {
    if (err instanceof FileError) return { ok: false, problem: err.problem };
    throw err;
  }
}
