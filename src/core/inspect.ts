/**
 * One data point's forward and backward pass through the 1 -> H -> 1 network, in the
 * tutorial's conventions: dz2 = -2 (o2 - y), gw = input * dz (so the step is
 * w += lr * gw), dz1 = dz2 * w2 * act'(o1). A step applies the sum of every point's share.
 * pointPass and batchGradients are the 1 -> H -> 1 forms; layerPass and layerBatchGradients
 * follow the same conventions through any number of layers.
 */
import { activate, activateDerivative, type ActivationName } from './activations';
import type { UnitParams } from './insight';
import type { LayerParams } from './paramLayout';

/** Per-parameter values in the flat layout's groups. */
export interface ParamGroups {
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: number;
}

export interface PointPass {
  x: number;
  y: number;
  /** Pre-activations w1 x + b1, per unit. */
  o1: Float64Array;
  /** Activations act(o1), per unit. */
  a1: Float64Array;
  /** Output b2 + sum w2 a1. */
  o2: number;
  /** o2 - y. */
  error: number;
  /** This point's share of each summed gradient gw, gb. */
  share: ParamGroups;
}

function emptyGroups(hidden: number): ParamGroups {
  return {
    w1: new Float64Array(hidden),
    b1: new Float64Array(hidden),
    w2: new Float64Array(hidden),
    b2: 0,
  };
}

export function pointPass(p: UnitParams, act: ActivationName, x: number, y: number): PointPass {
  const H = p.hidden;
  const o1 = new Float64Array(H);
  const a1 = new Float64Array(H);
  let o2 = p.b2;
  for (let j = 0; j < H; j++) {
    o1[j] = p.w1[j]! * x + p.b1[j]!;
    a1[j] = activate(act, o1[j]!);
    o2 += p.w2[j]! * a1[j]!;
  }
  const error = o2 - y;
  const dz2 = -2 * error;
  const share = emptyGroups(H);
  share.b2 = dz2;
  for (let j = 0; j < H; j++) {
    // The delta passed down uses w2 before its update, as the tutorial does.
    const dz1 = dz2 * p.w2[j]! * activateDerivative(act, o1[j]!);
    share.w2[j] = a1[j]! * dz2;
    share.b1[j] = dz1;
    share.w1[j] = x * dz1;
  }
  return { x, y, o1, a1, o2, error, share };
}

/** The full-batch sums the next step will apply (times the learning rate). O(N H), no per-point allocation. */
export function batchGradients(
  p: UnitParams,
  act: ActivationName,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): ParamGroups {
  const H = p.hidden;
  const sum = emptyGroups(H);
  const a1 = new Float64Array(H);
  const d1 = new Float64Array(H);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    let o2 = p.b2;
    for (let j = 0; j < H; j++) {
      const o1 = p.w1[j]! * x + p.b1[j]!;
      a1[j] = activate(act, o1);
      d1[j] = activateDerivative(act, o1);
      o2 += p.w2[j]! * a1[j]!;
    }
    const dz2 = -2 * (o2 - ys[i]!);
    sum.b2 += dz2;
    for (let j = 0; j < H; j++) {
      const dz1 = dz2 * p.w2[j]! * d1[j]!;
      sum.w2[j] = sum.w2[j]! + a1[j]! * dz2;
      sum.b1[j] = sum.b1[j]! + dz1;
      sum.w1[j] = sum.w1[j]! + x * dz1;
    }
  }
  return sum;
}

/** One layer of a point's pass through a network of any depth (float64). */
export interface LayerPass {
  /** Pre-activations, per unit of the layer. */
  z: Float64Array;
  /** Activations act(z); for the linear output layer, z itself. */
  a: Float64Array;
  /** dz: -2 (o - y) at the output, passed down with the weights before the update, times act'(z). */
  delta: Float64Array;
  /** This point's share of the layer's summed gw ([in][out], a_in^T dz) and gb (dz). */
  shareW: Float64Array;
  shareB: Float64Array;
}

/** One data point's forward and backward pass through every layer, the output layer last. */
export interface DeepPointPass {
  x: number;
  y: number;
  layers: LayerPass[];
  /** The network's output o. */
  output: number;
  /** o - y. */
  error: number;
}

/** Float64 buffers of one pass, per layer; allocated once per call, reused over the points. */
interface PassBuffers {
  inDim: number[];
  outDim: number[];
  z: Float64Array[];
  a: Float64Array[];
  delta: Float64Array[];
}

