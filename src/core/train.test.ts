import { describe, it, expect } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations';
import type { ModelConfig } from './config';
import { createWorkspace } from './network';
import { buildModel } from './buildModel';
import { TrainingRun } from './run';
import { trainStep } from './train';

// ---------------------------------------------------------------------------------------
// An independent float64 reference of the tutorial's predict04() loop (layer(), backprop()).
// Shapes: x, y [N]; w1, b1 [H] (w1 is [1, H]); w2 [H] (w2 is [H, 1]); b2 [1].
// ---------------------------------------------------------------------------------------
type Act = { f: (z: number) => number; df: (z: number) => number };
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const REF_ACT: Record<ActivationName, Act> = {
  none: { f: (z) => z, df: () => 1 },
  relu: { f: (z) => Math.max(0, z), df: (z) => (z > 0 ? 1 : 0) },
  tanh: { f: (z) => Math.tanh(z), df: (z) => 1 - Math.tanh(z) ** 2 },
  sigmoid: { f: sigmoid, df: (z) => sigmoid(z) * (1 - sigmoid(z)) },
  'leaky-relu': { f: (z) => (z > 0 ? z : 0.01 * z), df: (z) => (z > 0 ? 1 : 0.01) },
  elu: { f: (z) => (z > 0 ? z : Math.exp(z) - 1), df: (z) => (z > 0 ? 1 : Math.exp(z)) },
  softplus: { f: (z) => Math.log(1 + Math.exp(z)), df: sigmoid },
  sine: { f: Math.sin, df: Math.cos },
};

interface Ref {
  x: number[];
  y: number[];
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number[];
}

/** Float64 copy of the run's data and initial parameters: the only thing taken from the core. */
function reference(config: ModelConfig): Ref {
  const { data, net } = buildModel(config);
  const [l1, l2] = net.layers;
  return {
    x: Array.from(data.x),
    y: Array.from(data.y),
    w1: Array.from(l1!.w),
    b1: Array.from(l1!.b),
    w2: Array.from(l2!.w),
    b2: Array.from(l2!.b),
  };
}

function refForward(p: Ref, act: Act, x: number[] = p.x) {
  const o1 = x.map((xn) => p.w1.map((w, j) => xn * w + p.b1[j]!));
  const a1 = o1.map((row) => row.map(act.f));
  const o2 = a1.map((row) => row.reduce((s, a, j) => s + a * p.w2[j]!, p.b2[0]!));
  return { o1, a1, o2 };
}

function refLoss(p: Ref, act: Act): number {
  const { o2 } = refForward(p, act);
  return o2.reduce((s, o, n) => s + (o - p.y[n]!) ** 2, 0) / p.y.length;
}

/** The tutorial's summed gradients (dz = -2(o - y), so these point downhill), without updating. */
function refGradients(p: Ref, act: Act) {
  const { o1, a1, o2 } = refForward(p, act);
  const H = p.w1.length;
  const dz2 = o2.map((o, n) => -2 * (o - p.y[n]!));
  const gw2 = Array.from({ length: H }, (_, j) =>
    a1.reduce((s, row, n) => s + row[j]! * dz2[n]!, 0),
  );
  const gb2 = [dz2.reduce((s, d) => s + d, 0)];
  // new_dz = dz.dot(w.T) with the OLD w2, then *= act'(o1).
  const dz1 = dz2.map((d, n) => p.w2.map((w, j) => d * w * act.df(o1[n]![j]!)));
  const gw1 = Array.from({ length: H }, (_, j) =>
    dz1.reduce((s, row, n) => s + p.x[n]! * row[j]!, 0),
  );
  const gb1 = Array.from({ length: H }, (_, j) => dz1.reduce((s, row) => s + row[j]!, 0));
  return { gw1, gb1, gw2, gb2 };
}

/** One step of predict04(): loss before the update, then w += lr * g for both layers. */
function refStep(p: Ref, act: Act, lr: number): number {
  const loss = refLoss(p, act);
  const g = refGradients(p, act);
  const add = (w: number[], gw: number[]) => w.forEach((v, i) => (w[i] = v + lr * gw[i]!));
  add(p.w2, g.gw2);
  add(p.b2, g.gb2);
  add(p.w1, g.gw1);
  add(p.b1, g.gb1);
  return loss;
}

