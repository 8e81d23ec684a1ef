/**
 * The lessons on how a network learns do what their captions say, on seeds 0 to 9 (a preset
 * keeps the learner's seed). Each run is built as the page builds it: the generated points
 * with the preset's seeded test split, then the preset's training options. The captions'
 * words map to these checks:
 * - overfitting: the step of the best test loss is within the first few hundred
 *   (BEST_BY); the final test loss is at least TURNS_UP times that best ("a fifth or
 *   more above"); the training loss at the end is under TRAIN_FALLS times its value at that
 *   step ("keeps falling toward zero");
 * - with L2: the final test loss is within NEAR_BEST of its best ("within a fifth") and
 *   below the unregularised run's final test loss; the training loss ends above the
 *   unregularised run's ("stays higher");
 * - mini-batches: over the last BATCH_WINDOW steps the batch losses' largest is at least
 *   BATCH_SPREAD times their smallest; no step raises the full-set loss by more than
 *   WOBBLE; at the stop the full-set loss is above what full-batch steps reach;
 * - Adam against plain gradient descent: plain descent's rate is the advice's suggestion,
 *   its first step's layer-1 gradient HUNDREDS of times smaller than the output's, and its
 *   fit at the stop a flat line at the data's mean (its loss within FLAT_RTOL of the mean's); Adam's
 *   final loss at least ADAM_GAIN times lower, and at most AT_NOISE times the noise (what
 *   x² itself scores on these points).
 */
import { describe, expect, it } from 'vitest';
import { lossBaselines, mse } from './baselines';
import { buildDataset } from './buildModel';
import { targetFunction } from './dataset';
import { PRESETS, type PresetId } from './presets';
import { TrainingRun } from './run';
import { testMask } from './split';
import { learningRateRisky, suggestedLearningRate } from './stability';
import { trainingOptionsOf } from './trainingOptions';

const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** Per test, ms: two runs of a few thousand steps per seed outlast Vitest's default 5 s on a busy machine. */
const LONG = 60_000;
const BEST_BY = 1000;
/**
 * "A fifth or more": the overfitting phase chases noise along directions the rounding picks
 * (the dense kernels' final test loss on seed 8 is 1.24 times its best, the TS engine's 1.32,
 * from training losses 0.06% apart), so the caption claims what both engines show.
 */
const TURNS_UP = 1.2;
const TRAIN_FALLS = 0.5;
const NEAR_BEST = 1.2;
const BATCH_WINDOW = 100;
const BATCH_SPREAD = 10;
const WOBBLE = 1.05;
const HUNDREDS = 100;
const FLAT_RTOL = 0.01;
const ADAM_GAIN = 2;
const AT_NOISE = 1.1;

interface Trace {
  run: TrainingRun;
  /** Full training-set loss before each step, and after the last. */
  train: Float64Array;
  /** Test loss at the same moments (empty without a test share). */
  test: Float64Array;
  /** The loss each step recorded (its batch's). */
  batch: Float32Array;
}

/** The preset's run on one seed, step by step, as the page builds it. */
function traced(id: PresetId, seed: number, patch: { l2?: number } = {}): Trace {
  const { settings, steps } = PRESETS[id];
  const config = { ...settings, ...patch, seed };
  const share = settings.testShare ?? 0;
  const { x, y } = buildDataset(config);
  const data = share > 0 ? { x, y, test: testMask(x.length, share, seed) } : undefined;
  const run = new TrainingRun(config, undefined, {}, data);
  run.setTrainingOptions(trainingOptionsOf(config));
  const train = new Float64Array(steps + 1);
  const test = new Float64Array(share > 0 ? steps + 1 : 0);
  const batch = new Float32Array(steps);
  // With the full batch a step's recorded loss is the training set's before it: no second pass.
  const fullBatch = config.batchSize === null;
  for (let k = 0; k < steps; k++) {
    if (test.length) test[k] = run.testLoss()!;
    if (!fullBatch) train[k] = run.currentLoss();
    run.train(1, config.learningRate, batch, k);
    if (fullBatch) train[k] = batch[k]!;
  }
  train[steps] = run.currentLoss();
  if (test.length) test[steps] = run.testLoss()!;
  expect(run.step).toBe(steps);
  return { run, train, test, batch };
}

const argmin = (a: Float64Array) => a.reduce((best, v, k) => (v < a[best]! ? k : best), 0);

/** The points a preset's steps train on: its points less the held-out share. */
function trainedPoints(id: PresetId): number {
  const { points, testShare = 0 } = PRESETS[id].settings;
  return points - testMask(points, testShare, 0).reduce((n, v) => n + v, 0);
}

