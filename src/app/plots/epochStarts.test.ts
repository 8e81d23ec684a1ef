import { describe, expect, it } from 'vitest';
import { EpochStarts, type EpochFrame } from './epochStarts';

/** A frame of a run with epochs of `every` steps that began (this schedule) at `origin`. */
function at(step: number, every: number, origin = 0, known = false): EpochFrame {
  return {
    step,
    ...(known ? { scheduleFrom: origin } : {}),
    trainLoss: every > 1 ? 0.5 : null,
    stepsPerEpoch: every,
    // A finished epoch stays "into" it until the next step begins a new one.
    stepsIntoEpoch: step === origin ? 0 : ((step - origin - 1) % every) + 1,
  };
}

describe('EpochStarts', () => {
  it('marks every epoch start up to the newest, from sparse frames', () => {
    const e = new EpochStarts();
    e.observe(at(0, 3));
    e.observe(at(7, 3));
    e.observe(at(20, 3));
    expect(e.within(0, 100, 50)).toEqual([0, 3, 6, 9, 12, 15, 18]);
    expect(e.within(4, 13, 50)).toEqual([6, 9, 12]);
  });

  it('gives none when there would be more than the limit', () => {
    const e = new EpochStarts();
    e.observe(at(301, 3));
    expect(e.within(0, 400, 100)).toBeNull();
    expect(e.within(0, 30, 100)).toHaveLength(11);
  });

  it('marks nothing for the full batch, and follows a batch change to its own spacing', () => {
    const e = new EpochStarts();
    e.observe(at(10, 1));
    expect(e.within(0, 100, 50)).toEqual([]);
    // Batch set at step 10 (the frames say where the schedule began): epochs of 4 steps from there.
    e.observe(at(19, 4, 10, true));
    expect(e.within(0, 100, 50)).toEqual([10, 14, 18]);
    // Then epochs of 5 steps, from a change at step 25.
    e.observe(at(26, 4, 10, true));
    e.observe(at(36, 5, 25, true));
    expect(e.within(0, 100, 50)).toEqual([10, 14, 18, 22, 25, 30, 35]);
  });

  it('without the schedule’s start, fills in epochs back to the previous frame only', () => {
    const e = new EpochStarts();
    e.observe(at(11, 1));
    e.observe(at(27, 4, 14));
    // The schedule began at 14: the starts from the last frame (11) on are 14, 18, ... 26.
    expect(e.within(0, 100, 50)).toEqual([14, 18, 22, 26]);
  });

  it('forgets epochs after a rewind and goes on from there', () => {
    const e = new EpochStarts();
    e.observe(at(0, 3));
    e.observe(at(30, 3));
    e.truncateAfter(10);
    expect(e.within(0, 100, 50)).toEqual([0, 3, 6, 9]);
    e.observe(at(14, 3));
    expect(e.within(0, 100, 50)).toEqual([0, 3, 6, 9, 12]);
    e.clear();
    expect(e.within(0, 100, 50)).toEqual([]);
  });
});
