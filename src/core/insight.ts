/**
 * What the hidden units of the 1 -> H -> 1 network are doing: each unit's contribution
 * to the output and where its kink sits (unitHealth.ts: whether it can still learn). Pure functions over
 * the flat parameter vector (core/paramLayout: [w1 (H), b1 (H), w2 (H), b2]) that frames carry.
 */
import { activate, applyActivation, sinePeakBetween, type ActivationName } from './activations';
import { layerViews, paramLayout } from './paramLayout';

/** The parameters of a 1 -> H -> 1 network, as views into one flat vector. */
export interface UnitParams {
  hidden: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: number;
}

/**
 * Views the flat vector of a network with one hidden layer (no copy), its offsets from
 * core/paramLayout. Its width is the one whose layout has this length; none: a RangeError.
 */
export function unpackParams(flat: Float32Array): UnitParams {
  // A one-layer layout grows by 3 per unit from 4 at H = 1: the width is found from the length.
  const hidden = Math.round((flat.length - paramLayout([1]).length) / 3) + 1;
  if (hidden < 1 || paramLayout([hidden]).length !== flat.length)
    throw new RangeError(
      `no network with one hidden layer has ${flat.length} parameters (one hidden unit has ${paramLayout([1]).length})`,
    );
  const [l1, l2] = layerViews(paramLayout([hidden]), flat);
  return { hidden, w1: l1!.w, b1: l1!.b, w2: l2!.w, b2: l2!.b[0]! };
}

/** Unit j's contribution to the output at x: w2_j * act(w1_j * x + b1_j). */
export function unitOutput(p: UnitParams, act: ActivationName, j: number, x: number): number {
  return p.w2[j]! * activate(act, p.w1[j]! * x + p.b1[j]!);
}

/** The network's output at x: b2 plus every unit's contribution (float64). */
export function networkOutput(p: UnitParams, act: ActivationName, x: number): number {
  let s = p.b2;
  for (let j = 0; j < p.hidden; j++) s += unitOutput(p, act, j, x);
  return s;
}

/**
 * Unit j's contribution at every x into row (length >= xs.length), float32 as the
 * worker computes it, with the activation applied to the whole row at once.
 */
export function unitRow(
  p: UnitParams,
  act: ActivationName,
  j: number,
  xs: ArrayLike<number>,
  row: Float32Array,
): void {
  const n = xs.length;
  const w1 = p.w1[j]!;
  const b1 = p.b1[j]!;
  const w2 = p.w2[j]!;
  for (let i = 0; i < n; i++) row[i] = w1 * xs[i]! + b1;
  applyActivation(act, row, row, n);
  for (let i = 0; i < n; i++) row[i] = w2 * row[i]!;
}

/** Every unit's contribution at every x, into out as rows: out[j * xs.length + i]. */
export function unitContributions(
  p: UnitParams,
  act: ActivationName,
  xs: ArrayLike<number>,
  out: Float32Array,
): void {
  const n = xs.length;
  if (out.length < p.hidden * n) throw new RangeError('out needs hidden * xs.length entries');
  for (let j = 0; j < p.hidden; j++) unitRow(p, act, j, xs, out.subarray(j * n, (j + 1) * n));
}

/**
 * Sum of the contributions of every unit not flagged in skip (and b2 when withBias),
 * at each x, into out, in float64. O(H * xs.length) with the activation chosen once, as
 * this runs on every drawn frame at H = 1024.
 */
export function sumOfUnits(
  p: UnitParams,
  act: ActivationName,
  xs: ArrayLike<number>,
  skip: Uint8Array | null,
  withBias: boolean,
  out: Float64Array,
): void {
  const n = xs.length;
  out.fill(withBias ? p.b2 : 0, 0, n);
  for (let j = 0; j < p.hidden; j++) {
    if (skip?.[j]) continue;
    const w1 = p.w1[j]!;
    const b1 = p.b1[j]!;
    const w2 = p.w2[j]!;
    switch (act) {
      case 'none':
        for (let i = 0; i < n; i++) out[i] = out[i]! + w2 * (w1 * xs[i]! + b1);
        break;
      case 'relu':
        for (let i = 0; i < n; i++) {
          const z = w1 * xs[i]! + b1;
          if (z > 0) out[i] = out[i]! + w2 * z;
        }
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) out[i] = out[i]! + w2 * Math.tanh(w1 * xs[i]! + b1);
        break;
      case 'sigmoid':
        for (let i = 0; i < n; i++) out[i] = out[i]! + w2 / (1 + Math.exp(-(w1 * xs[i]! + b1)));
        break;
      default:
        for (let i = 0; i < n; i++) out[i] = out[i]! + w2 * activate(act, w1 * xs[i]! + b1);
    }
  }
}

/** The network's output at each x into out (float64), for residuals. */
export function outputsAt(
  p: UnitParams,
  act: ActivationName,
  xs: ArrayLike<number>,
  out: Float64Array,
): void {
  sumOfUnits(p, act, xs, null, true, out);
}

/**
 * Largest size of unit j's contribution over [lo, hi]. Every activation but sine is
 * monotone, so w2 * act(w1 x + b1) is monotone in x and its largest size is at one of the
 * ends; a sine unit reaches |w2| wherever its z passes a peak or trough of sin.
 */
function unitSize(p: UnitParams, act: ActivationName, j: number, lo: number, hi: number): number {
  const ends = Math.max(Math.abs(unitOutput(p, act, j, lo)), Math.abs(unitOutput(p, act, j, hi)));
  if (act !== 'sine') return ends;
  const zA = p.w1[j]! * lo + p.b1[j]!;
  const zB = p.w1[j]! * hi + p.b1[j]!;
  return sinePeakBetween(Math.min(zA, zB), Math.max(zA, zB)) ? Math.abs(p.w2[j]!) : ends;
}

/** Indices of the k units whose contribution is largest in size over [lo, hi], largest first. O(H), whatever the grid. */
export function largestUnits(
  p: UnitParams,
  act: ActivationName,
  lo: number,
  hi: number,
  k: number,
): number[] {
  const size = new Float64Array(p.hidden);
  for (let j = 0; j < p.hidden; j++) size[j] = unitSize(p, act, j, lo, hi);
  const order = Array.from({ length: p.hidden }, (_, j) => j);
  order.sort((a, b) => size[b]! - size[a]! || a - b);
  return order.slice(0, Math.min(k, p.hidden));
}

/**
 * What sits at x = -b1 / w1 for each activation: the bend of a hinge (ReLU, leaky ReLU,
 * ELU, softplus), the centre of a smooth step (tanh, sigmoid), or one of a sine unit's
 * zero crossings (it has one every pi / |w1| in x). Without an activation there is none.
 */
export type KinkKind = 'none' | 'hinge' | 'centre' | 'zero';

export const KINK_KINDS: Record<ActivationName, KinkKind> = {
  none: 'none',
  relu: 'hinge',
  'leaky-relu': 'hinge',
  elu: 'hinge',
  softplus: 'hinge',
  tanh: 'centre',
  sigmoid: 'centre',
  sine: 'zero',
};

/**
 * Where each unit's kink sits: x = -b1 / w1 (see KinkKind). A unit with w1 = 0 is flat and
 * has none (NaN).
 */
export function kinkPositions(p: UnitParams, out: Float64Array): void {
  for (let j = 0; j < p.hidden; j++) {
    const w = p.w1[j]!;
    out[j] = w === 0 ? NaN : -p.b1[j]! / w;
  }
}
