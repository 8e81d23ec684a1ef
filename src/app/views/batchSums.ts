/**
 * The full-batch gradient sums the inspector shows, at any size without a long task: the
 * sum over N points costs N passes through every parameter, so past a budget it is summed
 * over slices of the points, one slice per task, and the slices' sums added up (float64).
 */
import { inOwnTask } from '../ownTask';
import type { SumLayer } from './inspectorModel';

/** Point-parameter products summed in one go (well under a frame's time in float64 JS). */
export const SLICE_WORK = 400_000;

/** Adds b into a, layer by layer. */
function addInto(a: SumLayer[], b: readonly SumLayer[]): void {
  a.forEach((layer, l) => {
    const o = b[l]!;
    for (let i = 0; i < layer.w.length; i++) layer.w[i] = layer.w[i]! + o.w[i]!;
    for (let i = 0; i < layer.b.length; i++) layer.b[i] = layer.b[i]! + o.b[i]!;
  });
}

/** Points per slice for a model of `params` parameters. */
export function sliceSize(params: number): number {
  return Math.max(1, Math.floor(SLICE_WORK / Math.max(params, 1)));
}

/**
 * Sums `sumRange(from, to)` over points [0, n) in slices of `size`, each in its own task,
 * and calls done with the total; progress(fraction) after each slice. Returns the cancel.
 */
export function sumInSlices(
  n: number,
  size: number,
  sumRange: (from: number, to: number) => SumLayer[],
  done: (sums: SumLayer[]) => void,
  progress: (fraction: number) => void,
): () => void {
  let cancelled = false;
  let total: SumLayer[] | null = null;
  let from = 0;
  const next = () => {
    if (cancelled) return;
    const to = Math.min(n, from + size);
    const part = sumRange(from, to);
    if (total) addInto(total, part);
    else total = part;
    from = to;
    if (from >= n) done(total);
    else {
      progress(from / n);
      inOwnTask(next);
    }
  };
  inOwnTask(next);
  return () => void (cancelled = true);
}
