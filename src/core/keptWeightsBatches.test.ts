/**
 * The kept weights and divergence under mini-batches (see keptWeights.ts): epochs are judged
 * on their mean batch loss, and the yardstick for "exploded" is the first epoch's mean, so a
 * lucky batch neither pins the kept weights far back nor makes a normal loss look exploded.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { TrainingRun } from './run';
import type { OptimizerName, TrainingOptions } from './trainingOptions';

const { learningRate: _l, speed: _s, testShare: _t, ...MODEL } = DEFAULT_CONFIG;
const N = 30;
/** At every epoch's end the kept weights are from the start of one of the last this many epochs. */
const RECENT_EPOCHS = 8;
/** A rewound run's full-batch loss is at most this much above the best seen at an epoch's end. */
const REWIND_ABOVE_BEST = 1.1;

/** A rate each optimizer trains steadily with (mean reduction). */
const RATES: [OptimizerName, number][] = [
  ['sgd', 0.03],
  ['momentum', 0.01],
  ['adam', 0.01],
];

function miniBatchRun(seed: number, batchSize: number, optimizer: OptimizerName): TrainingRun {
  const run = new TrainingRun({ ...MODEL, seed, points: N, layers: [8] });
  const options: TrainingOptions = {
    batchSize,
    reduction: 'mean',
    optimizer,
    momentum: 0.9,
    l1: 0,
    l2: 0,
  };
  run.setTrainingOptions(options);
  return run;
}

describe('mini-batch runs that train normally', () => {
  const cases = [1, 4].flatMap((b) =>
    RATES.flatMap(([optimizer, lr]) => [0, 1, 2].map((seed) => [b, optimizer, lr, seed] as const)),
  );
  it.each(cases)(
    'B=%i %s at %f, seed %i: never diverged, the kept weights recent',
    (batchSize, optimizer, lr, seed) => {
      const run = miniBatchRun(seed, batchSize, optimizer);
      const perEpoch = Math.ceil(N / batchSize);
      const losses = new Float32Array(perEpoch);
      let oldest = 0;
      for (let epoch = 0; epoch < 100; epoch++) {
        expect(run.train(perEpoch, lr, losses, 0)).toBe(perEpoch);
        oldest = Math.max(oldest, (run.step - run.checkpointStep) / perEpoch);
      }
      expect(run.divergedAt).toBeNull();
      expect(oldest).toBeLessThanOrEqual(RECENT_EPOCHS);
      // It did learn: the full-batch loss is well below the first batch losses' level.
      expect(run.currentLoss()).toBeLessThan(0.2);
    },
  );

  it('a first batch loss near zero (B=1 on a point the initial curve nearly fits) does not make a normal loss "exploded"', () => {
    // Seed 375: the first point's loss is 9.3e-7, later single-point losses reach 1.06.
    const run = miniBatchRun(375, 1, 'sgd');
    const losses = new Float32Array(300);
    expect(run.train(300, 0.03, losses, 0)).toBe(300);
    expect(losses[0]!).toBeLessThan(1e-6);
    expect(Math.max(...losses)).toBeGreaterThan(1);
    expect(run.divergedAt).toBeNull();
  });
});

describe('a too-high rate under mini-batches', () => {
  it.each([1, 4].flatMap((b) => [0, 1, 2].map((seed) => [b, seed] as const)))(
    'B=%i, seed %i: caught within an epoch and rewound to weights from just before, near the best loss',
    (batchSize, seed) => {
      const run = miniBatchRun(seed, batchSize, 'sgd');
      const perEpoch = Math.ceil(N / batchSize);
      const losses = new Float32Array(perEpoch);
      let best = Infinity;
      for (let epoch = 0; epoch < 50; epoch++) {
        run.train(perEpoch, 0.03, losses, 0);
        best = Math.min(best, run.currentLoss());
      }
      const switched = run.step;
      // A hundred times the rate: the loss grows several-fold a step.
      const taken = run.train(perEpoch, 3, losses, 0);
      expect(run.divergedAt).toBe(switched + taken);
      expect(run.checkpointStep).toBeLessThanOrEqual(switched);
      expect(run.checkpointStep).toBeGreaterThanOrEqual(switched - 2 * perEpoch);
      // The weights on hand are the kept ones: finite, and their loss near the best seen.
      const loss = run.currentLoss();
      expect(Number.isFinite(loss)).toBe(true);
      expect(loss).toBeLessThanOrEqual(REWIND_ABOVE_BEST * best);
      // Rewound, it trains on at the good rate without diverging.
      run.rewind();
      expect(run.step).toBe(run.checkpointStep);
      run.train(10 * perEpoch, 0.03, new Float32Array(10 * perEpoch), 0);
      expect(run.divergedAt).toBeNull();
    },
  );

  it.each([1, 4])(
    'B=%i from the first step: caught, and back at the initial weights',
    (batchSize) => {
      const run = miniBatchRun(0, batchSize, 'sgd');
      const initial = run.currentLoss();
      const losses = new Float32Array(300);
      const taken = run.train(300, 3, losses, 0);
      expect(taken).toBeLessThan(300);
      expect(run.divergedAt).toBe(taken);
      expect(run.checkpointStep).toBe(0);
      expect(run.currentLoss()).toBe(initial);
    },
  );
});
