import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { INITS } from './init';
import { DEFAULT_CONFIG, NUMERIC_SPECS } from './config';
import { TrainingRun } from './run';
import {
  expectedGradientSquare,
  learningRateRisky,
  rescueLearningRate,
  suggestedLearningRate,
} from './stability';

const { learningRate: _l, speed: _s, testShare: _t, ...MODEL } = DEFAULT_CONFIG;
/** The tutorial's network shape with H hidden units, as the advice takes it. */
const shape = (hidden: number) => ({ ...MODEL, layers: [hidden] });

describe('learning rate and the summed gradient', () => {
  it("the tutorial's own settings are not flagged, and the suggestion there is below its rate", () => {
    expect(learningRateRisky(0.01, 30, shape(10))).toBe(false);
    expect(suggestedLearningRate(30, shape(10))).toBe(0.002);
  });

  it('flags the tutorial rate at H = 1024 and suggests a rate that trains', () => {
    expect(learningRateRisky(0.01, 30, shape(1024))).toBe(true);
    const lr = suggestedLearningRate(30, shape(1024));
    expect(lr).toBe(5e-5);
    // Independent evidence: at the flagged rate tanh diverges and relu's loss spikes over 100x
    // (killing units); at the suggested rate both fall steadily from the first loss.
    const blown = new TrainingRun({ ...MODEL, layers: [1024], activation: 'tanh' });
    blown.train(500, 0.01, new Float32Array(500), 0);
    expect(blown.divergedAt).not.toBeNull();
    const spiky = new TrainingRun({ ...MODEL, layers: [1024] });
    const spikes = new Float32Array(500);
    spiky.train(500, 0.01, spikes, 0);
    expect(Math.max(...spikes)).toBeGreaterThan(100 * spikes[0]!);
    for (const activation of ['relu', 'tanh'] as const) {
      const calm = new TrainingRun({ ...MODEL, layers: [1024], activation });
      const losses = new Float32Array(2000);
      calm.train(2000, lr, losses, 0);
      expect(calm.divergedAt).toBeNull();
      expect(Math.max(...losses)).toBe(losses[0]);
      expect(losses[1999]!).toBeLessThan(losses[0]! * 0.6);
    }
  });

  it('at H = 1 the output bias alone caps the rate at 1/N: the advice flags rates past it', () => {
    // Summed over N points, the output bias's curvature is 2N: plain SGD diverges above 1/N.
    for (const points of [2, 30, 5000]) {
      expect(learningRateRisky(1 / points, points, shape(1))).toBe(true);
      expect(suggestedLearningRate(points, shape(1))).toBeLessThan(0.5 / points);
    }
  });

  it('the suggested rate trains without diverging, for any N, H and activation (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 400 }),
        fc.integer({ min: 1, max: 96 }),
        fc.constantFrom(...ACTIVATIONS),
        fc.constantFrom('quadratic', 'step', 'sine', 'linear'),
        fc.integer({ min: 0, max: 1000 }),
        (points, hidden, activation, dataset, seed) => {
          const run = new TrainingRun({
            ...MODEL,
            dataset,
            points,
            layers: [hidden],
            activation,
            seed,
          });
          run.train(600, suggestedLearningRate(points, shape(hidden)), new Float32Array(600), 0);
          expect(run.divergedAt).toBeNull();
        },
      ),
      { seed: 17, numRuns: 80 },
    );
  });

  it('the rescue rate is one the advice calls safe, and lower than the rate that diverged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: NUMERIC_SPECS.points.max }),
        fc.integer({ min: 1, max: NUMERIC_SPECS.hidden.max }),
        fc.double({ min: 1e-9, max: NUMERIC_SPECS.learningRate.max, noNaN: true }),
        (points, hidden, lr) => {
          const rescue = rescueLearningRate(lr, points, shape(hidden));
          expect(rescue).toBeGreaterThan(0);
          expect(rescue).toBeLessThanOrEqual((lr / 10) * (1 + 1e-5));
          expect(learningRateRisky(rescue, points, shape(hidden))).toBe(false);
          expect(rescue).toBeLessThanOrEqual(suggestedLearningRate(points, shape(hidden)));
        },
      ),
      { seed: 17, numRuns: 2000 },
    );
  });

  it('5,000 points at the default rate: one rescue from the kept weights trains on', () => {
    const run = new TrainingRun({ ...MODEL, points: 5000, layers: [1024] });
    run.train(50, 0.01, new Float32Array(50), 0);
    expect(run.divergedAt).not.toBeNull();
    run.rewind();
    const lr = rescueLearningRate(0.01, 5000, shape(1024));
    const losses = new Float32Array(100);
    run.train(100, lr, losses, 0);
    expect(run.divergedAt).toBeNull();
    expect(losses[99]!).toBeLessThan(losses[0]!);
  });

  it("the tutorial's initialisation at depth 1 keeps the one-layer rule, for every activation", () => {
    // The one-layer rule takes no activation: each one's answer is relu's, pinned above.
    for (const activation of ACTIVATIONS)
      for (const hidden of [1, 10, 96, 1024])
        for (const points of [2, 30, 5000])
          expect(suggestedLearningRate(points, { ...shape(hidden), activation })).toBe(
            suggestedLearningRate(points, shape(hidden)),
          );
    expect(suggestedLearningRate(30, { ...shape(10), activation: 'softplus' })).toBe(0.002);
  });

  it('a deep linear He network: the first layer alone called a diverging rate safe', () => {
    // He's scale doubles a linear signal at every layer: K grows past the unit count.
    const model = { ...MODEL, layers: [16, 24], activation: 'none', init: 'he' } as const;
    expect(expectedGradientSquare(model)).toBeGreaterThan(16 + 24);
    const oneLayerRate = suggestedLearningRate(30, shape(16));
    const blown = new TrainingRun({ ...model, points: 30, seed: 0 });
    blown.train(600, oneLayerRate, new Float32Array(600), 0);
    expect(blown.divergedAt).not.toBeNull();
    expect(learningRateRisky(oneLayerRate, 30, model)).toBe(true);
    const calm = new TrainingRun({ ...model, points: 30, seed: 0 });
    calm.train(600, suggestedLearningRate(30, model), new Float32Array(600), 0);
    expect(calm.divergedAt).toBeNull();
  });

  it('the suggested rate trains without diverging at depths 1 to 4, any init (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 64 }),
        fc.array(fc.integer({ min: 1, max: 96 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...ACTIVATIONS),
        fc.constantFrom(...INITS),
        fc.constantFrom('quadratic', 'step', 'sine', 'linear'),
        fc.integer({ min: 0, max: 1000 }),
        (points, layers, activation, init, dataset, seed) => {
          const model = { ...MODEL, layers, activation, init };
          const run = new TrainingRun({ ...model, dataset, points, seed });
          run.train(600, suggestedLearningRate(points, model), new Float32Array(600), 0);
          expect(run.divergedAt).toBeNull();
        },
      ),
      // The first example is one layer of one He unit on two points: the one-layer rule's
      // rate diverged there (He's first-layer weights have scale sqrt(2)).
      { seed: 19, numRuns: 30, examples: [[2, [1], 'none', 'he', 'quadratic', 0]] },
    );
    // Up to four layers of 96 units for 600 steps each, on the TS engine: seconds, not ms.
  }, 120_000);

  it('at depth too the rescue rate is one the advice calls safe', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: NUMERIC_SPECS.points.max }),
        fc.array(fc.integer({ min: 1, max: NUMERIC_SPECS.hidden.max }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom(...ACTIVATIONS),
        fc.constantFrom(...INITS),
        fc.double({ min: 1e-9, max: NUMERIC_SPECS.learningRate.max, noNaN: true }),
        (points, layers, activation, init, lr) => {
          const model = { ...MODEL, layers, activation, init };
          const rescue = rescueLearningRate(lr, points, model);
          expect(rescue).toBeGreaterThan(0);
          expect(learningRateRisky(rescue, points, model)).toBe(false);
          expect(rescue).toBeLessThanOrEqual(suggestedLearningRate(points, model));
        },
      ),
      { seed: 17, numRuns: 1000 },
    );
  });
});
