/**
 * The model as a JSON file a learner can save and load back: the configuration, the step
 * reached and the weights, nested as numpy's `.tolist()` gives them (w1 [1][H], b1 [1][H],
 * w2 [H][1], b2 [1][1]: the shapes `fit --json` writes). Reading is pure and never throws:
 * a bad file gets one problem naming the field, and nothing is applied.
 */
import { finiteMatrix, isRecord } from './jsonShape';
import { MAX_TEST_SHARE } from './split';
import { ACTIVATIONS, isActivation } from './activations';
import { DEFAULT_CONFIG, NUMERIC_SPECS, SPEED_STOPS, inRange, type NumericKey, type RunConfig } from './config';
import { DATASETS, isDataset } from './dataset';
import { networkValues, type LayerValues } from './fit';
import { paramLength, unpackParams } from './insight';
import type { ModelFileProblem } from './problems';

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
  return { kind: MODEL_FILE_KIND, version: MODEL_FILE_VERSION, config: { ...config, speed }, step, params: { w1: l1.w, b1: l1.b, w2: l2.w, b2: l2.b } };
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
  if (fault.kind === 'notFinite') throw new FileError({ code: 'model.notFinite', name, value: String(JSON.stringify(fault.value)) });
  throw new FileError({ code: 'model.shape', name, rows, cols });
}

function readConfig(value: unknown): RunConfig {
  if (!isRecord(value)) throw new FileError({ code: 'model.missing', field: 'config' });
  const { dataset, activation, speed } = value;
  if (!isDataset(dataset)) throw new FileError({ code: 'model.choice', field: 'dataset', values: DATASETS });
  if (!isActivation(activation)) throw new FileError({ code: 'model.choice', field: 'activation', values: ACTIVATIONS });
  const numbers = {} as Record<NumericKey, number>;
  for (const key of Object.keys(NUMERIC_SPECS) as NumericKey[]) {
    const v = value[key];
    if (typeof v !== 'number' || !inRange(v, NUMERIC_SPECS[key])) throw new FileError({ code: 'model.range', field: key });
    numbers[key] = v;
  }
  // Speed is optional: a file written by hand may leave it out.
  const speedValue = speed === 'max' ? Infinity : speed === undefined ? DEFAULT_CONFIG.speed : speed;
  if (typeof speedValue !== 'number' || !SPEED_STOPS.includes(speedValue)) throw new FileError({ code: 'model.speed', stops: SPEED_STOPS.filter(Number.isFinite) });
  // The test share is optional too (files from before it existed): none held out.
  const testShare = typeof value.testShare === 'number' && value.testShare >= 0 && value.testShare <= MAX_TEST_SHARE ? value.testShare : 0;
  const expression = typeof value.expression === 'string' ? { expression: value.expression } : {};
  return { dataset, ...expression, activation, ...numbers, speed: speedValue, testShare };
}

function readParams(value: unknown, hidden: number): Float32Array {
  if (!isRecord(value)) throw new FileError({ code: 'model.missing', field: 'params' });
  const flat = new Float32Array(paramLength(hidden));
  flat.set(matrix(value.w1, 'w1', 1, hidden), 0);
  flat.set(matrix(value.b1, 'b1', 1, hidden), hidden);
  flat.set(matrix(value.w2, 'w2', hidden, 1), 2 * hidden);
  flat.set(matrix(value.b2, 'b2', 1, 1), 3 * hidden);
  // Finite doubles can still overflow float32.
  if (!flat.every(Number.isFinite)) throw new FileError({ code: 'model.float32' });
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
    if (!isRecord(data) || data.kind !== MODEL_FILE_KIND) throw new FileError({ code: 'model.notOurs' });
    if (data.version !== MODEL_FILE_VERSION) throw new FileError({ code: 'model.version', found: String(JSON.stringify(data.version)), expected: MODEL_FILE_VERSION });
    const config = readConfig(data.config);
    const step = data.step;
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) throw new FileError({ code: 'model.step' });
    return { ok: true, model: { config, step, params: readParams(data.params, config.hidden) } };
  } catch (err) {
    if (err instanceof FileError) return { ok: false, problem: err.problem };
    throw err;
  }
}
