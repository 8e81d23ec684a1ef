/**
 * What a run reports of its last step (issue #20): the update each parameter received,
 * w_after - w_before, and the batch, as indices of the page's points.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { buildDataset } from './buildModel';
import { TrainingRun } from './run';
import { testMask } from './split';
import { DEFAULT_TRAINING_OPTIONS, OPTIMIZERS } from './trainingOptions';

const CONFIG: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 5,
  layers: [6, 5],
  activation: 'tanh',
  init: 'tutorial',
};

function snapshot(run: TrainingRun): Float32Array {
  const out = new Float32Array(run.paramLength());
  run.snapshotParams(out);
  return out;
}

function updates(run: TrainingRun): Float32Array {
  const out = new Float32Array(run.paramLength());
  run.lastUpdates(out);
  return out;
}

describe('TrainingRun.lastUpdates', () => {
  it('is zero before the first step', () => {
    expect(updates(new TrainingRun(CONFIG)).every((u) => u === 0)).toBe(true);
  });

  it.each(OPTIMIZERS)('%s with batches: exactly the float32 weights’ difference', (optimizer) => {
    const run = new TrainingRun(CONFIG);
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, optimizer, batchSize: 4, l2: 1e-3 });
    const loss = new Float32Array(1);
    let moved = 0;
    for (let s = 0; s < 25; s++) {
      const before = snapshot(run);
      run.train(1, 0.01, loss, 0);
      const after = snapshot(run);
      const u = updates(run);
      after.forEach((w, i) => expect(u[i]).toBe(Math.fround(w - before[i]!)));
      moved += u.filter((v) => v !== 0).length;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it.each([
    ['depth 1 (kernel where it runs)', [10]],
    ['depth 2', [6, 5]],
  ])(
    'the default step, %s: lr times the summed gradient, w_after - w_before to float32 rounding',
    (_name, layers) => {
      const run = new TrainingRun({ ...CONFIG, layers });
      const lr = 0.005;
      const loss = new Float32Array(10);
      run.train(10, lr, loss, 0);
      const before = snapshot(run);
      run.train(1, lr, loss, 0);
      const after = snapshot(run);
      const grads = new Float32Array(run.paramLength());
      run.lastGradients(grads);
      const u = updates(run);
      u.forEach((v, i) => {
        expect(v).toBe(Math.fround(lr * grads[i]!));
        // The weight's float32 rounding (half an ulp of the larger of the two, 2^-24 relative).
        const ulp = 2 ** -23 * Math.max(Math.abs(after[i]!), Math.abs(before[i]!));
        expect(Math.abs(v - (after[i]! - before[i]!))).toBeLessThanOrEqual(ulp);
      });
      expect(u.some((v) => v !== 0)).toBe(true);
      expect(run.divergedAt).toBeNull();
    },
  );
});

describe('TrainingRun.lastBatch', () => {
  it('is null with the full batch, whatever the optimizer', () => {
    const run = new TrainingRun(CONFIG);
    const loss = new Float32Array(2);
    run.train(2, 0.005, loss, 0);
    expect(run.lastBatch()).toBeNull();
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, optimizer: 'adam' });
    run.train(2, 0.005, loss, 0);
    expect(run.lastBatch()).toBeNull();
  });

  it('names the page’s points when a test share holds some out, and visits each training point once an epoch', () => {
    const { x, y } = buildDataset(CONFIG);
    const test = testMask(x.length, 0.3, CONFIG.seed);
    const run = new TrainingRun(CONFIG, undefined, undefined, { x, y, test });
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, batchSize: 4 });
    expect(run.lastBatch()).toBeNull();
    const trained = run.data.x.length;
    const perEpoch = Math.ceil(trained / 4);
    const seen: number[] = [];
    const loss = new Float32Array(1);
    for (let s = 0; s < perEpoch; s++) {
      const before = snapshot(run);
      run.train(1, 0.005, loss, 0);
      const batch = run.lastBatch()!;
      expect(batch.length).toBe(Math.min(4, trained - 4 * s));
      seen.push(...batch);
      // The recorded loss is the MSE of the weights before the step on exactly these page points.
      const probe = new TrainingRun(
        CONFIG,
        undefined,
        { engine: 'ts' },
        {
          x: Float32Array.from(batch, (i) => x[i]!),
          y: Float32Array.from(batch, (i) => y[i]!),
          test: new Uint8Array(batch.length),
        },
      );
      expect(probe.load(before, 0)).toBe(true);
      expect(probe.currentLoss()).toBeCloseTo(loss[0]!, 5);
    }
    // Every training point once in the epoch, no held-out point ever.
    const expected = [...test.keys()].filter((i) => test[i] === 0);
    expect([...seen].sort((a, b) => a - b)).toEqual(expected);
    expect(test.some((t) => t === 1)).toBe(true);
  });
});
