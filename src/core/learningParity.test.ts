/**
 * Issue #20's rules against an independent float64 implementation written here: the
 * tutorial's forward and backprop in plain arrays, the batches from numpy's permutation
 * (our NumpyRandom, tested against numpy in rngPermutation.test.ts) continuing after the
 * data and the weights, the reduction, L1/L2 on the weights and torch.optim's four rules.
 * Every step's recorded loss (MSE on its batch, before the update) must match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activate, activateDerivative, type ActivationName } from './activations';
import { buildModel } from './buildModel';
import type { ModelConfig } from './config';
import { PRESETS } from './presets';
import { NumpyRandom } from './rng';
import { TrainingRun } from './run';
import {
  DEFAULT_TRAINING_OPTIONS,
  OPTIMIZERS,
  REDUCTIONS,
  type TrainingOptions,
} from './trainingOptions';

/** Relative difference allowed between a float32 step loss and the float64 reference. */
const LOSS_RTOL = 1e-4;
const STEPS = 300;
const N = 30;

interface Layer {
  w: number[];
  b: number[];
  inDim: number;
  outDim: number;
}

/** The float64 run: per-step batch losses. */
function reference(
  config: ModelConfig,
  options: TrainingOptions,
  lr: number,
  steps = STEPS,
): number[] {
  const N = config.points;
  const built = buildModel(config);
  // The run's generator after the data's noise (N draws) and the weights (one per weight).
  const rng = new NumpyRandom(config.seed);
  const draws = N + built.net.layers.reduce((n, l) => n + l.w.length, 0);
  for (let i = 0; i < draws; i++) rng.normal(0, 1);
  const xs = Array.from(built.data.x);
  const ys = Array.from(built.data.y);
  const layers: Layer[] = built.net.layers.map((l) => ({
    w: Array.from(l.w),
    b: Array.from(l.b),
    inDim: l.inDim,
    outDim: l.outDim,
  }));
  const act: ActivationName = config.activation;
  const first = layers.map((l) => ({ w: l.w.map(() => 0), b: l.b.map(() => 0) }));
  const second = layers.map((l) => ({ w: l.w.map(() => 0), b: l.b.map(() => 0) }));
  const B = Math.min(options.batchSize ?? N, N);
  const losses: number[] = [];
  let order: number[] = [];
  let t = 0;
  while (losses.length < steps) {
    order = B < N ? Array.from(rng.permutation(N)) : [...Array(N).keys()];
    for (let k = 0; k < N && losses.length < steps; k += B) {
      const idx = order.slice(k, k + B);
      // Forward: zs[l][n][j], as[l][n][j].
      const zs: number[][][] = [];
      const as: number[][][] = [];
      let input = idx.map((i) => [xs[i]!]);
      layers.forEach((layer, l) => {
        const last = l === layers.length - 1;
        const z = input.map((row) =>
          [...Array(layer.outDim).keys()].map(
            (j) => layer.b[j]! + row.reduce((s, v, i) => s + v * layer.w[i * layer.outDim + j]!, 0),
          ),
        );
        zs.push(z);
        as.push(last ? z : z.map((r) => r.map((v) => activate(act, v))));
        input = as[l]!;
      });
      const out = as[layers.length - 1]!.map((r) => r[0]!);
      losses.push(out.reduce((s, o, n) => s + (o - ys[idx[n]!]!) ** 2, 0) / idx.length);
      // Backward: tutorial's dz = -2 (o - y), gw = a_in^T dz, gb = sum dz, delta with old weights.
      let dz = out.map((o, n) => [-2 * (o - ys[idx[n]!]!)]);
      const gws: number[][] = [];
      const gbs: number[][] = [];
      for (let l = layers.length - 1; l >= 0; l--) {
        const layer = layers[l]!;
        const a = l === 0 ? idx.map((i) => [xs[i]!]) : as[l - 1]!;
        const gw = layer.w.map((_, p) => {
          const i = Math.floor(p / layer.outDim);
          const j = p % layer.outDim;
          return a.reduce((s, row, n) => s + row[i]! * dz[n]![j]!, 0);
        });
        const gb = layer.b.map((_, j) => dz.reduce((s, row) => s + row[j]!, 0));
        gws[l] = gw;
        gbs[l] = gb;
        if (l > 0) {
          dz = dz.map((row, n) =>
            [...Array(layer.inDim).keys()].map(
              (i) =>
                row.reduce((s, d, j) => s + d * layer.w[i * layer.outDim + j]!, 0) *
                activateDerivative(act, zs[l - 1]![n]![i]!),
            ),
          );
        }
      }
      t++;
      const scale = options.reduction === 'mean' ? 1 / idx.length : 1;
      layers.forEach((layer, l) => {
        for (const key of ['w', 'b'] as const) {
          const p = layer[key];
          const tut = key === 'w' ? gws[l]! : gbs[l]!;
          const m1 = first[l]![key];
          const m2 = second[l]![key];
          for (let i = 0; i < p.length; i++) {
            let g = -tut[i]! * scale;
            if (key === 'w') g += options.l2 * p[i]! + options.l1 * Math.sign(p[i]!);
            switch (options.optimizer) {
              case 'sgd':
                p[i] = p[i]! - lr * g;
                break;
              case 'momentum':
                m1[i] = options.momentum * m1[i]! + g;
                p[i] = p[i]! - lr * m1[i]!;
                break;
              case 'rmsprop':
                m2[i] = 0.99 * m2[i]! + 0.01 * g * g;
                p[i] = p[i]! - (lr * g) / (Math.sqrt(m2[i]!) + 1e-8);
                break;
              case 'adam': {
                m1[i] = 0.9 * m1[i]! + 0.1 * g;
                m2[i] = 0.999 * m2[i]! + 0.001 * g * g;
                const mh = m1[i]! / (1 - 0.9 ** t);
                const vh = m2[i]! / (1 - 0.999 ** t);
                p[i] = p[i]! - (lr * mh) / (Math.sqrt(vh) + 1e-8);
                break;
              }
            }
          }
        }
      });
    }
  }
  return losses;
}

