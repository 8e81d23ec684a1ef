/**
 * Shared by the optimizer tests: seeded gradient sequences for every optimizer, both
 * reductions, with and without L1/L2 (cases), the playground's run of one (OptimizerState
 * on float32 parameters), and an independent float64 implementation of issue #20's rules,
 * written from the issue's formulas rather than from optimizers.ts.
 */
import { OptimizerState } from './optimizers';
import { NumpyRandom } from './rng';
import { OPTIMIZERS, REDUCTIONS, type TrainingOptions } from './trainingOptions';

type Options = Pick<TrainingOptions, 'reduction' | 'optimizer' | 'momentum' | 'l1' | 'l2'>;

export interface LayerValues {
  w: number[];
  b: number[];
}

export interface OptimizerCase {
  name: string;
  options: Options;
  batch: number;
  lr: number;
  /** Starting parameters (float32 values), per layer. */
  initial: LayerValues[];
  /** Per step, per layer: the tutorial-sign summed gradients gw, gb. */
  grads: LayerValues[][];
}

/** A 1 -> 4 -> 3 -> 1 network's parameter counts (weights [in][out], then biases). */
const SIZES = [
  { w: 4, b: 4 },
  { w: 12, b: 3 },
  { w: 3, b: 1 },
];

/** Learning rates that keep each optimizer's steps small beside the weights over the run. */
const LR: Record<Options['optimizer'], number> = {
  sgd: 0.002,
  momentum: 0.001,
  rmsprop: 0.003,
  adam: 0.003,
};

const PENALTIES = [
  { l1: 0, l2: 0 },
  { l1: 0.01, l2: 0.05 },
];

export function optimizerCases(steps: number): OptimizerCase[] {
  const cases: OptimizerCase[] = [];
  let seed = 1;
  for (const optimizer of OPTIMIZERS)
    for (const reduction of REDUCTIONS)
      for (const { l1, l2 } of PENALTIES) {
        const rng = new NumpyRandom(seed++);
        const draw = (n: number, scale: number) =>
          Array.from({ length: n }, () => Math.fround(rng.normal(0, scale)));
        const initial = SIZES.map((s) => ({ w: draw(s.w, 1), b: draw(s.b, 0.5) }));
        const grads: LayerValues[][] = [];
        for (let t = 0; t < steps; t++) {
          // Gradients whose size drifts over the run, as a real one's does, and a batch's sum.
          const scale = 3 * (1 + Math.sin(t / 17)) + 0.1;
          grads.push(SIZES.map((s) => ({ w: draw(s.w, scale), b: draw(s.b, scale) })));
        }
        cases.push({
          name: `${optimizer}, ${reduction}, l1 ${l1}, l2 ${l2}`,
          options: { optimizer, reduction, momentum: 0.9, l1, l2 },
          batch: 8,
          lr: LR[optimizer],
          initial,
          grads,
        });
      }
  return cases;
}

/** The playground's run of a case: OptimizerState on float32 parameters. */
export function runPlayground(c: OptimizerCase): LayerValues[] {
  const layers = c.initial.map((l) => ({ w: Float32Array.from(l.w), b: Float32Array.from(l.b) }));
  const state = OptimizerState.forLayers(layers);
  const gw = layers.map((l) => new Float64Array(l.w.length));
  const gb = layers.map((l) => new Float64Array(l.b.length));
  for (const step of c.grads) {
    step.forEach((g, l) => {
      gw[l]!.set(g.w);
      gb[l]!.set(g.b);
    });
    state.step(layers, gw, gb, c.batch, c.lr, c.options);
  }
  return layers.map((l) => ({ w: [...l.w], b: [...l.b] }));
}

/** Issue #20's rules in float64, one parameter array at a time, state from zero. */
export function runReference(c: OptimizerCase): LayerValues[] {
  const { optimizer, reduction, momentum, l1, l2 } = c.options;
  const params = c.initial.flatMap((l) => [[...l.w], [...l.b]]);
  const first = params.map((p) => p.map(() => 0));
  const second = params.map((p) => p.map(() => 0));
  c.grads.forEach((step, s) => {
    const t = s + 1;
    const tutorial = step.flatMap((l) => [l.w, l.b]);
    params.forEach((p, k) => {
      const isWeight = k % 2 === 0;
      for (let i = 0; i < p.length; i++) {
        let g = -tutorial[k]![i]!;
        if (reduction === 'mean') g /= c.batch;
        if (isWeight) g += l2 * p[i]! + l1 * Math.sign(p[i]!);
        if (optimizer === 'sgd') p[i] = p[i]! - c.lr * g;
        else if (optimizer === 'momentum') {
          first[k]![i] = momentum * first[k]![i]! + g;
          p[i] = p[i]! - c.lr * first[k]![i]!;
        } else if (optimizer === 'rmsprop') {
          second[k]![i] = 0.99 * second[k]![i]! + 0.01 * g * g;
          p[i] = p[i]! - (c.lr * g) / (Math.sqrt(second[k]![i]!) + 1e-8);
        } else {
          first[k]![i] = 0.9 * first[k]![i]! + 0.1 * g;
          second[k]![i] = 0.999 * second[k]![i]! + 0.001 * g * g;
          const mHat = first[k]![i]! / (1 - 0.9 ** t);
          const vHat = second[k]![i]! / (1 - 0.999 ** t);
          p[i] = p[i]! - (c.lr * mHat) / (Math.sqrt(vHat) + 1e-8);
        }
      }
    });
  });
  const out: LayerValues[] = [];
  for (let k = 0; k < params.length; k += 2) out.push({ w: params[k]!, b: params[k + 1]! });
  return out;
}

/** Largest |a - b| / max(1, |b|) over all parameters: absolute near 0, relative beyond 1. */
export function worstDifference(a: LayerValues[], b: LayerValues[]): number {
  let worst = 0;
  a.forEach((layer, l) => {
    for (const part of ['w', 'b'] as const) {
      const x = layer[part];
      const y = b[l]![part];
      if (x.length !== y.length) throw new Error(`layer ${l} ${part}: lengths differ`);
      x.forEach((v, i) => {
        const d = Math.abs(v - y[i]!) / Math.max(1, Math.abs(y[i]!));
        worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
      });
    }
  });
  return worst;
}
