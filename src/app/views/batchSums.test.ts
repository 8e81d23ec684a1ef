import { describe, expect, it } from 'vitest';
import { sliceSize, sumInSlices, SLICE_WORK } from './batchSums';
import type { SumLayer } from './inspectorModel';

/** Sums of i and i^2 over points [from, to), in the inspector's per-layer shape. */
function sumRange(from: number, to: number): SumLayer[] {
  const w = new Float64Array(2);
  const b = new Float64Array(1);
  for (let i = from; i < to; i++) {
    w[0] = w[0]! + i;
    w[1] = w[1]! + i * i;
    b[0] = b[0]! + 1;
  }
  return [{ w, b }];
}

describe('sums in slices', () => {
  it('add up to the one-shot sum, reporting progress between slices', async () => {
    const progress: number[] = [];
    const sums = await new Promise<SumLayer[]>((done) =>
      sumInSlices(103, 10, sumRange, done, (f) => progress.push(f)),
    );
    expect(Array.from(sums[0]!.w)).toEqual(Array.from(sumRange(0, 103)[0]!.w));
    expect(sums[0]!.b[0]).toBe(103);
    expect(progress).toHaveLength(10);
    expect(progress[0]).toBeCloseTo(10 / 103, 12);
  });

  it('stop when cancelled', async () => {
    let calls = 0;
    const cancel = sumInSlices(
      100,
      1,
      (a, b) => (calls++, sumRange(a, b)),
      () => {},
      () => {},
    );
    cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(0);
  });

  it('slice a large model into few points per task', () => {
    expect(sliceSize(10)).toBe(SLICE_WORK / 10);
    expect(sliceSize(SLICE_WORK * 4)).toBe(1);
  });
});
