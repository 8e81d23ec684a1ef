/**
 * The deeper presets do what their captions say, on seeds 0 to 9 (a preset keeps the
 * learner's seed, so a caption must hold for more than one). The captions' words map to
 * these checks:
 * - "the loss comes down to the noise": the loss after the preset's steps is at most
 *   NOISE_MARGIN times what the true x² scores on the same points;
 * - "near the noise": at most NEAR_NOISE times what x² scores;
 * - "a flat line": the loss stays within FLAT_RTOL of the best constant's (the data's mean);
 * - "hundreds to thousands of times": a ratio above 100 on every seed, above 1000 on some;
 * - "shrinks the signal" / "keeps its size": the spread over the data of each hidden
 *   layer's activations, layer by layer;
 * - "a rate the learning-rate advice calls safe": learningRateRisky says no (presets.test.ts
 *   checks it for every preset);
 * - "at 0.01 some seeds blow up": at least one of the ten diverges at 0.01;
 * - "the loss falls without a jump": on every seed no step's loss is above the one before.
 */
import { describe, expect, it } from 'vitest';
import { lossBaselines, mse } from './baselines';
import { targetFunction } from './dataset';
import { createWorkspace, forward } from './network';
import { PRESETS, type PresetId } from './presets';
import { TrainingRun } from './run';
import { learningRateRisky } from './stability';

const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** "Down to the noise": within 10% of the true function's own loss on these points. */
const NOISE_MARGIN = 1.1;
/** "Near the noise": within 25% of the true function's own loss. */
const NEAR_NOISE = 1.25;
/** "A flat line at the mean": within 1% of the loss of the data's mean. */
const FLAT_RTOL = 0.01;
/** "Hundreds of times". */
const HUNDREDS = 100;
/** "Thousands of times". */
const THOUSANDS = 1000;
/** The tutorial's learning rate, which some deeper presets' seeds cannot take. */
const TUTORIAL_LR = 0.01;
/** By this step the tutorial's draw at depth 4 has found the data's mean ("finds the mean"). */
const MEAN_FOUND_BY = 100;

function runOf(id: PresetId, seed: number, learningRate = PRESETS[id].settings.learningRate) {
  const preset = PRESETS[id];
  const run = new TrainingRun({ ...preset.settings, seed });
  const { x, y } = run.data;
  let mean = 0;
  for (const v of y) mean += v / y.length;
  const flat = mse(x, y, () => mean);
  const floor = lossBaselines(x, y, targetFunction(preset.settings)).noiseFloor;
  const spreads = hiddenSpreads(run);
  const losses = new Float32Array(preset.steps);
  run.train(1, learningRate, losses, 0);
  const gradNorms = run.gradients.map((g) => Math.hypot(...Array.from(g.w)));
  run.train(preset.steps - 1, learningRate, losses, 1);
  return { run, flat, floor, spreads, gradNorms, losses, loss: run.currentLoss() };
}

/** Per hidden layer, the RMS over its units of each unit's standard deviation over the data. */
function hiddenSpreads(run: TrainingRun): number[] {
  const { x } = run.data;
  const n = x.length;
  const ws = createWorkspace(run.net, n);
  forward(run.net, ws, x);
  return run.config.layers.map((width, l) => {
    const a = ws.a[l]!;
    let total = 0;
    for (let u = 0; u < width; u++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += a[i * width + u]! / n;
      for (let i = 0; i < n; i++) total += (a[i * width + u]! - m) ** 2 / n;
    }
    return Math.sqrt(total / width);
  });
}

const diverges = (id: PresetId, learningRate: number) =>
  SEEDS.some((seed) => runOf(id, seed, learningRate).run.divergedAt !== null);

