/**
 * numpy parity at every depth: scripts/numpy-deep.py runs the tutorial's script generalised
 * to a list of layers (float64), for depths 1 to 4, every initialisation and every
 * activation, once for the whole file. The playground must draw the same data and the same
 * starting weights (equal after rounding to float32, as it stores them), use the same weight
 * scales (the same doubles), and train to the same loss at every step, within the presets'
 * tolerance against numpy (LOSS_RTOL, see presets.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import { ACTIVATIONS } from './activations';
import type { ModelConfig } from './config';
import { DATASETS } from './dataset';
import { INITS, initWeightScale } from './init';
import { layerViews } from './paramLayout';
import { TrainingRun } from './run';

/** Relative tolerance of each float32 loss against numpy's float64 (as presets.test.ts). */
const LOSS_RTOL = 1e-6;
const STEPS = 25;
/** A fifth of the tutorial's rate: at 0.01 a linear two-layer He network diverges within the steps, and at 0.005 a sine one (depth 3, He) swings through a loss spike that magnifies float32 rounding past the tolerance. */
const LEARNING_RATE = 0.002;
/** Hidden widths at each depth: small, unequal, narrowing (so glorot's two fans differ). */
const WIDTHS = [[7], [6, 5], [5, 4, 3], [4, 5, 3, 2]];

/** Skipped without numpy, except on CI, where it fails (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();
const SCRIPT = fileURLToPath(new URL('../../scripts/numpy-deep.py', import.meta.url));

interface Case extends ModelConfig {
  name: string;
}
interface NumpyRun {
  x: number[];
  y: number[];
  initial: { w: number[]; b: number[] }[];
  scales: number[];
  losses: number[];
}

const BUILT_IN = DATASETS.filter((d) => d !== 'custom');
const CASES: Case[] = [];
for (let depth = 1; depth <= 4; depth++)
  for (const init of INITS)
    for (const activation of ACTIVATIONS) {
      const k = CASES.length;
      CASES.push({
        name: `depth ${depth}, ${init}, ${activation}`,
        dataset: BUILT_IN[k % BUILT_IN.length]!,
        points: 9 + (k % 7),
        noise: 0.2,
        seed: k === 0 ? 2 ** 32 - 1 : k * 7919,
        layers: WIDTHS[depth - 1]!,
        init,
        activation,
      });
    }

function numpyRuns(): NumpyRun[] {
  const input = CASES.map((c) => ({
    seed: c.seed,
    points: c.points,
    noise: c.noise,
    dataset: c.dataset,
    layers: c.layers,
    init: c.init,
    activation: c.activation,
    steps: STEPS,
    learningRate: LEARNING_RATE,
  }));
  const out = spawnSync(NUMPY.python(), [SCRIPT], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`numpy-deep.py failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as NumpyRun[];
}

const f32 = (values: number[]) => values.map((v) => Math.fround(v));

describe.skipIf(NUMPY.skip)(`numpy parity at depth (numpy ${NUMPY.version ?? 'missing'})`, () => {
  const runs = NUMPY.skip ? [] : numpyRuns();
  let worst = 0;

  it('covers depths 1 to 4, every initialisation and every activation', () => {
    expect(new Set(CASES.map((c) => c.layers.length))).toEqual(new Set([1, 2, 3, 4]));
    expect(CASES).toHaveLength(4 * INITS.length * ACTIVATIONS.length);
    expect(runs).toHaveLength(CASES.length);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, config, i) => {
    const ref = runs[i]!;
    const run = new TrainingRun(config);
    // Data and starting weights: equal after rounding numpy's float64 to float32.
    expect(Array.from(run.data.x)).toEqual(f32(ref.x));
    expect(Array.from(run.data.y)).toEqual(f32(ref.y));
    const params = new Float32Array(run.paramLength());
    run.snapshotParams(params);
    const layers = layerViews(run.layout, params);
    expect(layers).toHaveLength(ref.initial.length);
    layers.forEach((l, k) => {
      expect(Array.from(l.w), `layer ${k} w`).toEqual(f32(ref.initial[k]!.w));
      expect(Array.from(l.b), `layer ${k} b`).toEqual(f32(ref.initial[k]!.b));
      // numpy's scale is the same double as ours.
      const slot = run.layout.layers[k]!;
      expect(initWeightScale(config.init, slot.inDim, slot.outDim)).toBe(ref.scales[k]);
    });
    // Every step's loss (before its update), within LOSS_RTOL of numpy's float64 run.
    const losses = new Float32Array(STEPS);
    expect(run.train(STEPS, LEARNING_RATE, losses, 0)).toBe(STEPS);
    ref.losses.forEach((loss, step) => {
      const rel = Math.abs(losses[step]! - loss) / loss;
      worst = Math.max(worst, rel);
      expect(rel, `loss at step ${step}: ${losses[step]} vs ${loss}`).toBeLessThan(LOSS_RTOL);
    });
  });

  it('reports the worst loss difference seen', () => {
    if (process.env.PARITY_REPORT) console.log('worst relative loss difference', worst);
    expect(worst).toBeLessThan(LOSS_RTOL);
  });
});
