import { describe, it, expect } from 'vitest';
import { LossHistory } from './lossHistory';
import { NumpyRandom } from './rng';

function snapshotOf(h: LossHistory): { steps: number[]; losses: number[] } {
  const steps = new Float64Array(h.capacity + 1);
  const losses = new Float32Array(h.capacity + 1);
  const n = h.snapshot(steps, losses);
  return { steps: Array.from(steps.subarray(0, n)), losses: Array.from(losses.subarray(0, n)) };
}

/** A noisy decaying loss curve, seeded. */
function lossAt(rng: NumpyRandom, step: number): number {
  return Math.fround(Math.exp(-step / 2e5) * (1 + 0.3 * Math.abs(rng.normal(0, 1))));
}

describe('LossHistory', () => {
  it('stays bounded over a million steps and keeps the global min, max and newest point', () => {
    const h = new LossHistory(4096);
    const rng = new NumpyRandom(3);
    const total = 1_000_000;
    const spikeStep = 654_321;
    const dipStep = 123_457;
    let maxLength = 0;
    for (let step = 0; step < total; step++) {
      let loss = lossAt(rng, step);
      if (step === spikeStep) loss = 50;
      if (step === dipStep) loss = 1e-6;
      h.push(step, loss);
      if (h.length > maxLength) maxLength = h.length;
    }
    expect(maxLength).toBeLessThanOrEqual(4096);
    expect(maxLength).toBeGreaterThan(2048); // it does use its room

    const { steps, losses } = snapshotOf(h);
    expect(steps.length).toBeLessThanOrEqual(4097);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
    expect(losses[steps.indexOf(spikeStep)]).toBe(50);
    expect(losses[steps.indexOf(dipStep)]).toBe(Math.fround(1e-6));
    expect(steps.at(-1)).toBe(total - 1);
    expect(losses.at(-1)).toBe(h.lastLoss);
  });

  it('shows the newest loss after every push, whatever the bucket phase', () => {
    const h = new LossHistory(8);
    const rng = new NumpyRandom(11);
    for (let step = 0; step < 500; step++) {
      const loss = lossAt(rng, step * 1000);
      h.push(step, loss);
      const { steps, losses } = snapshotOf(h);
      expect([steps.at(-1), losses.at(-1)]).toEqual([step, loss]);
    }
  });

  it('stores every point until the first compaction, then keeps each group of four as (min, max) in step order', () => {
    const h = new LossHistory(8);
    const values = [5, 1, 3, 2, 4, 8, 6];
    h.append(0, values);
    expect(snapshotOf(h)).toEqual({ steps: [0, 1, 2, 3, 4, 5, 6], losses: values });
    expect(h.resolution).toBe(1);

    // The next point would leave no room for a pair: compact [5,1,3,2] -> (0:5, 1:1) and [4,8,6] -> (4:4, 5:8).
    h.push(7, 7);
    expect(snapshotOf(h)).toEqual({ steps: [0, 1, 4, 5, 7], losses: [5, 1, 4, 8, 7] });
    expect(h.resolution).toBe(4);

    // From now on four raw losses make one stored (min, max) pair.
    h.append(8, [9, 0.5, 3, 3]);
    expect(snapshotOf(h)).toEqual({
      steps: [0, 1, 4, 5, 7, 8, 9, 11],
      losses: [5, 1, 4, 8, 7, 9, 0.5, 3],
    });
  });

  it('keeps a NaN loss (divergence) wherever it falls in a bucket', () => {
    for (const at of [0, 1, 2, 3]) {
      const h = new LossHistory(8);
      h.append(0, [1, 2, 3, 4, 5, 6, 7, 8]); // now buckets of 4
      const bucket = [3, 2, 1, 0.5];
      bucket[at] = NaN;
      h.append(8, bucket);
      h.append(12, [0.4, 0.3, 0.2, 0.1]);
      h.append(16, [0.09, 0.08, 0.07, 0.06]); // forces another compaction
      const { steps, losses } = snapshotOf(h);
      expect(
        losses.some(Number.isNaN),
        `NaN at bucket index ${at}: ${JSON.stringify(losses)}`,
      ).toBe(true);
      for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
    }
  });

  it('clear() forgets everything', () => {
    const h = new LossHistory(8);
    h.append(0, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    h.clear();
    expect(snapshotOf(h)).toEqual({ steps: [], losses: [] });
    expect(h.resolution).toBe(1);
    h.push(0, 2);
    expect(snapshotOf(h)).toEqual({ steps: [0], losses: [2] });
  });

  it('rejects capacities that are not a multiple of 4, at least 8', () => {
    expect(() => new LossHistory(6)).toThrow(RangeError);
    expect(() => new LossHistory(10)).toThrow(RangeError);
    expect(() => new LossHistory(8)).not.toThrow();
  });
});

describe('truncateAfter', () => {
  it('forgets the losses after a step and goes on from there', () => {
    const h = new LossHistory(8);
    h.append(0, [5, 4, 3, 2, 1, 0.5]);
    h.truncateAfter(2);
    const steps = new Float64Array(9);
    const losses = new Float32Array(9);
    expect(Array.from(steps.subarray(0, h.snapshot(steps, losses)))).toEqual([0, 1, 2]);
    h.append(3, [2.5]);
    const n = h.snapshot(steps, losses);
    expect(Array.from(steps.subarray(0, n))).toEqual([0, 1, 2, 3]);
    expect(losses[n - 1]).toBe(2.5);
  });
});
