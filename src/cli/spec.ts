/**
 * `fit --spec FILE`: a run given by its exact numbers. Parsing is pure and every problem
 * is reported with the path of the offending field, so a hand-written file is easy to fix.
 */
import { ACTIVATIONS, isActivation, type ActivationName } from '../core/activations';
import {
  formatLayers,
  inRange,
  MAX_HIDDEN_LAYERS,
  NUMERIC_SPECS,
  sameSetting,
} from '../core/config';
import { describeRangeEn } from '../messages/en';
import type { LayerValues } from '../core/fit';
import { finiteList, finiteMatrix, isRecord, type ShapeFault } from '../core/jsonShape';
import type { TrainingOptions } from '../core/trainingOptions';
import { MAX_FIT_STEPS } from './args';
import { parseSpecOptions } from './specOptions';

export interface FitSpec {
  x: number[];
  y: number[];
  /** 1 for each held-out point (the test loss is measured on them), 0 for each trained on. */
  test: number[];
  /** Every layer from the input, the output layer last (2 to MAX_HIDDEN_LAYERS + 1 of them). */
  initial: LayerValues[];
  /** The hidden layers' widths, read from initial's shapes. */
  layers: number[];
  activation: ActivationName;
  lr: number;
  steps: number;
  /** How the run learns, as `fit --json` records it; null when the file does not say. */
  options: TrainingOptions | null;
}

export type ParsedSpec = { ok: true; spec: FitSpec } | { ok: false; message: string };

/** Most samples a spec may hold (as many as the playground's Points setting allows). */
const MAX_SPEC_POINTS = NUMERIC_SPECS.points.max;

class SpecError extends Error {}

const finiteMessage = (fault: ShapeFault & { kind: 'notFinite' | 'float32Range' }) =>
  fault.kind === 'notFinite'
    ? `${fault.at} must be a finite number, got ${JSON.stringify(fault.value)}`
    : `${fault.at} is beyond float32's range (±3.4e38)`;

function numbers(value: unknown, path: string, length?: number): number[] {
  const list = finiteList(value, path, length);
  if (list.ok) return list.value;
  const { fault } = list;
  if (fault.kind === 'notList') throw new SpecError(`${path} must be a list of numbers`);
  if (fault.kind === 'length')
    throw new SpecError(`${path} must have ${fault.expected} numbers, has ${fault.found}`);
  throw new SpecError(finiteMessage(fault));
}

/** A [rows][cols] nested list of finite numbers (numpy's `.tolist()` of a 2-D array). */
function matrix(
  value: unknown,
  path: string,
  rows: number,
  cols: number,
  shape: string,
  what: string,
): number[][] {
  const checked = finiteMatrix(value, path, rows, cols);
  if (checked.ok) return checked.value;
  const { fault } = checked;
  const want = `${path} (${what}) must be ${shape} = [${rows}][${cols}]`;
  if (fault.kind === 'notFinite' || fault.kind === 'float32Range')
    throw new SpecError(finiteMessage(fault));
  if (fault.at === path)
    throw new SpecError(
      fault.kind === 'notList'
        ? `${want}, a list of ${rows} lists`
        : `${want}; it has ${fault.found} rows`,
    );
  throw new SpecError(
    fault.kind === 'notList'
      ? `${want}; ${fault.at} is not a list`
      : `${fault.at} must have ${fault.expected} numbers, has ${fault.found}`,
  );
}

function layerAt(initial: unknown[], l: number): Record<string, unknown> {
  const layer = initial[l];
  if (!isRecord(layer)) throw new SpecError(`initial[${l}] must be an object with "w" and "b"`);
  return layer;
}

/** "hidden layer 2's", "the output layer's": whose weights a path holds. */
function layerWords(l: number, hidden: number): string {
  return l < hidden ? `hidden layer ${l + 1}'s` : "the output layer's";
}

/**
 * The layers from the input, 1 to MAX_HIDDEN_LAYERS hidden ones then the output layer;
 * each hidden layer's width is read from its weights' first row and checked as the page
 * checks a width, then every shape follows from the widths.
 */
