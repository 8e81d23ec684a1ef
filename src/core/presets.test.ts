/**
 * The tutorial's four presets against the tutorial's own functions run by numpy in float64
 * (src/core/fixtures/presets.json, from scripts/make-fixtures.py).
 *
 * Tolerance: every loss within LOSS_RTOL = 1e-6 relative of numpy's. Why that is right:
 * the playground holds data and parameters in float32, so its inputs already differ from
 * numpy's by up to half a float32 ulp (6e-8 relative) and every stored result rounds again.
 * Full-batch gradient descent at lr 0.01 on these problems is contracting, so these
 * errors do not grow: the worst deviation measured over all presets and seeds is
 * 2.8e-7 (about 2.3 float32 epsilons), under 1e-6 with a margin of 3.5x. A real error is
 * far larger: a learning rate off by 0.1% already moves the curves by more (checked below).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_IDS, PRESETS, TUTORIAL_PRESET_IDS, type PresetId } from './presets';
import { createWorkspace, predictInto } from './network';
import { TrainingRun } from './run';
import { testMask } from './split';
import { learningRateRisky } from './stability';

interface LayerValues {
  w: number[][];
  b: number[][];
}
interface PresetRun {
  x: number[];
  y: number[];
  initial: LayerValues[];
  losses: number[];
  final: LayerValues[];
  finalLoss: number;
  prediction: number[];
}
interface PresetFixture {
  seeds: number[];
  runs: Record<(typeof TUTORIAL_PRESET_IDS)[number], Record<string, PresetRun>>;
}

const FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/presets.json', import.meta.url), 'utf8'),
) as PresetFixture;
/** Relative tolerance of float32 losses against numpy's float64 (see the header). */
const LOSS_RTOL = 1e-6;
/** Absolute tolerance of trained float32 parameters (|w| < 2 here; measured worst 4.8e-7,
 * parameters and predictions alike). */
const PARAM_ATOL = 2e-6;

const f32 = (values: number[]) => values.map(Math.fround);
const flat = (layer: LayerValues) => ({ w: layer.w.flat(), b: layer.b.flat() });

/** Largest |a - b| / |b|. */
function maxRelative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.abs(b[i]!));
  return worst;
}

function maxAbsolute(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

function trained(id: PresetId, seed: number, learningRate = PRESETS[id].settings.learningRate) {
  const preset = PRESETS[id];
  const run = new TrainingRun({ ...preset.settings, seed });
  const losses = new Float32Array(preset.steps);
  expect(run.train(preset.steps, learningRate, losses, 0)).toBe(preset.steps);
  return { run, losses };
}

describe.each(TUTORIAL_PRESET_IDS)('preset %s against the tutorial in numpy', (id) => {
  const preset = PRESETS[id];
  it.each(FIXTURE.seeds)(
    'seed %i: same data and initial weights, bit for bit in float32',
    (seed) => {
      const f = FIXTURE.runs[id][String(seed)]!;
      const { run } = trained(id, seed);
      // Fresh run: the data and initial draws, before training touches the weights.
      const fresh = new TrainingRun({ ...preset.settings, seed });
      expect(Array.from(fresh.data.x)).toEqual(f32(f.x));
      expect(Array.from(fresh.data.y)).toEqual(f32(f.y));
      fresh.net.layers.forEach((layer, l) => {
        const ref = flat(f.initial[l]!);
        expect(Array.from(layer.w)).toEqual(f32(ref.w));
        expect(Array.from(layer.b)).toEqual(f32(ref.b));
      });
      expect(run.data.x.length).toBe(preset.settings.points);
    },
  );

  it.each(FIXTURE.seeds)(
    `seed %i: loss of every step within ${LOSS_RTOL} relative, final weights close`,
    (seed) => {
      const f = FIXTURE.runs[id][String(seed)]!;
      const { run, losses } = trained(id, seed);
      expect(f.losses).toHaveLength(preset.steps);
      expect(maxRelative(losses, f.losses)).toBeLessThan(LOSS_RTOL);
      expect(Math.abs(run.currentLoss() - f.finalLoss) / f.finalLoss).toBeLessThan(LOSS_RTOL);
      run.net.layers.forEach((layer, l) => {
        const ref = flat(f.final[l]!);
        expect(maxAbsolute(layer.w, ref.w)).toBeLessThan(PARAM_ATOL);
        expect(maxAbsolute(layer.b, ref.b)).toBeLessThan(PARAM_ATOL);
      });
      // numpy's prediction at the data points after training.
      const prediction = new Float32Array(run.data.x.length);
      predictInto(run.net, createWorkspace(run.net, prediction.length), run.data.x, prediction);
      expect(maxAbsolute(prediction, f.prediction)).toBeLessThan(PARAM_ATOL);
    },
  );
});

describe('the tolerance can fail', () => {
  it('a learning rate off by 0.1% misses the fixtures', () => {
    const f = FIXTURE.runs['square-relu']['0']!;
    const { losses } = trained('square-relu', 0, 0.01 * 1.001);
    expect(maxRelative(losses, f.losses)).toBeGreaterThan(LOSS_RTOL * 10);
  });
});

describe('presets', () => {
  it('are the tutorial experiments with their numbers', () => {
    expect(PRESETS['untrained-line'].steps).toBe(0);
    expect(PRESETS['fit-line'].steps).toBe(50);
    expect(PRESETS['square-none'].steps).toBe(300);
    expect(PRESETS['square-relu'].settings).toEqual({
      ...PRESETS['square-none'].settings,
      activation: 'relu',
    });
    expect(PRESETS['fit-line'].settings).toEqual(PRESETS['untrained-line'].settings);
    for (const id of TUTORIAL_PRESET_IDS) {
      expect(PRESETS[id].id).toBe(id);
      // The tutorial's network: one hidden layer drawn its way.
      expect(PRESETS[id].settings.init).toBe('tutorial');
      expect(PRESETS[id].settings.layers).toHaveLength(1);
    }
  });

  // The page warns when the advice calls a rate risky: a preset we recommend must not set
  // one. The advice counts the points a step trains on: the preset's less its held-out share
  // (none unless the preset sets one; a share the learner adds only lowers the risk).
  it.each(PRESET_IDS)('%s sets a rate the learning-rate advice does not call risky', (id) => {
    const { settings } = PRESETS[id];
    const held = testMask(settings.points, settings.testShare ?? 0, 0).reduce((n, v) => n + v, 0);
    expect(learningRateRisky(settings.learningRate, settings.points - held, settings)).toBe(false);
  });
});
