import { beforeEach, describe, expect, it } from 'vitest';
import { acceptRunFrame, compareLive, resetLive } from './compareLive';
import { fakeFrame } from './fakeWorkers';

function testHistory(index: number): { steps: number[]; values: number[] } {
  const test = compareLive.getState().runs[index]!.test;
  const steps = new Float64Array(test.capacity);
  const losses = new Float32Array(test.capacity);
  const n = test.snapshot(steps, losses);
  return { steps: Array.from(steps.subarray(0, n)), values: Array.from(losses.subarray(0, n)) };
}

describe('compareLive test losses', () => {
  beforeEach(() => resetLive(2));

  it("keeps the worker's samples before the frame's own, once per step, finite only", () => {
    acceptRunFrame(
      0,
      fakeFrame(0, 40, {
        testLoss: 0.25,
        testLosses: Float32Array.of(0.5, NaN, 0.375, 0.25),
        testLossSteps: Float64Array.of(10, 20, 30, 40),
      }),
    );
    // A later frame repeating step 40 adds only its newer samples.
    acceptRunFrame(
      0,
      fakeFrame(0, 60, {
        testLoss: 0.125,
        testLosses: Float32Array.of(0.25, 0.1875),
        testLossSteps: Float64Array.of(40, 50),
      }),
    );
    expect(testHistory(0)).toEqual({
      steps: [10, 30, 40, 50, 60],
      values: [0.5, 0.375, 0.25, 0.1875, 0.125],
    });
    expect(testHistory(1)).toEqual({ steps: [], values: [] });
  });
});
