/**
 * `fit --spec FILE`: a run given by its exact numbers. Parsing is pure and every problem
 * is reported with the path of the offending field, so a hand-written file is easy to fix.
 */
import { ACTIVATIONS, isActivation, type ActivationName } from '../core/activations';
import { NUMERIC_SPECS, inRange } from '../core/config';
import { describeRangeEn } from '../messages/en';
import type { LayerValues } from '../core/fit';
import { finiteList, finiteMatrix, isRecord, type ShapeFault } from '../core/jsonShape';
import { MAX_FIT_STEPS } from './args';

export interface FitSpec {
  x: number[];
  y: number[];
  initial: [LayerValues, LayerValues];
  activation: ActivationName;
  lr: number;
  steps: number;
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
): number[][] {
  const checked = finiteMatrix(value, path, rows, cols);
  if (checked.ok) return checked.value;
  const { fault } = checked;
  const want = `${path} must be ${shape} = [${rows}][${cols}]`;
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

function parseInitial(value: unknown): [LayerValues, LayerValues] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new SpecError(
      'initial must be a list of 2 layers [{"w": w1, "b": b1}, {"w": w2, "b": b2}]',
    );
  }
  const l1 = layerAt(value, 0);
  const l2 = layerAt(value, 1);
  const firstRow: unknown = Array.isArray(l1.w) ? l1.w[0] : undefined;
  const hidden = Array.isArray(firstRow) ? firstRow.length : 0;
  if (hidden < NUMERIC_SPECS.hidden.min || hidden > NUMERIC_SPECS.hidden.max) {
    throw new SpecError(
      `initial[0].w must be w1 = [1][H] with H from ${NUMERIC_SPECS.hidden.min} to ${NUMERIC_SPECS.hidden.max}`,
    );
  }
  return [
    {
      w: matrix(l1.w, 'initial[0].w', 1, hidden, 'w1'),
      b: matrix(l1.b, 'initial[0].b', 1, hidden, 'b1'),
    },
    {
      w: matrix(l2.w, 'initial[1].w', hidden, 1, 'w2'),
      b: matrix(l2.b, 'initial[1].b', 1, 1, 'b2'),
    },
  ];
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
  const initial = parseInitial(obj.initial);
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
  return { x, y, initial, activation, lr, steps };
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
