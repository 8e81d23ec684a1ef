import { beforeEach, describe, expect, it } from 'vitest';
import type { Frame } from '../core/protocol';
import { acceptFrame, clearLive, liveStore, rewindLive, wholeSetHistory } from './liveStore';

/** A frame of `count` steps recorded from `start`, each loss 1 / (step + 1); only the fields the store reads matter. */
function frame(start: number, count: number, more: Partial<Frame> = {}): Frame {
  const losses = Float32Array.from({ length: count }, (_, k) => 1 / (start + k + 1));
  return {
    step: start + count,
    loss: losses[count - 1] ?? 0,
    testLoss: null,
    testLosses: new Float32Array(0),
    testLossSteps: new Float64Array(0),
    trainLoss: null,
    penalty: null,
    epochs: start + count,
    batchSize: 30,
    stepsPerEpoch: 1,
    stepsIntoEpoch: 1,
    losses,
    lossesStart: start,
    params: null,
    grads: null,
    layers: [10],
    state: 'running',
    schedule: { rates: [], options: [], data: [], loadedAt: null, droppedFrom: null, dropped: 0 },
    ...more,
  } as unknown as Frame;
}

function points(history: ReturnType<typeof wholeSetHistory>): [number, number][] {
  const steps = new Float64Array(history.capacity + 1);
  const losses = new Float32Array(history.capacity + 1);
  const n = history.snapshot(steps, losses);
  return Array.from({ length: n }, (_, i) => [steps[i]!, losses[i]!]);
}

describe('liveStore histories', () => {
  beforeEach(() => clearLive());

  it('with the full batch the whole-set loss is the recorded losses, point for point, also once decimated', () => {
    for (let s = 0; s < 9000; s += 7) acceptFrame(frame(s, 7));
    const live = liveStore.getState();
    expect(live.batched).toBe(false);
    expect(wholeSetHistory(live)).toBe(live.history);
    expect(points(live.trainHistory)).toEqual(points(live.history));
    expect(live.history.resolution).toBeGreaterThan(1);
  });

  it('with mini-batches keeps one whole-set loss per frame apart from the batch losses, and the penalty', () => {
    acceptFrame(frame(0, 5));
    const batch = { trainLoss: 0.25, stepsPerEpoch: 3, batchSize: 10 };
    acceptFrame(frame(5, 4, { ...batch, stepsIntoEpoch: 1, penalty: 0.01 }));
    acceptFrame(frame(9, 4, { ...batch, trainLoss: 0.125, stepsIntoEpoch: 2, penalty: 0.02 }));
    const live = liveStore.getState();
    expect(live.batched).toBe(true);
    expect(wholeSetHistory(live)).toBe(live.trainHistory);
    // The full-batch steps 0-4, then the frames' samples at steps 9 and 13.
    expect(points(live.trainHistory)).toEqual([
      ...[0, 1, 2, 3, 4].map((s) => [s, Math.fround(1 / (s + 1))]),
      [9, 0.25],
      [13, 0.125],
    ]);
    expect(points(live.history)).toHaveLength(13);
    expect(points(live.penaltyHistory)).toEqual([
      [9, Math.fround(0.01)],
      [13, Math.fround(0.02)],
    ]);
    // Epochs of 3 from the change: the frame at 9 is 1 into an epoch begun at 8, the one at 13 2 into one begun at 11.
    expect(live.epochStarts.within(0, 100, 10)).toEqual([5, 8, 11]);
  });

  it('a rescue cuts every history at its step, and they go on from there', () => {
    const batch = { trainLoss: 0.5, stepsPerEpoch: 4, batchSize: 8 };
    for (let s = 0; s < 40; s += 4)
      acceptFrame(frame(s, 4, { ...batch, stepsIntoEpoch: 4, testLoss: 0.3, penalty: 0.1 }));
    rewindLive(20);
    const live = liveStore.getState();
    for (const h of [live.history, live.trainHistory, live.testHistory, live.penaltyHistory])
      expect(h.lastStep).toBeLessThanOrEqual(20);
    expect(live.epochStarts.within(0, 100, 50)).toEqual([0, 4, 8, 12, 16, 20]);
    acceptFrame(frame(20, 2, { ...batch, stepsIntoEpoch: 2, testLoss: 0.2, penalty: 0.05 }));
    // The run goes on from step 20: each history takes the new values (the test loss too).
    expect(live.testHistory.lastStep).toBe(22);
    expect(live.testHistory.lastLoss).toBe(0.2);
    expect(live.trainHistory.lastStep).toBe(22);
    expect(live.penaltyHistory.lastStep).toBe(22);
    expect(live.history.lastStep).toBe(21);
  });

  it("takes the worker's test-loss samples between frames, then each frame's own, in step order", () => {
    const samples = (steps: number[], losses: number[]) => ({
      testLossSteps: Float64Array.from(steps),
      testLosses: Float32Array.from(losses),
    });
    acceptFrame(frame(0, 10, { ...samples([4, 8], [0.5, 0.4]), testLoss: 0.375 }));
    // A sample at the frame's own step is not taken twice; a non-finite one not at all.
    acceptFrame(frame(10, 10, { ...samples([12, 16, 20], [0.25, NaN, 0.125]), testLoss: 0.125 }));
    acceptFrame(frame(20, 5, { testLoss: 0.0625 }));
    expect(points(liveStore.getState().testHistory)).toEqual([
      [4, 0.5],
      [8, Math.fround(0.4)],
      [10, 0.375],
      [12, 0.25],
      [20, 0.125],
      [25, 0.0625],
    ]);
  });

  it('a reset forgets it all', () => {
    acceptFrame(frame(0, 4, { trainLoss: 0.5, stepsPerEpoch: 2, stepsIntoEpoch: 2, penalty: 1 }));
    clearLive();
    const live = liveStore.getState();
    expect(live.batched).toBe(false);
    for (const h of [live.history, live.trainHistory, live.testHistory, live.penaltyHistory])
      expect(h.lastStep).toBe(-1);
    expect(live.epochStarts.within(0, 100, 50)).toEqual([]);
  });
});