describe('deep-relu: three ReLU layers fit the square', () => {
  it.each(SEEDS)(
    'seed %i: first-layer hinges start at x = 0; 500 steps reach the noise',
    (seed) => {
      const fresh = new TrainingRun({ ...PRESETS['deep-relu'].settings, seed });
      expect(Array.from(fresh.net.layers[0]!.b)).toEqual(new Array(16).fill(0));
      const { run, loss, floor } = runOf('deep-relu', seed);
      expect(run.divergedAt).toBeNull();
      expect(run.step).toBe(500);
      expect(loss).toBeLessThan(NOISE_MARGIN * floor);
    },
  );

  it('a tenth of the tutorial’s rate, which the advice calls safe; at 0.01 some seeds blow up', () => {
    const { settings } = PRESETS['deep-relu'];
    expect(settings.learningRate).toBe(TUTORIAL_LR / 10);
    expect(learningRateRisky(settings.learningRate, settings.points, settings)).toBe(false);
    expect(diverges('deep-relu', TUTORIAL_LR)).toBe(true);
  });
});

describe('depth 4: the tutorial’s initialisation fades, He’s does not', () => {
  it.each(SEEDS)('seed %i: tutorial init, the signal shrinks and the fit stays flat', (seed) => {
    const { spreads, gradNorms, losses, loss, flat, run } = runOf('depth4-tutorial', seed);
    for (let l = 1; l < spreads.length; l++) expect(spreads[l]).toBeLessThan(spreads[l - 1]!);
    expect(gradNorms.at(-1)! / gradNorms[0]!).toBeGreaterThan(HUNDREDS);
    // The mean is found early and the loss stays there to the end.
    for (let k = MEAN_FOUND_BY; k < losses.length; k++)
      expect(Math.abs(losses[k]! - flat) / flat).toBeLessThan(FLAT_RTOL);
    expect(Math.abs(loss - flat) / flat).toBeLessThan(FLAT_RTOL);
    expect(run.step).toBe(1000);
  });

  it('layer 1’s gradient is thousands of times smaller than the output’s on some seeds', () => {
    const ratios = SEEDS.map((seed) => {
      const { gradNorms } = runOf('depth4-tutorial', seed);
      return gradNorms.at(-1)! / gradNorms[0]!;
    });
    expect(ratios.some((r) => r > THOUSANDS)).toBe(true);
  });

  it.each(SEEDS)('seed %i: He init, the signal keeps its size and the fit bends', (seed) => {
    const he = runOf('depth4-he', seed);
    const tutorial = runOf('depth4-tutorial', seed);
    const ratio = he.spreads.at(-1)! / he.spreads[0]!;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    expect(he.gradNorms[0]! / tutorial.gradNorms[0]!).toBeGreaterThan(HUNDREDS);
    expect(he.run.divergedAt).toBeNull();
    expect(he.run.step).toBe(1000);
    expect(he.loss).toBeLessThan(0.5 * he.flat);
    expect(he.loss).toBeLessThan(NEAR_NOISE * he.floor);
    // The loss falls without a jump: no step ends above the one before.
    for (let k = 1; k < he.losses.length; k++)
      expect(he.losses[k]!).toBeLessThanOrEqual(he.losses[k - 1]!);
  });

  it('layer 1’s gradient with He’s draw is thousands of times larger on some seeds', () => {
    const ratios = SEEDS.map(
      (seed) =>
        runOf('depth4-he', seed).gradNorms[0]! / runOf('depth4-tutorial', seed).gradNorms[0]!,
    );
    expect(ratios.some((r) => r > THOUSANDS)).toBe(true);
  });

  it('the two differ only in the initialisation, at a rate the advice calls safe; at 0.01 some He seeds blow up', () => {
    expect({ ...PRESETS['depth4-tutorial'].settings, init: 'he' }).toEqual(
      PRESETS['depth4-he'].settings,
    );
    expect(PRESETS['depth4-he'].steps).toBe(PRESETS['depth4-tutorial'].steps);
    const { settings } = PRESETS['depth4-he'];
    expect(settings.learningRate).toBe(0.0005);
    expect(learningRateRisky(settings.learningRate, settings.points, settings)).toBe(false);
    expect(diverges('depth4-he', TUTORIAL_LR)).toBe(true);
  });
});