function parseInitial(value: unknown): { initial: LayerValues[]; layers: number[] } {
  const most = MAX_HIDDEN_LAYERS + 1;
  if (!Array.isArray(value) || value.length < 2 || value.length > most) {
    const found = Array.isArray(value) ? `; it has ${value.length}` : '';
    throw new SpecError(
      `initial must be a list of 2 to ${most} layers [{"w": w1, "b": b1}, ..., {"w": wL, "b": bL}] from the input (1 to ${MAX_HIDDEN_LAYERS} hidden layers, then the output layer)${found}`,
    );
  }
  const hidden = value.length - 1;
  const { min, max } = NUMERIC_SPECS.hidden;
  const layers: number[] = [];
  const initial: LayerValues[] = [];
  let inDim = 1;
  for (let l = 0; l < value.length; l++) {
    const layer = layerAt(value, l);
    const k = l + 1;
    let outDim = 1;
    if (l < hidden) {
      const firstRow: unknown = Array.isArray(layer.w) ? layer.w[0] : undefined;
      outDim = Array.isArray(firstRow) ? firstRow.length : 0;
      if (outDim < min || outDim > max)
        throw new SpecError(
          `initial[${l}].w (${layerWords(l, hidden)} weights) must be w${k} = [${inDim}][H] with H from ${min} to ${max}`,
        );
      layers.push(outDim);
    }
    const what = layerWords(l, hidden);
    initial.push({
      w: matrix(layer.w, `initial[${l}].w`, inDim, outDim, `w${k}`, `${what} weights`),
      b: matrix(layer.b, `initial[${l}].b`, 1, outDim, `b${k}`, `${what} biases`),
    });
    inDim = outDim;
  }
  return { initial, layers };
}

/** The optional test list, as `fit --json` writes it: 0 or 1 for every point, some 0. */
function heldOut(value: unknown, n: number): number[] {
  if (value === undefined) return new Array<number>(n).fill(0);
  const test = numbers(value, 'test', n);
  const bad = test.findIndex((t) => t !== 0 && t !== 1);
  if (bad >= 0)
    throw new SpecError(`test[${bad}] must be 0 (trained on) or 1 (held out), got ${test[bad]}`);
  if (!test.includes(0))
    throw new SpecError('test must leave at least one point (a 0) to train on');
  return test;
}

/** Reads a field at the top level, or inside "config" as `fit --json` writes it. */
function field(obj: Record<string, unknown>, key: string): unknown {
  if (key in obj) return obj[key];
  return isRecord(obj.config) ? obj.config[key] : undefined;
}

function parseObject(obj: Record<string, unknown>): FitSpec {
  const x = numbers(obj.x, 'x');
  if (x.length < 1 || x.length > MAX_SPEC_POINTS)
    throw new SpecError(`x must have from 1 to ${MAX_SPEC_POINTS} numbers, has ${x.length}`);
  const y = numbers(obj.y, 'y', x.length);
  const test = heldOut(obj.test, x.length);
  const { initial, layers } = parseInitial(obj.initial);
  // A file written by --json says its widths too: they must be the ones its weights have.
  const declared = field(obj, 'layers');
  if (declared !== undefined && !sameSetting(declared, layers))
    throw new SpecError(
      `layers must match initial, whose weights give hidden layers ${formatLayers(layers)}; got ${JSON.stringify(declared)}`,
    );
  const activation = field(obj, 'activation');
  if (!isActivation(activation))
    throw new SpecError(
      `activation must be one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(activation)}`,
    );
  const lr = obj.lr;
  if (typeof lr !== 'number' || !inRange(lr, NUMERIC_SPECS.learningRate)) {
    throw new SpecError(
      `lr must be ${describeRangeEn(NUMERIC_SPECS.learningRate)}, got ${JSON.stringify(lr)}`,
    );
  }
  const steps = field(obj, 'steps');
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0 || steps > MAX_FIT_STEPS) {
    throw new SpecError(
      `steps must be a whole number from 0 to ${MAX_FIT_STEPS}, got ${JSON.stringify(steps)}`,
    );
  }
  const options = parseSpecOptions(obj.options);
  if (!options.ok) throw new SpecError(options.message);
  return { x, y, test, initial, layers, activation, lr, steps, options: options.options };
}

/** Parses a spec file's text; the message says what is wrong and where. */
export function parseSpec(text: string): ParsedSpec {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  if (!isRecord(data))
    return {
      ok: false,
      message: 'must be a JSON object with x, y, initial, activation, lr, steps',
    };
  try {
    return { ok: true, spec: parseObject(data) };
  } catch (err) {
    if (err instanceof SpecError) return { ok: false, message: err.message };
    throw err;
  }
}
