/**
 * The model as a JSON file a learner can save and load back: the configuration, the step
 * reached and the weights, nested as numpy's `.tolist()` gives them (w1 [1][H], b1 [1][H],
 * w2 [H][1], b2 [1][1]: the shapes `fit --json` writes). Reading is pure and never throws:
 * a bad file gets one problem naming the field, and nothing is applied.
 */
import {
  checkSetting,
  DEFAULT_CONFIG,
  MAX_RUN_STEP,
  SETTING_ACCEPTS,
  type RunConfig,
} from './config';
import { finiteMatrix, isRecord } from './jsonShape';
import { networkValues, type LayerValues } from './fit';
import { paramLength, unpackParams } from './insight';
import type { ModelFileProblem } from './problems';
import { quote } from './quote';

/** Format version written into every file; files of another version are refused. */
export const MODEL_FILE_VERSION = 1;
/** Marks the file as ours, so a stray JSON file gets a clear message. */
export const MODEL_FILE_KIND = 'backprop-playground-model';
/** Largest file read, characters (H = 1024 in JSON is well under 100 kB). */
export const MAX_MODEL_FILE_CHARS = 2_000_000;

export interface ModelFile {
  kind: typeof MODEL_FILE_KIND;
  version: number;
  /** Speed is written as a number of steps per second, or "max". */
  config: Omit<RunConfig, 'speed'> & { speed: number | 'max' };
  step: number;
  params: { w1: number[][]; b1: number[][]; w2: number[][]; b2: number[][] };
}

export interface LoadedModel {
  config: RunConfig;
  step: number;
  /** The flat [w1, b1, w2, b2] vector frames and the worker use (float32). */
  params: Float32Array;
}

export type ReadModel = { ok: true; model: LoadedModel } | { ok: false; problem: ModelFileProblem };

/** The file for a run at `step` with flat parameters [w1 (H), b1 (H), w2 (H), b2]. */
export function modelFile(config: RunConfig, step: number, params: Float32Array): ModelFile {
  const p = unpackParams(params);
  const [l1, l2] = networkValues({
    layers: [
      { inDim: 1, outDim: p.hidden, activation: config.activation, w: p.w1, b: p.b1 },
      { inDim: p.hidden, outDim: 1, activation: 'none', w: p.w2, b: Float32Array.of(p.b2) },
    ],
  }) as [LayerValues, LayerValues];
  const speed = Number.isFinite(config.speed) ? config.speed : 'max';
  return {
    kind: MODEL_FILE_KIND,
    version: MODEL_FILE_VERSION,
    config: { ...config, speed },
    step,
    params: { w1: l1.w, b1: l1.b, w2: l2.w, b2: l2.b },
  };
}

class FileError extends Error {
  constructor(readonly problem: ModelFileProblem) {
    super(problem.code);
  }
}

/** A [rows][cols] nested list of finite numbers, flattened row by row. */
function matrix(value: unknown, name: string, rows: number, cols: number): number[] {
  const checked = finiteMatrix(value, name, rows, cols);
  if (checked.ok) return checked.value.flat();
  const { fault } = checked;
  if (fault.kind === 'notFinite')
    throw new FileError({
      code: 'model.notNumber',
      name,
      value: quote(String(JSON.stringify(fault.value))),
    });
  if (fault.kind === 'float32Range') throw new FileError({ code: 'model.float32', name });
  throw new FileError({ code: 'model.shape', name, rows, cols });
}

/** Settings a file may leave out (files written by hand, or before the setting existed), and what they then are. */
const OPTIONAL: Partial<Record<keyof RunConfig, unknown>> = {
  speed: DEFAULT_CONFIG.speed,
  // None held out.
  testShare: 0,
};

/**
 * The file's settings, each checked by the rule the link and the fields use: a setting
 * that could not be typed into the page or opened from a link cannot come from a file.
 */
function readConfig(value: unknown): RunConfig {
  if (!isRecord(value)) throw new FileError({ code: 'model.missing', field: 'config' });
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_ACCEPTS) as (keyof RunConfig)[]) {
    // Speed is written as "max" when it is as fast as the core can go.
    let v = key === 'speed' && value.speed === 'max' ? Infinity : value[key];
    if (v === undefined) {
      // The expression is needed only for the custom dataset.
      if (key === 'expression' && value.dataset !== 'custom') continue;
      v = OPTIONAL[key];
    }
    const problem = checkSetting(key, v);
    if (problem?.expression)
      throw new FileError({ code: 'model.expression', problem: problem.expression });
    if (problem)
      throw new FileError({ code: 'model.setting', field: key, accepts: problem.accepts });
    config[key] = v;
  }
  // Every key of RunConfig was checked by its rule above.
  return config as unknown as RunConfig;
}

function readParams(value: unknown, hidden: number): Float32Array {
  if (!isRecord(value)) throw new FileError({ code: 'model.missing', field: 'params' });
  const flat = new Float32Array(paramLength(hidden));
  flat.set(matrix(value.w1, 'w1', 1, hidden), 0);
  flat.set(matrix(value.b1, 'b1', 1, hidden), hidden);
  flat.set(matrix(value.w2, 'w2', hidden, 1), 2 * hidden);
  flat.set(matrix(value.b2, 'b2', 1, 1), 3 * hidden);
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
    if (data.version !== MODEL_FILE_VERSION)
      throw new FileError({
        code: 'model.version',
        found: quote(String(JSON.stringify(data.version))),
        expected: MODEL_FILE_VERSION,
      });
    const config = readConfig(data.config);
    const step = data.step;
    // A step no run can reach is not one this file can have come from.
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > MAX_RUN_STEP)
      throw new FileError({ code: 'model.step', max: MAX_RUN_STEP });
    return {
      ok: true,
      model: { config, step, params: readParams(data.params, config.layers[0]!) },
    };
  } catch (err) {
    if (err instanceof FileError) return { ok: false, problem: err.problem };
    throw err;
  }
}