const maxRelError = (got: ArrayLike<number>, want: ArrayLike<number>) =>
  Array.from(want).reduce((m, w, i) => Math.max(m, Math.abs(got[i]! - w) / Math.abs(w)), 0);
/** Largest error relative to the largest magnitude in `want` (weights cross zero). */
const maxScaledError = (got: ArrayLike<number>, want: ArrayLike<number>) => {
  const scale = Math.max(...Array.from(want, Math.abs));
  return Array.from(want).reduce((m, w, i) => Math.max(m, Math.abs(got[i]! - w)), 0) / scale;
};

const ACTS = ACTIVATIONS;
const DEFAULT: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 0,
  layers: [10],
  init: 'tutorial',
  activation: 'relu',
};
const CASES = [
  { name: 'predict04 default', base: DEFAULT, steps: 300, lr: 0.01 },
  {
    name: 'predict02 linear N=10 H=3',
    base: { ...DEFAULT, dataset: 'linear', points: 10, layers: [3], init: 'tutorial', seed: 1 },
    steps: 50,
    lr: 0.01,
  },
  {
    name: 'quadratic N=7 H=4 seed 42 lr 0.05',
    base: { ...DEFAULT, points: 7, layers: [4], init: 'tutorial', seed: 42 },
    steps: 300,
    lr: 0.05,
  },
] as const;

describe('float32 core follows the float64 tutorial reference', () => {
  for (const { name, base, steps, lr } of CASES) {
    it.each(ACTS)(`${name}, %s`, (activation) => {
      const config: ModelConfig = { ...base, activation };
      const ref = reference(config);
      const act = REF_ACT[activation];
      const want = Array.from({ length: steps }, () => refStep(ref, act, lr));

      const run = new TrainingRun(config);
      const got = new Float32Array(steps);
      expect(run.train(steps, lr, got, 0)).toBe(steps);

      // float32 storage has unit roundoff 2^-24 ~ 6e-8 per operation; over these runs the
      // rounding accumulates (and gradient descent feeds it back) to at most 9.1e-7 relative
      // on a loss (relu, N=7, lr 0.05) and 1.7e-6 of the largest weight. Tolerances: ~3x that.
      expect(maxRelError(got, want)).toBeLessThan(3e-6);
      const [l1, l2] = run.net.layers;
      expect(maxScaledError(l1!.w, ref.w1)).toBeLessThan(5e-6);
      expect(maxScaledError(l1!.b, ref.b1)).toBeLessThan(5e-6);
      expect(maxScaledError(l2!.w, ref.w2)).toBeLessThan(5e-6);
      expect(maxScaledError(l2!.b, ref.b2)).toBeLessThan(5e-6);
      // The run must actually learn, or matching the reference would prove little.
      expect(want[steps - 1]!).toBeLessThan(want[0]!);
    });
  }
});