describe('overfitting and L2', () => {
  it.each(SEEDS)(
    'seed %i: the test loss turns up while the training loss falls; with L2 it does not',
    (seed) => {
      const plain = traced('overfit', seed);
      const steps = PRESETS.overfit.steps;
      const best = argmin(plain.test);
      expect(best).toBeLessThan(BEST_BY);
      expect(plain.test[steps]!).toBeGreaterThan(TURNS_UP * plain.test[best]!);
      expect(plain.train[steps]!).toBeLessThan(TRAIN_FALLS * plain.train[best]!);

      const l2 = traced('overfit-l2', seed);
      const l2Best = argmin(l2.test);
      expect(l2.test[steps]!).toBeLessThan(NEAR_BEST * l2.test[l2Best]!);
      expect(l2.test[steps]!).toBeLessThan(plain.test[steps]!);
      expect(l2.train[steps]!).toBeGreaterThan(plain.train[steps]!);
      expect(l2.run.divergedAt).toBeNull();
    },
    LONG,
  );

  it('the two differ only in L2, on thirty points trained and thirty held out', () => {
    expect({ ...PRESETS.overfit.settings, l2: 0.3 }).toEqual(PRESETS['overfit-l2'].settings);
    expect(PRESETS['overfit-l2'].steps).toBe(PRESETS.overfit.steps);
    expect(trainedPoints('overfit')).toBe(30);
  });
});

describe('mini-batch noise', () => {
  it.each(SEEDS)('seed %i: the batch loss jumps, the full-set loss barely wobbles', (seed) => {
    const { steps } = PRESETS['minibatch-noise'];
    const { run, train, batch } = traced('minibatch-noise', seed);
    expect(run.batching.stepsPerEpoch).toBe(8);
    const last = batch.subarray(steps - BATCH_WINDOW);
    expect(Math.max(...last)).toBeGreaterThan(BATCH_SPREAD * Math.min(...last));
    for (let k = 1; k <= steps; k++) expect(train[k]!).toBeLessThan(WOBBLE * train[k - 1]!);
    const full = new TrainingRun({ ...PRESETS['minibatch-noise'].settings, seed });
    full.train(steps, PRESETS['minibatch-noise'].settings.learningRate, new Float32Array(steps), 0);
    expect(train[steps]!).toBeGreaterThan(full.currentLoss());
  });
});

describe('Adam against plain gradient descent at depth 4', () => {
  it.each(SEEDS)(
    'seed %i: plain descent stays a flat line, Adam bends to the noise',
    (seed) => {
      const sgd = traced('deep-sgd', seed);
      const adam = traced('deep-adam', seed);
      const { x, y } = sgd.run.data;
      const mean = y.reduce((s, v) => s + v, 0) / y.length;
      const flat = mse(x, y, () => mean);
      const floor = lossBaselines(x, y, targetFunction(PRESETS['deep-sgd'].settings)).noiseFloor;
      const steps = PRESETS['deep-sgd'].steps;
      expect(Math.abs(sgd.train[steps]! / flat - 1)).toBeLessThan(FLAT_RTOL);
      expect(adam.train[steps]!).toBeLessThan(sgd.train[steps]! / ADAM_GAIN);
      expect(adam.train[steps]!).toBeLessThan(AT_NOISE * floor);
      expect(adam.run.divergedAt).toBeNull();
    },
    LONG,
  );

  it.each(SEEDS)(
    'seed %i: at the first step layer 1’s gradient is hundreds of times smaller than the output’s',
    (seed) => {
      const run = new TrainingRun({ ...PRESETS['deep-sgd'].settings, seed });
      run.train(1, PRESETS['deep-sgd'].settings.learningRate, new Float32Array(1), 0);
      const norms = run.gradients.map((g) => Math.hypot(...Array.from(g.w)));
      expect(norms.at(-1)! / norms[0]!).toBeGreaterThan(HUNDREDS);
    },
  );

  it('same network and data; plain descent at the advice’s suggestion, both rates accepted', () => {
    const sgd = PRESETS['deep-sgd'].settings;
    const adam = PRESETS['deep-adam'].settings;
    expect({ ...sgd, optimizer: 'adam', learningRate: adam.learningRate }).toEqual(adam);
    expect(sgd.learningRate).toBe(suggestedLearningRate(sgd.points, sgd));
    expect(learningRateRisky(adam.learningRate, adam.points, adam)).toBe(false);
  });
});

describe('the lessons’ rates', () => {
  // The page's advice counts the points a step trains on (the held-out ones add nothing).
  it.each(['overfit', 'overfit-l2', 'minibatch-noise'] as const)('%s: not called risky', (id) => {
    const { settings } = PRESETS[id];
    expect(learningRateRisky(settings.learningRate, trainedPoints(id), settings)).toBe(false);
  });
});
