import { describe, expect, it } from 'vitest';
import {
  appendStandingLoss,
  Extent,
  fits,
  grownRanges,
  LOG_ROOM_BELOW,
  MIN_X_RANGE,
  sameRange,
  X_GROWTH,
} from './lossRange';

describe('loss plot ranges while training', () => {
  it('an extent skips non-finite values, and non-positive ones on a log axis', () => {
    const log = new Extent(true).add([0.5, NaN, 0, -1, Infinity, 0.02, 3]);
    expect([log.lo, log.hi]).toEqual([0.02, 3]);
    const linear = new Extent(false).add([0.5, NaN, 0, -1, 3]);
    expect([linear.lo, linear.hi]).toEqual([-1, 3]);
    expect(new Extent(true).add([0, NaN]).empty).toBe(true);
    // Only the first n values count.
    expect(new Extent(false).add([1, 2, 100], 2).hi).toBe(2);
  });

  it('grown ranges hold the data with room to grow, in log10 units on a log axis', () => {
    const extent = new Extent(true).add([0.34, 0.05]);
    const r = grownRanges(200, extent, true);
    expect(r.x).toEqual([0, Math.ceil(200 * X_GROWTH)]);
    expect(r.y[0]).toBeCloseTo(Math.log10(0.05) - LOG_ROOM_BELOW, 12);
    expect(r.y[1]).toBeGreaterThan(Math.log10(0.34));
    expect(fits(r, 200, extent, true)).toBe(true);
    // The next frames fit until the steps pass the end or the loss falls past the room below.
    expect(fits(r, Math.ceil(200 * X_GROWTH), new Extent(true).add([0.34, 0.03]), true)).toBe(true);
    expect(fits(r, Math.ceil(200 * X_GROWTH) + 1, extent, true)).toBe(false);
    expect(
      fits(r, 210, new Extent(true).add([0.34, 0.05 * 10 ** -LOG_ROOM_BELOW * 0.99]), true),
    ).toBe(false);
    expect(fits(r, 210, new Extent(true).add([0.5]), true)).toBe(false);
  });

  it('a linear axis gets room below and above; a short or empty run still gets a sane range', () => {
    const extent = new Extent(false).add([1, 3]);
    const r = grownRanges(0, extent, false);
    expect(r.x).toEqual([0, MIN_X_RANGE]);
    expect(r.y[0]).toBeLessThan(1);
    expect(r.y[1]).toBeGreaterThan(3);
    expect(fits(r, 5, extent, false)).toBe(true);
    const flat = grownRanges(3, new Extent(false).add([2, 2]), false);
    expect(flat.y[1]).toBeGreaterThan(flat.y[0]);
    expect(grownRanges(3, new Extent(true), true).y).toEqual([-1, 0]);
  });

  it('ranges compare equal within rounding only', () => {
    expect(sameRange([0, 480], [0, 480 + 1e-10])).toBe(true);
    expect(sameRange([0, 480], [0, 470])).toBe(false);
    expect(sameRange(undefined, [0, 1])).toBe(false);
  });

  it('a run standing still shows the loss of the parameters on show: at step 0 it is the only loss, and the range holds it', () => {
    const steps = new Float64Array(4);
    const losses = new Float32Array(4);
    // The untrained preset: step 0, nothing recorded yet.
    const n = appendStandingLoss(steps, losses, 0, { step: 0, loss: 0.3152, state: 'paused' });
    expect(n).toBe(1);
    expect([steps[0], losses[0]]).toEqual([0, Math.fround(0.3152)]);
    const extent = new Extent(true).add(losses, n).add([0.0592, 0.0279]);
    const r = grownRanges(0, extent, true);
    expect(fits(r, 0, extent, true)).toBe(true);
    expect(r.y[1]).toBeGreaterThan(Math.log10(0.3152));
    // Paused after 2 steps: the losses of steps 0 and 1 are recorded, the current one comes at step 2.
    steps.set([0, 1]);
    losses.set([0.5, 0.4]);
    expect(appendStandingLoss(steps, losses, 2, { step: 2, loss: 0.35, state: 'paused' })).toBe(3);
    expect([steps[2], losses[2]]).toEqual([2, Math.fround(0.35)]);
    // Nothing is added while training, for a loss already there, or a loss that is not a number.
    expect(appendStandingLoss(steps, losses, 2, { step: 2, loss: 0.35, state: 'running' })).toBe(2);
    expect(appendStandingLoss(steps, losses, 2, { step: 1, loss: 0.35, state: 'paused' })).toBe(2);
    expect(
      appendStandingLoss(steps, losses, 2, { step: 2, loss: Number.NaN, state: 'diverged' }),
    ).toBe(2);
    expect(appendStandingLoss(steps, losses, 0, null)).toBe(0);
  });
});
