/**
 * Which weights a diverged run keeps (see RISE_TOLERANCE in keptWeights.ts): those of the last
 * step whose loss did not climb, so from before the blow-up began, never the blown-up ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { DEFAULT_CONFIG } from './config';
import { RISE_TOLERANCE } from './keptWeights';
import { TrainingRun } from './run';
import { suggestedLearningRate } from './stability';

const { learningRate: _l, speed: _s, testShare: _t, ...MODEL } = DEFAULT_CONFIG;

const maxAbs = (values: Float32Array) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

function params(run: TrainingRun): Float32Array {
  const out = new Float32Array(run.paramLength());
  run.snapshotParams(out);
  return out;
}

describe('the weights a diverged run keeps', () => {
  it('a loss that climbs for several steps: the kept weights are from before the climb', () => {
    // Train well first, then at 5x a rate the loss grows about 4x a step for ten steps.
    const run = new TrainingRun(MODEL);
    const losses = new Float32Array(400);
    run.train(200, 0.01, losses, 0);
    const good = params(run);
    const taken = run.train(200, 0.05, losses, 200);
    expect(run.divergedAt).toBe(200 + taken);
    // It climbed for several steps before it was declared diverged.
    expect(taken).toBeGreaterThan(4);
    expect(losses[200 + taken - 2]!).toBeGreaterThan(1000 * losses[200]!);
    expect(run.checkpointStep).toBe(200);
    expect(params(run)).toEqual(good);
    expect(run.currentLoss()).toBeCloseTo(losses[200]!, 6);
  });

  it("5,000 points and 1,024 units at the default rate keep the initial weights, not the blown-up step's", () => {
    const initial = params(new TrainingRun({ ...MODEL, points: 5000, layers: [1024] }));
    const run = new TrainingRun({ ...MODEL, points: 5000, layers: [1024] });
    const losses = new Float32Array(20);
    // One step at a time, as the page's worker trains between frames.
    for (let k = 0; k < 20 && run.divergedAt === null; k++) run.train(1, 0.01, losses, k);
    expect(run.divergedAt).not.toBeNull();
    expect(run.checkpointStep).toBe(0);
    expect(params(run)).toEqual(initial);
    expect(maxAbs(params(run))).toBeLessThan(1);
  });

  it('a loss that spikes once and comes back is not divergence, and the kept weights move on', () => {
    // The tutorial rate at H = 1024 with relu: the loss jumps over 1000x, then falls back below its start.
    const run = new TrainingRun({ ...MODEL, layers: [1024] });
    const losses = new Float32Array(60);
    run.train(60, 0.01, losses, 0);
    expect(Math.max(...losses)).toBeGreaterThan(1000 * losses[0]!);
    expect(run.divergedAt).toBeNull();
    expect(run.checkpointStep).toBeGreaterThan(50);
  });

  it('rewind goes back to the kept weights and their step; training on from there is deterministic', () => {
    const run = new TrainingRun(MODEL);
    const losses = new Float32Array(100);
    run.train(30, 0.01, losses, 0);
    run.train(70, 0.2, losses, 30);
    expect(run.divergedAt).not.toBeNull();
    const kept = run.checkpointStep;
    run.rewind();
    expect(run.step).toBe(kept);
    const again = new Float32Array(5);
    run.train(5, 0.01, again, 0);
    const direct = new TrainingRun(MODEL);
    const reference = new Float32Array(kept + 5);
    direct.train(30, 0.01, reference, 0);
    direct.train(kept - 30, 0.2, reference, 30);
    direct.train(5, 0.01, reference, kept);
    expect(Array.from(again)).toEqual(Array.from(reference.subarray(kept, kept + 5)));
  });

  it('for any size, activation and rate that diverges: every loss after the kept step climbed past it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(...ACTIVATIONS),
        fc.double({ min: 3, max: 3000, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (points, hidden, activation, factor, seed) => {
          const run = new TrainingRun({ ...MODEL, points, layers: [hidden], activation, seed });
          const losses = new Float32Array(400);
          const taken = run.train(
            400,
            factor *
              suggestedLearningRate(points, { layers: [hidden], activation, init: 'tutorial' }),
            losses,
            0,
          );
          if (run.divergedAt === null) return;
          const kept = run.checkpointStep;
          const keptLoss = losses[kept]!;
          expect(Number.isFinite(keptLoss)).toBe(true);
          for (let j = kept + 1; j < taken; j++) {
            const climbed = !(losses[j]! <= keptLoss * (1 + RISE_TOLERANCE));
            expect(climbed).toBe(true);
          }
          // The weights on hand are exactly the kept step's.
          expect(run.currentLoss()).toBeCloseTo(keptLoss, 5);
          expect(Number.isFinite(maxAbs(params(run)))).toBe(true);
        },
      ),
      { seed: 17, numRuns: 120 },
    );
  });
});
