import { describe, expect, it } from 'vitest';
import { bestRows, RateMeter, rowValues, type RowValues } from './tableCells';
import { fakeFrame } from './fakeWorkers';

const row = (patch: Partial<RowValues>): RowValues => ({
  loss: null,
  testLoss: null,
  rate: null,
  pieces: null,
  params: 31,
  ...patch,
});

describe('the comparison table’s best values', () => {
  it('marks the lowest loss and the fewest parameters, the most steps/s and pieces', () => {
    const rows = [
      row({ loss: 0.2, rate: 100, pieces: 1, params: 31 }),
      row({ loss: 0.03, rate: 300, pieces: 8, params: 301 }),
      row({ loss: 0.05, rate: 200, pieces: null, params: 31 }),
    ];
    expect([...bestRows(rows, 'loss')]).toEqual([1]);
    expect([...bestRows(rows, 'rate')]).toEqual([1]);
    expect([...bestRows(rows, 'pieces')]).toEqual([1]);
    expect([...bestRows(rows, 'params')]).toEqual([0, 2]);
  });

  it('marks nothing where the runs are alike, or only one has a value', () => {
    const rows = [row({ rate: 100, testLoss: 0.1 }), row({ rate: 103 }), row({ rate: 98 })];
    expect(bestRows(rows, 'params').size).toBe(0);
    expect(bestRows(rows, 'rate').size).toBe(0); // within a few per cent: a tie
    expect(bestRows(rows, 'testLoss').size).toBe(0);
  });

  it('reads a frame: the whole-set loss under mini-batches, pieces where there are kinks', () => {
    const batched = fakeFrame(1, 5, { loss: 9, trainLoss: 0.5, testLoss: 0.7 });
    expect(rowValues(batched, 31, 100)).toEqual({
      loss: 0.5,
      testLoss: 0.7,
      rate: 100,
      pieces: null,
      params: 31,
    });
    const base = fakeFrame(1, 5);
    const kinked = fakeFrame(1, 5, {
      loss: NaN,
      picture: { ...base.picture, kinks: { x: new Float64Array(2), pieces: 3 } },
    });
    expect(rowValues(kinked, 31, null)).toMatchObject({ loss: null, pieces: 3, rate: null });
    expect(rowValues(null, 31, null)).toMatchObject({ loss: null, rate: null, params: 31 });
  });
});

describe('the table’s steps per second', () => {
  it('counts the steps taken over the last second, not one slice’s measure', () => {
    const meter = new RateMeter();
    expect(meter.sample(0, 0, true)).toBeNull();
    expect(meter.sample(100, 250, true)).toBeNull(); // not half a second yet
    expect(meter.sample(200, 500, true)).toBe(400);
    expect(meter.sample(1000, 1000, true)).toBe(1000);
    // The window slides: the second before 1500 ms, from 200 steps at 500 ms.
    expect(meter.sample(1100, 1500, true)).toBe(900);
    expect(meter.sample(1300, 2000, true)).toBe(300);
  });

  it('says nothing while the run stands still, and starts again with a new run', () => {
    const meter = new RateMeter();
    meter.sample(0, 0, true);
    meter.sample(500, 1000, true);
    expect(meter.sample(500, 1250, false)).toBeNull();
    expect(meter.sample(10, 1500, true)).toBeNull();
    expect(meter.sample(5, 1750, true)).toBeNull(); // a reset: counts anew
    expect(meter.sample(305, 2250, true)).toBe(600);
  });
});
