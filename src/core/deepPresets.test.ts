/**
 * The deeper presets do what their captions say, on seeds 0 to 9 (a preset keeps the
 * learner's seed, so a caption must hold for more than one). The captions' words map to
 * these checks:
 * - "the loss comes down to the noise": the loss after the preset's steps is at most
 *   NOISE_MARGIN times what the true x² scores on the same points;
 * - "a flat line": the loss stays within FLAT_RTOL of the best constant's (the data's mean);
 * - "hundreds (to thousands) of times": a ratio above 100;
 * - "shrinks the signal" / "keeps its size": the spread over the data of each hidden
 *   layer's activations, layer by layer;
 * - "at 0.01 some seeds blow up": at least one of the ten diverges at 0.01;
 * - "the loss jumps on the way down": on at least one seed it climbs to over twice its best so far.
 */
import { describe, expect, it } from 'vitest';
import { lossBaselines, mse } from './baselines';
import { targetFunction } from './dataset';
import { createWorkspace, forward } from './network';
import { PRESETS, type PresetId } from './presets';
import { TrainingRun } from './run';

const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** "Down to the noise": within 10% of the true function's own loss on these points. */
const NOISE_MARGIN = 1.1;
/** "A flat line at the mean": within 1% of the loss of the data's mean. */
const FLAT_RTOL = 0.01;
/** "Hundreds of times". */
const HUNDREDS = 100;

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
    'seed %i: first-layer hinges start at x = 0; 300 steps reach the noise',
    (seed) => {
      const fresh = new TrainingRun({ ...PRESETS['deep-relu'].settings, seed });
      expect(Array.from(fresh.net.layers[0]!.b)).toEqual(new Array(16).fill(0));
      const { run, loss, floor } = runOf('deep-relu', seed);
      expect(run.divergedAt).toBeNull();
      expect(run.step).toBe(300);
      expect(loss).toBeLessThan(NOISE_MARGIN * floor);
    },
  );

  it('at the tutorial’s 0.01 some seeds blow up', () => {
    expect(PRESETS['deep-relu'].settings.learningRate).toBe(0.005);
    expect(diverges('deep-relu', 0.01)).toBe(true);
  });
});

describe('depth 4: the tutorial’s initialisation fades, He’s does not', () => {
  it.each(SEEDS)('seed %i: tutorial init, the signal shrinks and the fit stays flat', (seed) => {
    const { spreads, gradNorms, losses, loss, flat, run } = runOf('depth4-tutorial', seed);
    for (let l = 1; l < spreads.length; l++) expect(spreads[l]).toBeLessThan(spreads[l - 1]!);
    expect(gradNorms.at(-1)! / gradNorms[0]!).toBeGreaterThan(HUNDREDS);
    // The mean is found early (by step 50) and the loss stays there to the end.
    for (let k = 50; k < losses.length; k++)
      expect(Math.abs(losses[k]! - flat) / flat).toBeLessThan(FLAT_RTOL);
    expect(Math.abs(loss - flat) / flat).toBeLessThan(FLAT_RTOL);
    expect(run.step).toBe(300);
  });

  it.each(SEEDS)('seed %i: He init, the signal keeps its size and the fit bends', (seed) => {
    const he = runOf('depth4-he', seed);
    const tutorial = runOf('depth4-tutorial', seed);
    const ratio = he.spreads.at(-1)! / he.spreads[0]!;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    expect(he.gradNorms[0]! / tutorial.gradNorms[0]!).toBeGreaterThan(HUNDREDS);
    expect(he.run.divergedAt).toBeNull();
    expect(he.loss).toBeLessThan(0.5 * he.flat);
    expect(he.loss).toBeLessThan(NOISE_MARGIN * he.floor);
  });

  it('with He’s draw the loss jumps on the way down on some seeds', () => {
    const jumps = (losses: Float32Array) => {
      let best = Infinity;
      return losses.some((loss) => (best = Math.min(best, loss)) * 2 < loss);
    };
    expect(SEEDS.some((seed) => jumps(runOf('depth4-he', seed).losses))).toBe(true);
  });

  it('the two differ only in the initialisation; at 0.01 some He seeds blow up', () => {
    expect({ ...PRESETS['depth4-tutorial'].settings, init: 'he' }).toEqual(
      PRESETS['depth4-he'].settings,
    );
    expect(PRESETS['depth4-he'].steps).toBe(PRESETS['depth4-tutorial'].steps);
    expect(diverges('depth4-he', 0.01)).toBe(true);
  });
});
