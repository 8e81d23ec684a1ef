import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../core/activations';
import type { ModelConfig } from '../core/config';
import { FusedKernel } from '../core/kernel/fusedKernel';
import { SplitKernel } from '../core/kernel/splitKernel';
import { kernelModule } from '../core/kernel/wasmRuntime';
import { TrainingRun } from '../core/run';
import type { ThreadPool } from '../core/threads/pool';
import { createNodePool } from './nodeThreads';

// Real worker_threads: each pool's helpers load the kernel's helper through tsx (a few
// hundred ms each), so the pools are made once and shared by the tests below.
const pools = new Map<number, ThreadPool>();
const poolOf = (threads: number) => {
  let pool = pools.get(threads);
  if (!pool) pools.set(threads, (pool = createNodePool(threads)!));
  return pool;
};
afterAll(async () => {
  await Promise.all([...pools.values()].map((p) => p.close()));
});

/**
 * Tolerance on each step's loss, relative to the first loss. The split changes only the
 * order of float32 additions: each thread sums its own samples and the partial sums are
 * added in thread order (and the float64 loss and D sums likewise). That perturbs each
 * step's gradients by a few float32 ulps (~1e-7 relative); later steps carry the
 * perturbation on, as they carry any rounding. Observed at most 6.8e-8 (H = 1000,
 * N = 2000, 2 and 3 threads, 200 steps) and 1.0e-7 at the odd sizes below (100 steps);
 * the margin leaves room for CPUs whose relaxed multiply-add rounds otherwise.
 */
const TOLERANCE = 1e-5;

function worstGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst / a[0]!;
}

const wide: ModelConfig = {
  dataset: 'quadratic',
  points: 2000,
  noise: 0.2,
  seed: 3,
  layers: [1000],
  init: 'tutorial',
  activation: 'relu',
};

describe.each([2, 3])('%i threads', (threads) => {
  it('H = 1000, N = 2000: the run splits its steps and has one thread’s losses over 200 steps', () => {
    const steps = 200;
    const lr = 1 / (wide.points * 1000);
    const one = new TrainingRun(wide);
    const split = new TrainingRun(wide, undefined, { pool: poolOf(threads) });
    const a = new Float32Array(steps);
    const b = new Float32Array(steps);
    expect(one.train(steps, lr, a, 0)).toBe(steps);
    expect(split.train(steps, lr, b, 0)).toBe(steps);
    expect([one.threads, split.threads]).toEqual([1, threads]);
    expect(Math.abs(b[0]! - a[0]!) / a[0]!).toBeLessThan(1e-12);
    expect(worstGap(a, b)).toBeLessThan(TOLERANCE);
    expect(a[steps - 1]!).toBeLessThan(a[0]! / 2); // it learned
    // The same step repeated gives the same bits: the split is deterministic for a given T.
    const again = new TrainingRun(wide, undefined, { pool: poolOf(threads) });
    const c = new Float32Array(steps);
    again.train(steps, lr, c, 0);
    expect(c).toEqual(b);
  });

  // Odd sizes: N not a multiple of the threads or of 4, N < 4 T (a thread with no samples),
  // H = 1 and H = 2200 (blocks of 16).
  const ODD = [
    [7, 5],
    [2, 3],
    [1001, 17],
    [37, 2200],
  ] as const;
  it.each(ACTIVATIONS)('%s at odd sizes: one thread’s losses and parameters', (act) => {
    for (const [points, hidden] of ODD) {
      const x = Float32Array.from({ length: points }, (_, i) => -1 + (2 * i + 1) / points);
      const y = x.map((v, i) => v * v + 0.1 * Math.sin(37 * i));
      const grid = new Float32Array(5);
      const one = new FusedKernel(x, y, hidden, act, grid, kernelModule('relaxed'));
      const split = new SplitKernel(x, y, hidden, act, grid, poolOf(threads), 'relaxed');
      for (const k of [one, split])
        for (let j = 0; j < hidden; j++) {
          k.w1[j] = Math.sin(1.3 * j + 0.2);
          k.b1[j] = 0.5 * Math.cos(0.7 * j);
          k.w2[j] = 0.1 * Math.sin(2.1 * j + 1);
        }
      const steps = 100;
      const lr = 0.5 / (points * hidden);
      const a = Float64Array.from({ length: steps }, () => one.step(lr));
      const b = Float64Array.from({ length: steps }, () => split.step(lr));
      expect(worstGap(a, b), `N=${points} H=${hidden}`).toBeLessThan(TOLERANCE);
      let far = 0;
      for (let i = 0; i < one.params.length; i++)
        far = Math.max(far, Math.abs(one.params[i]! - split.params[i]!));
      expect(far, `N=${points} H=${hidden}`).toBeLessThan(1e-4);
    }
  });
});

it('two runs take turns on one pool, each as it would alone', () => {
  const pool = poolOf(2);
  const small = { ...wide, points: 600, layers: [500], seed: 5 };
  const steps = 20;
  const lr = 1 / (600 * 500);
  const alone = new Float32Array(steps);
  new TrainingRun(small, undefined, { pool }).train(steps, lr, alone, 0);
  const a = new TrainingRun(small, undefined, { pool });
  const b = new TrainingRun({ ...small, seed: 6 }, undefined, { pool });
  const la = new Float32Array(steps);
  const lb = new Float32Array(steps);
  for (let k = 0; k < steps; k++) {
    a.train(1, lr, la, k);
    b.train(1, lr, lb, k);
  }
  expect(la).toEqual(alone);
});

it('a closed pool ends its threads and refuses new work', async () => {
  const pool = createNodePool(2)!;
  const run = new TrainingRun(wide, undefined, { pool });
  run.train(1, 1e-6, new Float32Array(1), 0);
  await pool.close();
  expect(() => run.train(1, 1e-6, new Float32Array(1), 0)).toThrow(/closed/);
});
