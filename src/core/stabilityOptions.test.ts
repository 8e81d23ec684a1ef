/**
 * The learning-rate advice under the training options (issue #20): each rule pinned where
 * it is plain arithmetic, and, as independent evidence, runs at the suggested rate that do
 * not diverge and do lower the training loss, for every optimizer, reduction and batch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { DEFAULT_CONFIG, NUMERIC_SPECS } from './config';
import { INITS } from './init';
import { TrainingRun } from './run';
import {
  learningRateRisky,
  momentumPileUp,
  rescueLearningRate,
  suggestedLearningRate,
  type AdviceShape,
} from './stability';
import {
  DEFAULT_TRAINING_OPTIONS,
  OPTIMIZERS,
  REDUCTIONS,
  TRAINING_NUMERIC_SPECS,
  type TrainingOptions,
} from './trainingOptions';

const { learningRate: _l, speed: _s, testShare: _t, ...CONFIG } = DEFAULT_CONFIG;
/** The tutorial's network with H hidden units and these options. */
const tutorial = (hidden: number, options: Partial<TrainingOptions> = {}): AdviceShape => ({
  ...CONFIG,
  layers: [hidden],
  ...options,
});

describe('the advice under the training options', () => {
  it('pins each rule on the tutorial network (30 points, 10 units)', () => {
    // sum, full batch: 3 / (30 * 22), the rule before options.
    expect(suggestedLearningRate(30, tutorial(10))).toBe(0.002);
    // mean: one point's worth, 3 / 22.
    expect(suggestedLearningRate(30, tutorial(10, { reduction: 'mean' }))).toBe(0.1);
    // sum over a batch of 4, halved for a mini-batch: 3 / (2 * 4 * 22).
    expect(suggestedLearningRate(30, tutorial(10, { batchSize: 4 }))).toBe(0.01);
    // momentum 0.9 carries a step 10 times as far: 3 / (660 * 10).
    expect(suggestedLearningRate(30, tutorial(10, { optimizer: 'momentum' }))).toBe(0.0002);
    expect(suggestedLearningRate(30, tutorial(10, { optimizer: 'adam' }))).toBe(0.01);
    expect(suggestedLearningRate(30, tutorial(10, { optimizer: 'rmsprop' }))).toBe(0.001);
    // A batch above N is the full batch.
    expect(suggestedLearningRate(30, tutorial(10, { batchSize: 50 }))).toBe(0.002);
  });

  it('under mean the safe rate does not depend on N; under sum over a batch, not on N either', () => {
    for (const hidden of [1, 10, 256])
      for (const points of [2, 30, 5000]) {
        const mean = tutorial(hidden, { reduction: 'mean' });
        expect(suggestedLearningRate(points, mean)).toBe(suggestedLearningRate(2, mean));
        const batch = tutorial(hidden, { batchSize: 2 });
        expect(suggestedLearningRate(points + 1, batch)).toBe(suggestedLearningRate(3, batch));
      }
    // Summed over the full batch it shrinks as N grows.
    expect(suggestedLearningRate(5000, tutorial(10))).toBeLessThan(
      suggestedLearningRate(30, tutorial(10)),
    );
  });

  it('RMSprop and Adam: one rate per weight, whatever N, batch, reduction or network', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: NUMERIC_SPECS.points.max }),
        fc.array(fc.integer({ min: 1, max: NUMERIC_SPECS.hidden.max }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom(...INITS),
        fc.constantFrom(...REDUCTIONS),
        fc.option(fc.integer({ min: 1, max: TRAINING_NUMERIC_SPECS.batchSize.max })),
        (points, layers, init, reduction, batchSize) => {
          const base = { ...CONFIG, layers, init, reduction, batchSize };
          expect(suggestedLearningRate(points, { ...base, optimizer: 'adam' })).toBe(0.01);
          expect(suggestedLearningRate(points, { ...base, optimizer: 'rmsprop' })).toBe(0.001);
          // Warned once the first step per weight passes 0.1 (RMSprop's is 10 lr).
          expect(learningRateRisky(0.1, points, { ...base, optimizer: 'adam' })).toBe(false);
          expect(learningRateRisky(0.11, points, { ...base, optimizer: 'adam' })).toBe(true);
          expect(learningRateRisky(0.01, points, { ...base, optimizer: 'rmsprop' })).toBe(false);
          expect(learningRateRisky(0.011, points, { ...base, optimizer: 'rmsprop' })).toBe(true);
        },
      ),
      { seed: 20, numRuns: 300 },
    );
  });

  it('momentum: the effective step lr / (1 - m) of its suggestion is one plain SGD calls safe', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: NUMERIC_SPECS.points.max }),
        fc.integer({ min: 1, max: NUMERIC_SPECS.hidden.max }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 64 })),
        (points, hidden, momentum, batchSize) => {
          const plain = tutorial(hidden, { batchSize });
          const withMomentum = { ...plain, optimizer: 'momentum' as const, momentum };
          const lr = suggestedLearningRate(points, withMomentum);
          expect(learningRateRisky(lr, points, withMomentum)).toBe(false);
          expect(learningRateRisky(lr * momentumPileUp(withMomentum), points, plain)).toBe(false);
          expect(lr).toBeLessThanOrEqual(suggestedLearningRate(points, plain));
        },
      ),
      { seed: 20, numRuns: 500 },
    );
  });

  it('heavy-ball’s quadratic bound 2(1 + m)/L does not hold here: the rate it allows diverges', () => {
    // One He unit, linear, two points: a large first error, and the curvature grows as the
    // piled-up steps move the weights. Plain SGD at its suggestion trains; momentum 0.9 at
    // (1 + m) times it blows up, and at the advice's rate trains.
    const net = { ...CONFIG, points: 2, layers: [1], activation: 'none', init: 'he' } as const;
    const plainRate = suggestedLearningRate(2, net);
    const options = { ...DEFAULT_TRAINING_OPTIONS, optimizer: 'momentum' as const };
    const quadratic = new TrainingRun(net);
    quadratic.setTrainingOptions(options);
    quadratic.train(300, plainRate * 1.9, new Float32Array(300), 0);
    expect(quadratic.divergedAt).not.toBeNull();
    const advised = new TrainingRun(net);
    advised.setTrainingOptions(options);
    const start = advised.currentLoss();
    advised.train(300, suggestedLearningRate(2, { ...net, ...options }), new Float32Array(300), 0);
    expect(advised.divergedAt).toBeNull();
    expect(advised.currentLoss()).toBeLessThan(start / 100);
  });

  it('L2 adds its curvature: the suggestion keeps lr * l2 <= 1 (plain descent on it alone diverges past 2)', () => {
    for (const l2 of [0.1, 1, 10])
      for (const reduction of REDUCTIONS) {
        const lr = suggestedLearningRate(30, tutorial(10, { l2, reduction }));
        expect(lr * l2).toBeLessThanOrEqual(1);
      }
    expect(suggestedLearningRate(30, tutorial(10, { reduction: 'mean', l2: 10 }))).toBe(0.05);
  });

  it('the rescue rate is one the advice calls safe, for every optimizer and batch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: NUMERIC_SPECS.points.max }),
        fc.integer({ min: 1, max: NUMERIC_SPECS.hidden.max }),
        fc.constantFrom(...OPTIMIZERS),
        fc.constantFrom(...REDUCTIONS),
        fc.option(fc.integer({ min: 1, max: 100 })),
        fc.double({ min: 1e-9, max: NUMERIC_SPECS.learningRate.max, noNaN: true }),
        (points, hidden, optimizer, reduction, batchSize, lr) => {
          const shape = tutorial(hidden, { optimizer, reduction, batchSize });
          const rescue = rescueLearningRate(lr, points, shape);
          expect(rescue).toBeGreaterThan(0);
          expect(learningRateRisky(rescue, points, shape)).toBe(false);
          expect(rescue).toBeLessThanOrEqual(suggestedLearningRate(points, shape));
        },
      ),
      { seed: 20, numRuns: 1000 },
    );
  });

  it('at the suggested rate a run does not diverge and its training loss falls, for every optimizer, reduction and batch (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 64 }),
        fc.array(fc.integer({ min: 1, max: 32 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...ACTIVATIONS),
        fc.constantFrom(...INITS),
        fc.constantFrom('quadratic', 'step', 'sine', 'linear'),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(...OPTIMIZERS),
        fc.constantFrom(...REDUCTIONS),
        fc.option(fc.integer({ min: 1, max: 70 }), { freq: 2 }),
        (points, layers, activation, init, dataset, seed, optimizer, reduction, batchSize) => {
          const options = { ...DEFAULT_TRAINING_OPTIONS, optimizer, reduction, batchSize };
          const model = { ...CONFIG, layers, activation, init, dataset, points, seed };
          const run = new TrainingRun(model);
          run.setTrainingOptions(options);
          const start = run.currentLoss();
          const lr = suggestedLearningRate(points, { ...model, ...options });
          run.train(400, lr, new Float32Array(400), 0);
          expect(run.divergedAt).toBeNull();
          expect(run.currentLoss()).toBeLessThan(start);
        },
      ),
      // The first examples are the one He unit on two points (a large first error) under
      // momentum, and one point a batch: the rates before this rule diverged there.
      {
        seed: 20,
        numRuns: 120,
        examples: [
          [2, [1], 'none', 'he', 'quadratic', 0, 'momentum', 'sum', null],
          [2, [1], 'none', 'he', 'quadratic', 0, 'sgd', 'sum', 1],
          [2, [1], 'none', 'he', 'quadratic', 0, 'sgd', 'mean', 1],
        ],
      },
    );
  }, 120_000);
});
