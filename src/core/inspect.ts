/**
 * One data point's forward and backward pass through the 1 -> H -> 1 network, in the
 * tutorial's conventions: dz2 = -2 (o2 - y), gw = input * dz (so the step is
 * w += lr * gw), dz1 = dz2 * w2 * act'(o1). A step applies the sum of every point's share.
 */
import { activate, activateDerivative, type ActivationName } from './activations';
import type { UnitParams } from './insight';

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
