import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps page-wide state (whether the fit has drawn): a fresh copy per test.
const load = async () => {
  vi.resetModules();
  return import('./firstFit');
};

describe("waiting for the fit plot's first draw", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the waiting draw in a task of its own once the fit has drawn, not before', async () => {
    const { afterFitDrawn, markFitDrawn, fitDrawn } = await load();
    const fn = vi.fn();
    afterFitDrawn(fn, 1000);
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
    markFitDrawn();
    expect(fitDrawn()).toBe(true);
    expect(fn).not.toHaveBeenCalled(); // not inside the fit's own draw
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000); // the longest wait's timer is gone
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('never waits longer than asked: a fit that never draws does not hold the other view', async () => {
    const { afterFitDrawn, markFitDrawn } = await load();
    const fn = vi.fn();
    afterFitDrawn(fn, 1000);
    vi.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    markFitDrawn(); // late: runs nothing again
    vi.advanceTimersByTime(10);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('after the first fit, waiting is one task; a cancelled wait never runs', async () => {
    const { afterFitDrawn, markFitDrawn } = await load();
    markFitDrawn();
    const later = vi.fn();
    afterFitDrawn(later, 1000);
    expect(later).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(later).toHaveBeenCalledTimes(1);

    const { afterFitDrawn: wait2 } = await load();
    const cancelled = vi.fn();
    const cancel = wait2(cancelled, 1000);
    cancel();
    vi.advanceTimersByTime(2000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