describe('gradients: core vs central differences of the float64 MSE', () => {
  const N = DEFAULT.points;
  const h = 1e-5;

  /** Central differences of refLoss with respect to one parameter group. */
  function fd(p: Ref, act: Act, key: 'w1' | 'b1' | 'w2' | 'b2'): number[] {
    return p[key].map((v, i) => {
      p[key][i] = v + h;
      const up = refLoss(p, act);
      p[key][i] = v - h;
      const down = refLoss(p, act);
      p[key][i] = v;
      return (up - down) / (2 * h);
    });
  }

  for (const warmup of [0, 100]) {
    it.each(ACTS)(`after ${warmup} steps, %s`, (activation) => {
      const config: ModelConfig = { ...DEFAULT, activation };
      const { data, net } = buildModel(config);
      const ws = createWorkspace(net, N);
      for (let k = 0; k < warmup; k++) trainStep(net, ws, data.x, data.y, 0.01);
      const before = net.layers.map((l) => [Float32Array.from(l.w), Float32Array.from(l.b)]);
      trainStep(net, ws, data.x, data.y, 0); // lr = 0: fills ws.gw / ws.gb, leaves weights alone
      expect(net.layers.map((l) => [l.w, l.b])).toEqual(before);

      const [l1, l2] = net.layers;
      const p: Ref = {
        x: Array.from(data.x),
        y: Array.from(data.y),
        w1: Array.from(l1!.w),
        b1: Array.from(l1!.b),
        w2: Array.from(l2!.w),
        b2: Array.from(l2!.b),
      };
      const act = REF_ACT[activation];
      // relu: a central difference across the kink would be wrong, so every pre-activation
      // must be farther from 0 than a step of h can move it (|x| <= 1, so |do1| <= h).
      const minAbsO1 = Math.min(...refForward(p, act).o1.flat().map(Math.abs));
      if (activation === 'relu') expect(minAbsO1).toBeGreaterThan(10 * h);

      const core = { w1: ws.gw[0]!, b1: ws.gb[0]!, w2: ws.gw[1]!, b2: ws.gb[1]! };
      const analytic = refGradients(p, act);
      const analyticOf = { w1: analytic.gw1, b1: analytic.gb1, w2: analytic.gw2, b2: analytic.gb2 };
      let largest = { dLoss: 0, core: 0 };
      for (const key of ['w1', 'b1', 'w2', 'b2'] as const) {
        const dLoss = fd(p, act, key);
        // The tutorial's gradients are summed, not averaged, and point downhill:
        // g = -N * dLoss/dθ for loss = mean((o - y)^2).
        const want = dLoss.map((d) => -N * d);
        const absError = (got: ArrayLike<number>) =>
          want.reduce((m, w, i) => Math.max(m, Math.abs(got[i]! - w)), 0);
        // float64 reference vs differences (truncation h^2 L'''/6 plus rounding eps L / h,
        // times N): observed <= 3.4e-10 absolute.
        expect(absError(analyticOf[key]), `reference ${key}`).toBeLessThan(2e-9);
        // The core's float32 forward rounds each o and o - y (|.| <~ 1.3) to ~2^-24, and N = 30
        // samples are summed, so errors are absolute, ~1e-6 at worst: observed <= 2.4e-7.
        expect(absError(core[key]), `core ${key}`).toBeLessThan(1e-6);
        dLoss.forEach((d, i) => {
          if (Math.abs(d) > Math.abs(largest.dLoss)) largest = { dLoss: d, core: core[key][i]! };
        });
      }
      // The relation itself, as a ratio on the steepest parameter. Only at the start: after
      // 100 steps the fit is near a minimum and gradients are too small for a ratio to mean much.
      if (warmup === 0) {
        expect(Math.abs(largest.dLoss)).toBeGreaterThan(0.1);
        expect(largest.core / largest.dLoss).toBeCloseTo(-N, 4);
      }
    });
  }
});

describe('determinism', () => {
  function runOf(seed: number) {
    const run = new TrainingRun({ ...DEFAULT, seed, activation: 'tanh' });
    const losses = new Float32Array(300);
    run.train(300, 0.01, losses, 0);
    const bytes = (a: Float32Array) =>
      Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return {
      losses: bytes(losses),
      params: run.net.layers.flatMap((l) => [bytes(l.w), bytes(l.b)]),
    };
  }

  it('the same seed gives bitwise the same losses and weights', () => {
    expect(runOf(7)).toEqual(runOf(7));
  });

  it('a different seed gives a different run', () => {
    const a = runOf(7);
    const b = runOf(8);
    expect(a.losses).not.toEqual(b.losses);
    expect(a.params).not.toEqual(b.params);
  });
});

describe('divergence', () => {
  it('stops at the first non-finite loss or weight and trains no further', () => {
    const run = new TrainingRun({ ...DEFAULT, activation: 'none' });
    const losses = new Float32Array(1000);
    const taken = run.train(1000, 10, losses, 0);
    expect(taken).toBeLessThan(1000);
    expect(run.divergedAt).toBe(taken);
    expect(losses.subarray(0, taken - 1).every(Number.isFinite)).toBe(true);
    expect(run.train(10, 0.01, losses, 0)).toBe(0);
  });
});
