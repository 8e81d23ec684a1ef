/**
 * A run's training options (issue #20) through its life: the default options keep today's
 * step bit for bit, a rewind after divergence brings back the optimizer's state and the
 * batch schedule's position with the weights, a loaded model starts with fresh optimizer
 * state.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { TrainingRun } from './run';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';

const CONFIG: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 5,
  layers: [6, 5],
  activation: 'tanh',
  init: 'tutorial',
};

function losses(run: TrainingRun, steps: number, lr: number): Float32Array {
  const out = new Float32Array(steps);
  run.train(steps, lr, out, 0);
  return out;
}

describe('default options', () => {
  it.each([
    ['depth 1 (kernel where it runs)', [10]],
    ['depth 2', [6, 5]],
  ])('%s: setting them (batch N given explicitly) changes no bit', (_name, layers) => {
    const config = { ...CONFIG, layers };
    const plain = new TrainingRun(config);
    const set = new TrainingRun(config);
    set.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, batchSize: config.points });
    expect(set.engine).toBe(plain.engine);
    expect(Array.from(losses(set, 200, 0.005))).toEqual(Array.from(losses(plain, 200, 0.005)));
    expect(set.batching.epochs).toBe(200);
  });

  it('a batch size above N is clamped to N: the default step', () => {
    const plain = new TrainingRun(CONFIG);
    const set = new TrainingRun(CONFIG);
    set.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, batchSize: 1000 });
    expect(Array.from(losses(set, 50, 0.005))).toEqual(Array.from(losses(plain, 50, 0.005)));
  });
});

describe('options change live', () => {
  it('moves a fused-kernel run to the dense kernels with its parameters, and counts epochs', () => {
    const run = new TrainingRun({ ...CONFIG, layers: [10] });
    expect(run.kernel).toBe('fused');
    losses(run, 20, 0.005);
    const before = new Float32Array(run.paramLength());
    const gradientsBefore = new Float32Array(run.paramLength());
    run.snapshotParams(before);
    run.lastGradients(gradientsBefore);
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, batchSize: 7, optimizer: 'adam' });
    expect(run.engine).toBe('wasm');
    expect(run.kernel).toBe('dense');
    const after = new Float32Array(run.paramLength());
    const gradientsAfter = new Float32Array(run.paramLength());
    run.snapshotParams(after);
    run.lastGradients(gradientsAfter);
    expect(after).toEqual(before);
    expect(gradientsAfter).toEqual(gradientsBefore);
    expect(gradientsAfter.some((g) => g !== 0)).toBe(true);
    losses(run, 10, 0.005);
    // 20 full-batch epochs, then 10 steps of 5 per epoch (30 = 4 * 7 + 2): 2 epochs begun.
    expect(run.batching.epochs).toBe(22);
    expect(run.step).toBe(30);
  });

  it('refuses options out of range', () => {
    const run = new TrainingRun(CONFIG);
    expect(() => run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, momentum: 1.5 })).toThrow(
      /momentum/,
    );
  });
});

describe('checkpoints keep the optimizer and the schedule', () => {
  const OPTIONS: TrainingOptions = {
    ...DEFAULT_TRAINING_OPTIONS,
    batchSize: 7,
    optimizer: 'momentum',
    reduction: 'mean',
  };

  it('a rewind after divergence resumes exactly where the kept step left off', () => {
    const a = new TrainingRun(CONFIG);
    a.setTrainingOptions(OPTIONS);
    losses(a, 40, 0.05);
    const blown = new Float32Array(500);
    const taken = a.train(500, 1e4, blown, 0);
    expect(a.divergedAt).not.toBeNull();
    a.rewind();
    const kept = a.step;
    // Batch losses are noisy, so the kept step may lie before the blow-up's start.
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(40 + taken);
    // A twin run taken to the kept step directly, with the same rates.
    const b = new TrainingRun(CONFIG);
    b.setTrainingOptions(OPTIONS);
    losses(b, Math.min(kept, 40), 0.05);
    if (kept > 40) losses(b, kept - 40, 1e4);
    expect(b.step).toBe(kept);
    expect(a.batching.epochs).toBe(b.batching.epochs);
    expect(Array.from(losses(a, 30, 0.05))).toEqual(Array.from(losses(b, 30, 0.05)));
  });
});

describe('a loaded model', () => {
  it('starts with fresh optimizer state', () => {
    const options: TrainingOptions = { ...DEFAULT_TRAINING_OPTIONS, optimizer: 'momentum' };
    const trained = new TrainingRun(CONFIG);
    trained.setTrainingOptions(options);
    losses(trained, 30, 0.002);
    const params = new Float32Array(trained.paramLength());
    trained.snapshotParams(params);
    // Loading into the trained run and into a fresh one gives the same next steps.
    expect(trained.load(params, 30)).toBe(true);
    const fresh = new TrainingRun(CONFIG);
    fresh.setTrainingOptions(options);
    expect(fresh.load(params, 30)).toBe(true);
    expect(Array.from(losses(trained, 10, 0.002))).toEqual(Array.from(losses(fresh, 10, 0.002)));
  });
});
