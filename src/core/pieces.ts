/**
 * The exact linear pieces of a 1-D network with piecewise-linear hidden activations (none,
 * relu, leaky relu), computed from the weights in float64 by interval refinement: on an
 * interval where every unit of layers < l keeps its side, each pre-activation of layer l is
 * an affine map p x + q; its zeros inside the interval split it, and on each part the
 * next layer's maps follow. Depth first, left to right, so the output's pieces come in order.
 *
 * Cost: the next layer's maps are computed in full once per interval of the level above
 * (an in x out product, skipping units whose map is zero), then each crossing updates them
 * by one row of the weights (out multiply-adds), since only the crossing units change side.
 */
import { LEAKY_SLOPE, type ActivationName } from './activations';
import type { DenseLayer, Network } from './network';

/** Activations whose networks are piecewise linear in x. */
export const PIECEWISE_LINEAR: readonly ActivationName[] = ['none', 'relu', 'leaky-relu'];

/**
 * Two neighbouring pieces are one (the breakpoint between them does not count) when their
 * slopes differ by at most this times the steepest slope on the range: relative to the
 * function's own scale, so rounding in near-flat stretches does not count as a kink. Equal
 * slopes mean equal affine maps, since the function is continuous at the breakpoint.
 */
export const PIECE_RTOL = 1e-9;

export interface LinearPieces {
  /** Interior points of (lo, hi) where the output's slope changes, increasing. */
  breakpoints: Float64Array;
  /** breakpoints.length + 1. */
  pieces: number;
}

/** Per hidden layer: the current interval's maps and its crossings, allocated once per call. */
interface Level {
  layer: DenseLayer;
  /** Output of a unit on its negative side, per unit of input: 0 (relu) or LEAKY_SLOPE. */
  negGain: number;
  /** Affine map of each unit's pre-activation on the current interval: z = p x + q. */
  p: Float64Array;
  q: Float64Array;
  /** Gain each unit currently applies (1 on its positive side, negGain on its negative). */
  gain: Float64Array;
  /** Crossings inside the current interval, sorted by x, and the unit of each. */
  cx: Float64Array;
  cu: Int32Array;
  /** Scratch of fullProduct: the nonzero activation maps and their units. */
  ap: Float64Array;
  aq: Float64Array;
  active: Int32Array;
  /** The next layer's weights, transposed. */
  nextWt: Float64Array;
}

/** Growing output of the traversal: each final interval's left end and the output's slope there. */
let starts = new Float64Array(256);
let slopes = new Float64Array(256);
let count = 0;

function record(x: number, slope: number): void {
  if (count === starts.length) {
    const s = new Float64Array(count * 2);
    s.set(starts);
    starts = s;
    const k = new Float64Array(count * 2);
    k.set(slopes);
    slopes = k;
  }
  starts[count] = x;
  slopes[count] = slope;
  count++;
}

/** Transposed float64 copies of each layer's weights ([out][in]), kept per weight array so a frame reuses them. */
const transposed = new WeakMap<Float32Array, Float64Array>();

/** The layer's weights as [out][in] in float64, refreshed from the current weights. */
function transposedWeights(layer: DenseLayer): Float64Array {
  let wt = transposed.get(layer.w);
  if (!wt || wt.length !== layer.w.length) {
    wt = new Float64Array(layer.w.length);
    transposed.set(layer.w, wt);
  }
  const { inDim, outDim, w } = layer;
  for (let j = 0; j < inDim; j++)
    for (let i = 0; i < outDim; i++) wt[i * inDim + j] = w[j * outDim + i]!;
  return wt;
}

/**
 * The next layer's maps from this level's maps and gains: b_i + sum_j w[j][i] gain_j (p_j x + q_j),
 * as dot products over the units whose output is not 0 (a ReLU's negative side drops out).
 */
