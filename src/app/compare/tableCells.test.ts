import { describe, expect, it } from 'vitest';
import { bestRows, rowValues, type RowValues } from './tableCells';
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
    expect(rowValues(batched, 31)).toEqual({
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
    expect(rowValues(kinked, 31)).toMatchObject({ loss: null, pieces: 3 });
    expect(rowValues(null, 31)).toMatchObject({ loss: null, rate: null, params: 31 });
  });
});
