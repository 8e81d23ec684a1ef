/**
 * The held-out test loss frames carry: sampled on core/testLossGrid's steps between frames,
 * so a run at max speed with few frames still draws its test-loss line in detail.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabeledData } from '../core/protocol';
import { TrainingRun } from '../core/run';
import { testStride } from '../core/testLossGrid';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { CONFIG, Harness, LR } from './loop.harness';
import { FREE_TEST_MS, TestSamples } from './testSamples';

/** 40 points, every third held out. */
function data(): LabeledData {
  const n = 40;
  return {
    x: Float32Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1)),
    y: Float32Array.from({ length: n }, (_, i) => Math.sin(3 * (-1 + (2 * i) / (n - 1)))),
    test: Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('TrainerLoop test-loss samples', () => {
  it('at max speed with few frames, many samples at the grid steps, each the test loss of the parameters there', () => {
    // No acks: frames go out only on the ack timeout, a few per second.
    const h = new Harness(false);
    h.send({
      type: 'start',
      runId: 1,
      config: CONFIG,
      learningRate: LR,
      options: DEFAULT_TRAINING_OPTIONS,
      speed: Infinity,
      playing: true,
      stopAt: null,
      data: data(),
    });
    h.advance(3000);
    const frames = h.frames;
    const last = frames.at(-1)!.step;
    const steps = frames.flatMap((f) => Array.from(f.testLossSteps));
    const losses = frames.flatMap((f) => Array.from(f.testLosses));
    expect(frames.length).toBeLessThan(20);
    expect(last).toBeGreaterThan(10_000);
    expect(steps.length).toBeGreaterThan(10 * frames.length);
    // Each frame's samples are its own: after the previous frame's step, up to its step.
    let prev = 0;
    for (const f of frames) {
      for (const s of f.testLossSteps) {
        expect(s).toBeGreaterThan(prev);
        expect(s).toBeLessThanOrEqual(f.step);
      }
      prev = f.step;
    }
    // Every grid step up to the last frame's, and no other (sampling is cheap in fake time:
    // the floor stays at its finest).
    const grid: number[] = [];
    for (let s = 1; s <= last; s++) if (s % testStride(s) === 0) grid.push(s);
    expect(steps).toEqual(grid);
    // The reference: the same run stepped one by one, measuring the test loss itself.
    const run = new TrainingRun(CONFIG, undefined, undefined, data());
    run.setTrainingOptions(DEFAULT_TRAINING_OPTIONS);
    const out = new Float32Array(1);
    const expected: number[] = [];
    for (const s of steps) {
      while (run.step < s) expect(run.train(1, LR, out, 0)).toBe(1);
      expected.push(Math.fround(run.testLoss()!));
    }
    expect(losses).toEqual(expected);
    // The frame's own test loss stays that of its step's parameters.
    while (run.step < last) run.train(1, LR, out, 0);
    expect(frames.at(-1)!.testLoss).toBe(run.testLoss());
    expect(h.errors).toEqual([]);
  });

  it('without held-out points frames carry no samples', () => {
    const h = new Harness(true);
    h.start(1);
    h.advance(300);
    expect(h.last.step).toBeGreaterThan(100);
    expect(h.frames.every((f) => f.testLosses.length === 0 && f.testLossSteps.length === 0)).toBe(
      true,
    );
  });
});

/**
 * Trains a run to `until` sampling it with TestSamples, each step charged 0.1 ms and each test
 * loss `sampleMs` (the first `firstMs`), on a fake clock; returns the stride in force after and the samples taken.
 */
function sampleWithCost(
  until: number,
  sampleMs: number,
  firstMs = sampleMs,
): { stride: number; sampled: number } {
  let clock = 0;
  const samples = new TestSamples(() => clock);
  const run = new TrainingRun(CONFIG, undefined, undefined, data());
  // Room for every loss of the longest stretch between samples: train() writes each step's.
  const out = new Float32Array(1 << 16);
  const timed = {
    get divergedAt() {
      return run.divergedAt;
    },
    get step() {
      return run.step;
    },
    testLoss: () => {
      clock += sampled === 0 ? firstMs : sampleMs;
      return run.testLoss();
    },
  } as unknown as TrainingRun;
  let sampled = 0;
  while (run.step < until) {
    const n = samples.nextStep(run.step) - run.step;
    // Every step taken (a run that stopped early would never reach the loop's end).
    expect(run.train(n, LR, out, 0)).toBe(n);
    clock += 0.1 * n;
    samples.trained(0.1 * n, n);
    samples.sample(timed);
    sampled++;
  }
  expect(samples.count).toBe(sampled);
  return { stride: samples.nextStep(run.step) - run.step, sampled };
}

describe('TestSamples', () => {
  it('once samples have cost FREE_TEST_MS, sets the floor so they take at most their share of the training time', () => {
    // Free samples: the grid's own stride at step 5000 (2^(12-5)), from 4 steps apart early on.
    const cheap = sampleWithCost(5000, 0);
    expect(cheap.stride).toBe(testStride(5000));
    expect(cheap.stride).toBe(128);
    // 1 ms per sample within 3% of 0.1 ms per step: a sample at most every 333 steps, so a
    // floor of 512, past the grid's 128 there. Until the samples have taken FREE_TEST_MS (20
    // samples) they are on the finest grid (steps 4 to 80), then one per 512 steps.
    expect(FREE_TEST_MS).toBe(20);
    const costly = sampleWithCost(5000, 1);
    expect(costly.stride).toBe(512);
    expect(costly.sampled).toBe(20 + Math.ceil(5000 / 512));
    // One cold first sample costing past FREE_TEST_MS alone does not coarsen the grid.
    expect(sampleWithCost(5000, 0, 30)).toEqual(cheap);
    // A run too short for the samples to cost FREE_TEST_MS samples the whole grid.
    expect(sampleWithCost(64, 1)).toEqual(sampleWithCost(64, 0));
  });
});