function fullProduct(
  level: Level,
  nextP: Float64Array,
  nextQ: Float64Array,
  next: DenseLayer,
): void {
  const { p, q, gain, ap, aq, active } = level;
  const n = level.layer.outDim;
  let m = 0;
  for (let j = 0; j < n; j++) {
    const g = gain[j]!;
    const pj = g * p[j]!;
    const qj = g * q[j]!;
    if (pj === 0 && qj === 0) continue;
    ap[m] = pj;
    aq[m] = qj;
    active[m++] = j;
  }
  const wt = level.nextWt;
  const b = next.b;
  const out = next.outDim;
  let i = 0;
  // Four output units at a time: each active unit's maps are loaded once for four weights.
  for (; i + 3 < out; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    let q0 = b[i]!;
    let q1 = b[i + 1]!;
    let q2 = b[i + 2]!;
    let q3 = b[i + 3]!;
    for (let k = 0; k < m; k++) {
      const j = active[k]!;
      const pk = ap[k]!;
      const qk = aq[k]!;
      const w0 = wt[r0 + j]!;
      const w1 = wt[r1 + j]!;
      const w2 = wt[r2 + j]!;
      const w3 = wt[r3 + j]!;
      p0 += w0 * pk;
      q0 += w0 * qk;
      p1 += w1 * pk;
      q1 += w1 * qk;
      p2 += w2 * pk;
      q2 += w2 * qk;
      p3 += w3 * pk;
      q3 += w3 * qk;
    }
    nextP[i] = p0;
    nextQ[i] = q0;
    nextP[i + 1] = p1;
    nextQ[i + 1] = q1;
    nextP[i + 2] = p2;
    nextQ[i + 2] = q2;
    nextP[i + 3] = p3;
    nextQ[i + 3] = q3;
  }
  for (; i < out; i++) {
    const row = i * n;
    let sp = 0;
    let sq = b[i]!;
    for (let k = 0; k < m; k++) {
      const w = wt[row + active[k]!]!;
      sp += w * ap[k]!;
      sq += w * aq[k]!;
    }
    nextP[i] = sp;
    nextQ[i] = sq;
  }
}

/** Unit j changes its gain by dg: the next layer's maps change by one row of the weights. */
function rowUpdate(
  level: Level,
  j: number,
  dg: number,
  nextP: Float64Array,
  nextQ: Float64Array,
  next: DenseLayer,
): void {
  const ap = dg * level.p[j]!;
  const aq = dg * level.q[j]!;
  const out = next.outDim;
  const w = next.w;
  const row = j * out;
  for (let i = 0; i < out; i++) {
    const wji = w[row + i]!;
    nextP[i] = nextP[i]! + wji * ap;
    nextQ[i] = nextQ[i]! + wji * aq;
  }
}

/**
 * Refines (x0, x1) at level l, whose maps levels[l].p, .q hold on it, and recurses into each
 * part; at the last hidden level it records the output's slope on each part.
 */