function passBuffers(layers: readonly LayerParams<Float32Array>[]): PassBuffers {
  const buffers: PassBuffers = { inDim: [], outDim: [], z: [], a: [], delta: [] };
  let inDim = 1;
  for (const layer of layers) {
    const outDim = layer.b.length;
    if (layer.w.length !== inDim * outDim)
      throw new RangeError(
        `a layer of ${outDim} units after ${inDim} needs ${inDim * outDim} weights, not ${layer.w.length}`,
      );
    buffers.inDim.push(inDim);
    buffers.outDim.push(outDim);
    buffers.z.push(new Float64Array(outDim));
    buffers.a.push(new Float64Array(outDim));
    buffers.delta.push(new Float64Array(outDim));
    inDim = outDim;
  }
  if (inDim !== 1) throw new RangeError(`the output layer has ${inDim} units, not 1`);
  return buffers;
}

/**
 * Forward and backward through every layer at (x, y): z, a and delta per layer in buf.
 * Hidden layers use act, the last is linear. Returns the output o.
 */
function passInto(
  layers: readonly LayerParams<Float32Array>[],
  act: ActivationName,
  x: number,
  y: number,
  buf: PassBuffers,
): number {
  const last = layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const { w, b } = layers[l]!;
    const n = buf.outDim[l]!;
    const m = buf.inDim[l]!;
    const z = buf.z[l]!;
    const a = buf.a[l]!;
    const input = l === 0 ? null : buf.a[l - 1]!;
    for (let j = 0; j < n; j++) {
      let s = b[j]!;
      for (let i = 0; i < m; i++) s += (input ? input[i]! : x) * w[i * n + j]!;
      z[j] = s;
      a[j] = l === last ? s : activate(act, s);
    }
  }
  const output = buf.z[last]![0]!;
  buf.delta[last]![0] = -2 * (output - y);
  for (let l = last; l > 0; l--) {
    const { w } = layers[l]!;
    const n = buf.outDim[l]!;
    const m = buf.inDim[l]!;
    const dz = buf.delta[l]!;
    const below = buf.delta[l - 1]!;
    const zBelow = buf.z[l - 1]!;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += dz[j]! * w[i * n + j]!;
      below[i] = s * activateDerivative(act, zBelow[i]!);
    }
  }
  return output;
}

/** The step inspector's view of one point at any depth: every layer's values, deltas and shares. */
export function layerPass(
  layers: readonly LayerParams<Float32Array>[],
  act: ActivationName,
  x: number,
  y: number,
): DeepPointPass {
  const buf = passBuffers(layers);
  const output = passInto(layers, act, x, y, buf);
  const passes: LayerPass[] = layers.map((_, l) => {
    const n = buf.outDim[l]!;
    const m = buf.inDim[l]!;
    const delta = buf.delta[l]!;
    const shareW = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      const ai = l === 0 ? x : buf.a[l - 1]![i]!;
      for (let j = 0; j < n; j++) shareW[i * n + j] = ai * delta[j]!;
    }
    return { z: buf.z[l]!, a: buf.a[l]!, delta, shareW, shareB: delta.slice() };
  });
  return { x, y, layers: passes, output, error: output - y };
}

/**
 * The full-batch sums of every layer's shares (the gw, gb the next step applies, times the
 * learning rate), in float64: O(N x parameters), no per-point allocation.
 */
export function layerBatchGradients(
  layers: readonly LayerParams<Float32Array>[],
  act: ActivationName,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): LayerParams<Float64Array>[] {
  const buf = passBuffers(layers);
  const sums = layers.map((layer) => ({
    w: new Float64Array(layer.w.length),
    b: new Float64Array(layer.b.length),
  }));
  for (let p = 0; p < xs.length; p++) {
    const x = xs[p]!;
    passInto(layers, act, x, ys[p]!, buf);
    for (let l = 0; l < layers.length; l++) {
      const n = buf.outDim[l]!;
      const m = buf.inDim[l]!;
      const delta = buf.delta[l]!;
      const { w, b } = sums[l]!;
      for (let j = 0; j < n; j++) b[j] = b[j]! + delta[j]!;
      for (let i = 0; i < m; i++) {
        const ai = l === 0 ? x : buf.a[l - 1]![i]!;
        for (let j = 0; j < n; j++) w[i * n + j] = w[i * n + j]! + ai * delta[j]!;
      }
    }
  }
  return sums;
}
