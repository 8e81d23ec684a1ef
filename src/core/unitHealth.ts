/**
 * Whether each hidden unit can still learn, judged over the data in the sense that is true
 * for its activation: a ReLU dies, tanh and sigmoid saturate on either side, ELU and
 * softplus flatten only on their negative side, a leaky ReLU only slows down, and sine
 * never flattens at all (what it can do is turn back within the data).
 */
import { sinePeakBetween, type ActivationName } from './activations';
import type { UnitParams } from './insight';

/**
 * A unit whose pre-activation stays beyond this on every point is flat there: tanh′ < 0.01,
 * sigmoid′ < 0.05 (a fifth of its peak), ELU′ = e^z < 0.05 and softplus′ = σ(z) < 0.05
 * for z < -3. The core tests check these bounds, which the health sentences quote.
 */
export const SATURATION_Z = 3;

/** What a unit's health count counts, per activation. */
export type HealthKind =
  /** No activation: units are lines and never stop learning; nothing is counted. */
  | 'line'
  /** ReLU: z <= 0 on every point, so the output and the gradient are exactly 0. */
  | 'dead'
  /** tanh, sigmoid: |z| > SATURATION_Z on every point, on one side. */
  | 'saturated'
  /** ELU, softplus: z < -SATURATION_Z on every point (their positive side never flattens). */
  | 'flat-negative'
  /** Leaky ReLU: z <= 0 on every point, where the slope is LEAKY_SLOPE: slowed, never dead. */
  | 'leaky'
  /** Sine: never flat; counts units whose z passes a peak or trough of sin within the data. */
  | 'turning';

export const HEALTH_KINDS: Record<ActivationName, HealthKind> = {
  none: 'line',
  relu: 'dead',
  tanh: 'saturated',
  sigmoid: 'saturated',
  elu: 'flat-negative',
  softplus: 'flat-negative',
  'leaky-relu': 'leaky',
  sine: 'turning',
};

/** Health of the hidden units over the data. */
export interface UnitHealth {
  kind: HealthKind;
  /** Units counted, in the sense of `kind`. */
  count: number;
  /** Per unit: 1 when it learns nothing or almost nothing from this data (drawn grey). */
  stuck: Uint8Array;
}

/** Whether a unit whose pre-activation spans [zMin, zMax] over the data is counted in the sense of `kind`. */
export function countedBetween(kind: HealthKind, zMin: number, zMax: number): boolean {
  switch (kind) {
    case 'line':
      return false;
    case 'dead':
    case 'leaky':
      return zMax <= 0;
    case 'saturated':
      return zMin > SATURATION_Z || zMax < -SATURATION_Z;
    case 'flat-negative':
      return zMax < -SATURATION_Z;
    case 'turning':
      return sinePeakBetween(zMin, zMax);
  }
}

/**
 * Counts the units `kind` names for this activation. z = w1 x + b1 is linear in x, so its
 * range over the data runs from its value at the smallest x to its value at the largest:
 * those two points decide every point, in O(N + H).
 */
export function unitHealth(p: UnitParams, act: ActivationName, xs: ArrayLike<number>): UnitHealth {
  const kind = HEALTH_KINDS[act];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    lo = Math.min(lo, xs[i]!);
    hi = Math.max(hi, xs[i]!);
  }
  const stuck = new Uint8Array(p.hidden);
  let count = 0;
  if (xs.length === 0 || kind === 'line') return { kind, count, stuck };
  for (let j = 0; j < p.hidden; j++) {
    const zLo = p.w1[j]! * lo + p.b1[j]!;
    const zHi = p.w1[j]! * hi + p.b1[j]!;
    if (!countedBetween(kind, Math.min(zLo, zHi), Math.max(zLo, zHi))) continue;
    count++;
    // A sine unit that turns is healthy: it is counted, never greyed.
    if (kind !== 'turning') stuck[j] = 1;
  }
  return { kind, count, stuck };
}