function config(layers: number[], activation: ActivationName): ModelConfig {
  return {
    dataset: 'quadratic',
    points: N,
    noise: 0.2,
    seed: 3,
    layers,
    activation,
    init: 'tutorial',
  };
}

/** A rate each rule trains with, steadily, on 30 points. */
function rateFor(options: TrainingOptions): number {
  if (options.optimizer === 'rmsprop' || options.optimizer === 'adam') return 0.003;
  const rate = options.reduction === 'mean' ? 0.03 : 0.003;
  return options.optimizer === 'momentum' ? rate / 5 : rate;
}

const cases: [string, number[], ActivationName, TrainingOptions][] = [];
for (const [layers, act] of [
  [[8], 'relu'],
  [[6, 5, 4], 'tanh'],
] as [number[], ActivationName][]) {
  for (const optimizer of OPTIMIZERS)
    for (const reduction of REDUCTIONS)
      for (const batchSize of [5, 7, null]) {
        const k = cases.length;
        // Penalties on a rotating subset: none, L2, L1, both.
        const l2 = k % 2 === 1 ? 0.01 : 0;
        const l1 = k % 4 >= 2 ? 0.001 : 0;
        const options = { batchSize, reduction, optimizer, momentum: 0.9, l1, l2 };
        const name = `depth ${layers.length} ${optimizer} ${reduction} B=${batchSize ?? 'N'} l1=${l1} l2=${l2}`;
        cases.push([name, layers, act, options]);
      }
}

/** numpy's float64 runs of the tutorial (scripts/numpy-presets.py wrote them). */
const NUMPY = JSON.parse(
  readFileSync(new URL('./fixtures/presets.json', import.meta.url), 'utf8'),
) as { runs: Record<string, Record<string, { losses: number[] }>> };

describe('the reference itself', () => {
  it.each(['square-relu', 'square-none'] as const)(
    "with the default options it is the tutorial: numpy's %s losses to 1e-6",
    (id) => {
      const preset = PRESETS[id];
      const expected = NUMPY.runs[id]!['0']!.losses;
      const losses = reference(
        { ...preset.settings, seed: 0 },
        DEFAULT_TRAINING_OPTIONS,
        preset.settings.learningRate,
        expected.length,
      );
      losses.forEach((loss, i) =>
        expect(Math.abs(loss - expected[i]!) / expected[i]!).toBeLessThan(1e-6),
      );
    },
  );
});

describe('training options against a float64 reference (300 steps, N = 30)', () => {
  let worst = 0;
  let worstEarly = 0;
  it.each(cases)('%s', (_name, layers, act, options) => {
    const cfg = config(layers, act);
    const lr = rateFor(options);
    const expected = reference(cfg, options, lr);
    // 'auto': at depth 1 the run starts on the kernel and moves to the TS engine.
    const run = new TrainingRun(cfg);
    run.setTrainingOptions(options);
    const losses = new Float32Array(STEPS);
    expect(run.train(STEPS, lr, losses, 0)).toBe(STEPS);
    let caseWorst = 0;
    for (let s = 0; s < STEPS; s++) {
      const rel = Math.abs(losses[s]! - expected[s]!) / Math.max(expected[s]!, 1e-12);
      caseWorst = Math.max(caseWorst, rel);
    }
    worst = Math.max(worst, caseWorst);
    for (let s = 0; s < 25; s++)
      worstEarly = Math.max(worstEarly, Math.abs(losses[s]! - expected[s]!) / expected[s]!);
    // The run learns: the last 30 steps' losses are below the first 30's on average.
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(expected.slice(-30))).toBeLessThan(mean(expected.slice(0, 30)));
    expect(caseWorst).toBeLessThan(LOSS_RTOL);
  });
  it('reports the worst difference', () => {
    console.log(
      `worst relative loss difference: ${worst.toExponential(2)} (first 25 steps: ${worstEarly.toExponential(2)})`,
    );
    // The first steps hold today's numpy tolerance; rounding differences grow with the steps.
    expect(worstEarly).toBeLessThan(1e-6);
  });
});