function visit(
  levels: Level[],
  outMap: Float64Array[],
  l: number,
  x0: number,
  x1: number,
  outLayer: DenseLayer,
): void {
  const level = levels[l]!;
  const { p, q, gain, cx, cu, negGain } = level;
  const n = level.layer.outDim;
  const last = l + 1 === levels.length;
  const next = last ? outLayer : levels[l + 1]!.layer;
  const nextP = last ? outMap[0]! : levels[l + 1]!.p;
  const nextQ = last ? outMap[1]! : levels[l + 1]!.q;

  // Each unit's side on the interval's midpoint, then the crossings (sorted by insertion).
  const mid = 0.5 * (x0 + x1);
  let k = 0;
  for (let j = 0; j < n; j++) {
    const pj = p[j]!;
    const qj = q[j]!;
    gain[j] = pj * mid + qj > 0 ? 1 : negGain;
    if (pj === 0) continue;
    const x = -qj / pj;
    if (!(x > x0 && x < x1)) continue;
    // Left of its zero the unit is on its negative side iff its slope is positive: decided
    // by the sign of p, never by evaluating z near the zero, where rounding could mislead.
    gain[j] = pj > 0 ? negGain : 1;
    let at = k++;
    while (at > 0 && cx[at - 1]! > x) {
      cx[at] = cx[at - 1]!;
      cu[at] = cu[at - 1]!;
      at--;
    }
    cx[at] = x;
    cu[at] = j;
  }

  fullProduct(level, nextP, nextQ, next);
  let left = x0;
  let c = 0;
  for (;;) {
    const right = c < k ? cx[c]! : x1;
    if (last) record(left, nextP[0]!);
    else visit(levels, outMap, l + 1, left, right, outLayer);
    if (c >= k) break;
    // Every unit crossing at this x changes side together (zero biases put many at x = 0).
    while (c < k && cx[c] === right) {
      const j = cu[c]!;
      const g = p[j]! > 0 ? 1 : negGain;
      const dg = g - gain[j]!;
      gain[j] = g;
      if (dg !== 0) rowUpdate(level, j, dg, nextP, nextQ, next);
      c++;
    }
    left = right;
  }
}

/**
 * The points of (lo, hi) where the network's output changes slope, exact up to float64
 * rounding, and the number of linear pieces on [lo, hi]. Throws a RangeError for a smooth
 * hidden activation or an input or output wider than 1.
 */
export function linearPieces(net: Network, lo: number, hi: number): LinearPieces {
  const layers = net.layers;
  if (layers.length < 1) throw new RangeError('a network needs at least one layer');
  if (layers[0]!.inDim !== 1 || layers[layers.length - 1]!.outDim !== 1)
    throw new RangeError('linear pieces are found along one input for one output');
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi))
    throw new RangeError(`the range must be finite with lo <= hi, got [${lo}, ${hi}]`);
  const hidden = layers.length - 1;
  let linear = true;
  for (let l = 0; l < hidden; l++) {
    const act = layers[l]!.activation;
    if (!PIECEWISE_LINEAR.includes(act))
      throw new RangeError(`linear pieces need a piecewise-linear activation, not ${act}`);
    if (act !== 'none') linear = false;
  }
  if (linear || lo === hi) return { breakpoints: new Float64Array(0), pieces: 1 };

  const levels: Level[] = [];
  for (let l = 0; l < hidden; l++) {
    const layer = layers[l]!;
    const n = layer.outDim;
    levels.push({
      layer,
      negGain:
        layer.activation === 'relu' ? 0 : layer.activation === 'leaky-relu' ? LEAKY_SLOPE : 1,
      p: new Float64Array(n),
      q: new Float64Array(n),
      gain: new Float64Array(n),
      cx: new Float64Array(n),
      cu: new Int32Array(n),
      ap: new Float64Array(n),
      aq: new Float64Array(n),
      active: new Int32Array(n),
      nextWt: transposedWeights(layers[l + 1]!),
    });
  }
  // The first layer's maps on the whole range: z = w x + b.
  const first = levels[0]!;
  for (let j = 0; j < first.layer.outDim; j++) {
    first.p[j] = first.layer.w[j]!;
    first.q[j] = first.layer.b[j]!;
  }
  const outMap = [new Float64Array(1), new Float64Array(1)];
  count = 0;
  visit(levels, outMap, 0, lo, hi, layers[hidden]!);

  let steepest = 0;
  for (let i = 0; i < count; i++) steepest = Math.max(steepest, Math.abs(slopes[i]!));
  const kept = new Float64Array(Math.max(0, count - 1));
  let n = 0;
  for (let i = 1; i < count; i++) {
    // + 0: a hinge at -0 (a zero bias over a negative weight) reads as 0.
    if (Math.abs(slopes[i]! - slopes[i - 1]!) > PIECE_RTOL * steepest) kept[n++] = starts[i]! + 0;
  }
  return { breakpoints: kept.slice(0, n), pieces: n + 1 };
}
