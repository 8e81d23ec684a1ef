import { describe, expect, it } from 'vitest';
import type { LabeledData } from './protocol';
import { MAX_DATA_CHANGES, RunHistory } from './runHistory';

const points = (id: number): LabeledData => ({
  x: Float32Array.of(id / 10),
  y: Float32Array.of(0),
  test: Uint8Array.of(0),
  id,
});

describe('RunHistory', () => {
  it('keeps one learning rate per change, at the step it was first used', () => {
    const h = new RunHistory();
    h.recordRate(0, 0.01);
    h.recordRate(10, 0.01);
    h.recordRate(20, 0.05);
    h.recordRate(35, 0.01);
    expect(h.rates).toEqual([
      { step: 0, learningRate: 0.01 },
      { step: 20, learningRate: 0.05 },
      { step: 35, learningRate: 0.01 },
    ]);
  });

  it('several data changes at one step leave the last', () => {
    const h = new RunHistory();
    h.recordData(0, points(1));
    h.recordData(40, points(2));
    h.recordData(40, points(3));
    expect(h.schedule().data).toEqual([
      { step: 0, id: 1 },
      { step: 40, id: 3 },
    ]);
  });

  it('past the cap: the first changes and the newest, and the step from which the points are not known', () => {
    const h = new RunHistory();
    for (let k = 1; k <= MAX_DATA_CHANGES + 5; k++) h.recordData(k * 10, points(k));
    expect(h.data).toHaveLength(MAX_DATA_CHANGES);
    expect(h.data.at(-1)).toEqual({
      step: (MAX_DATA_CHANGES + 5) * 10,
      data: points(MAX_DATA_CHANGES + 5),
    });
    // Entries 0 .. MAX - 2 are exact; the one at MAX - 1 was the first overwritten.
    expect(h.droppedFrom).toBe((MAX_DATA_CHANGES - 1) * 10);
    expect(h.dropped).toBe(6);
  });

  it('a rewind drops what came after its step and keeps the data the run has now', () => {
    const h = new RunHistory();
    h.recordRate(0, 0.01);
    h.recordRate(30, 0.5);
    h.recordData(20, points(1));
    h.recordData(35, points(2));
    h.rewindTo(30);
    expect(h.rates).toEqual([
      { step: 0, learningRate: 0.01 },
      { step: 30, learningRate: 0.5 },
    ]);
    expect(h.schedule().data).toEqual([
      { step: 0, id: 0 },
      { step: 20, id: 1 },
      { step: 30, id: 2 },
    ]);
    // The rescue's lower rate replaces the one that blew up, at the same step.
    h.recordRate(30, 0.05);
    expect(h.rates.at(-1)).toEqual({ step: 30, learningRate: 0.05 });
  });

  it('a rewind before lost changes makes the history whole again', () => {
    const h = new RunHistory();
    for (let k = 1; k <= MAX_DATA_CHANGES + 2; k++) h.recordData(100 + k, points(k));
    expect(h.droppedFrom).not.toBeNull();
    h.rewindTo(50);
    expect(h.droppedFrom).toBeNull();
    expect(h.schedule().data).toEqual([
      { step: 0, id: 0 },
      { step: 50, id: MAX_DATA_CHANGES + 2 },
    ]);
  });

  it('loaded weights start the history again at their step', () => {
    const h = new RunHistory(points(4));
    h.recordRate(0, 0.01);
    h.load(200, Float32Array.of(1, 2, 3, 4));
    expect(h.rates).toEqual([]);
    expect(h.schedule()).toEqual({
      rates: [],
      options: [],
      data: [{ step: 200, id: 4 }],
      loadedAt: 200,
      droppedFrom: null,
      dropped: 0,
    });
  });
});
