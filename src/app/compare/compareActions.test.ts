import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE } from '../../core/compare';
import { DEFAULT_CONFIG } from '../../core/config';
import type { ToWorker } from '../../core/protocol';
import {
  addRun,
  closeCompare,
  openCompare,
  removeRun,
  rescueRun,
  resetAll,
  setSpeed,
  setValue,
  setVary,
  stepAll,
  togglePlaying,
} from './compareActions';
import { compareLive } from './compareLive';
import { useCompareStore } from './compareStore';
import { FakeHost, fakeFrame, type FakeWorker } from './fakeWorkers';
import { setRunWorkerHost } from './compareActions';

let host: FakeHost;

type Start = Extract<ToWorker, { type: 'start' }>;
const starts = (w: FakeWorker) => w.sent.filter((m): m is Start => m.type === 'start');

beforeEach(() => {
  closeCompare();
  host = new FakeHost();
  setRunWorkerHost(host);
  openCompare({ ...DEFAULT_CONFIG, speed: 100 }, null, DEFAULT_COMPARE);
});

describe('a comparison of runs, each in its own worker', () => {
  it('opens one worker per value, the runs alike but for the varied setting', () => {
    expect(host.workers).toHaveLength(4);
    const configs = host.workers.map((w) => starts(w)[0]!.config);
    expect(configs.map((c) => c.activation)).toEqual(['none', 'relu', 'tanh', 'sigmoid']);
    for (const c of configs)
      expect({ ...c, activation: 'x' }).toEqual({ ...configs[0], activation: 'x' });
    expect(starts(host.workers[0]!)[0]).toMatchObject({ speed: 100, playing: true });
    expect(compareLive.getState().runs).toHaveLength(4);
    expect(useCompareStore.getState().runs.map((r) => r.state)).toEqual(Array(4).fill('starting'));
  });

  it('keeps each run’s frames and losses apart', () => {
    host.workers[1]!.reply(fakeFrame(1, 2, { losses: Float32Array.of(0.4, 0.3), lossesStart: 0 }));
    host.workers[2]!.reply(fakeFrame(1, 1, { trainLoss: 0.2, losses: Float32Array.of(9) }));
    const runs = compareLive.getState().runs;
    expect(runs[0]!.frame).toBeNull();
    expect(runs[1]!.frame?.step).toBe(2);
    expect(Array.from(runs[1]!.train.losses.subarray(0, runs[1]!.train.length))).toEqual([
      0.4000000059604645, 0.30000001192092896,
    ]);
    // Mini-batched: the loss on all the training points, not the batch's.
    expect(runs[2]!.train.lastLoss).toBeCloseTo(0.2);
    expect(useCompareStore.getState().runs[1]!.state).toBe('running');
  });

  it('restarts only the run whose value changed', () => {
    setValue(1, 'leaky-relu');
    expect(host.workers.map((w) => starts(w).length)).toEqual([1, 2, 1, 1]);
    expect(starts(host.workers[1]!)[1]!.config.activation).toBe('leaky-relu');
    expect(useCompareStore.getState().spec.values).toEqual([
      'none',
      'leaky-relu',
      'tanh',
      'sigmoid',
    ]);
  });

  it('a new Vary loads its default values and starts every run again', () => {
    setVary('layers');
    expect(useCompareStore.getState().spec).toEqual({ vary: 'layers', values: ['1', '2', '3'] });
    // The first four workers are closed; three new ones train 1, 2 and 3 layers of 10.
    expect(host.workers.slice(0, 4).every((w) => w.terminated)).toBe(true);
    const fresh = host.workers.slice(4);
    expect(fresh.map((w) => starts(w)[0]!.config.layers)).toEqual([[10], [10, 10], [10, 10, 10]]);
    expect(fresh.map((w) => starts(w)[0]!.speed)).toEqual([100, 100, 100]);
  });

  it('adds a run with an unused value up to four, removes down to two; the others go on', () => {
    setVary('init');
    addRun(); // init has only three values, all compared
    expect(useCompareStore.getState().spec.values).toEqual(['tutorial', 'glorot', 'he']);
    removeRun(0);
    expect(useCompareStore.getState().spec.values).toEqual(['glorot', 'he']);
    const [a, b, c] = host.workers.slice(4);
    expect(a!.terminated).toBe(true);
    expect([b!.terminated, c!.terminated]).toEqual([false, false]);
    removeRun(0); // two is the least
    expect(useCompareStore.getState().spec.values).toEqual(['glorot', 'he']);
    addRun();
    expect(useCompareStore.getState().spec.values).toEqual(['glorot', 'he', 'tutorial']);
    expect(host.workers.at(-1)!.types()).toEqual(['setViews', 'start']);
    expect([b, c].map((w) => starts(w!).length)).toEqual([1, 1]);
    expect(compareLive.getState().runs).toHaveLength(3);
  });

  it('a run that diverges stops alone; Play and Pause leave it be; its rescue lowers its rate', () => {
    const diverging = host.workers[3]!;
    diverging.reply(
      fakeFrame(1, 40, { state: 'diverged', divergedAt: 40, checkpointStep: 31, loss: NaN }),
    );
    const run = useCompareStore.getState().runs[3]!;
    expect(run).toMatchObject({ state: 'diverged', divergedAt: 40, rescueStep: 31 });
    togglePlaying();
    togglePlaying();
    expect(diverging.types()).toEqual(['setViews', 'start']);
    expect(host.workers[0]!.types()).toEqual(['setViews', 'start', 'pause', 'resume']);
    rescueRun(3, true);
    const rescue = diverging.sent.at(-1);
    expect(rescue).toMatchObject({ type: 'rescue', resume: true });
    const rate = rescue?.type === 'rescue' ? rescue.learningRate : null;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(DEFAULT_CONFIG.learningRate);
    expect(useCompareStore.getState().runs[3]).toMatchObject({
      state: 'running',
      divergedAt: null,
      rescuedRate: rate,
    });
  });

  it('Step, Reset and speed act on every run', () => {
    stepAll();
    expect(useCompareStore.getState().playing).toBe(false);
    setSpeed(Infinity);
    resetAll();
    for (const w of host.workers) {
      expect(w.types()).toEqual(['setViews', 'start', 'pause', 'step', 'setSpeed', 'reset']);
      expect(w.runId()).toBe(2);
    }
  });

  it('closing ends every worker', () => {
    closeCompare();
    expect(host.workers.every((w) => w.terminated)).toBe(true);
    expect(compareLive.getState().runs).toEqual([]);
  });
});
