import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../activations';
import { ThreadPool } from '../threads/pool';
import { FusedKernel } from './fusedKernel';
import { KERNEL_LANES } from './kernelLayout.generated';
import { sampleRange, SplitKernel } from './splitKernel';
import { kernelModule, type KernelBuild } from './wasmRuntime';

/** A pool with no helpers: the split step's entries run on this thread alone. */
const alone = () => new ThreadPool(0, () => ({ ports: [], terminate: () => Promise.resolve() }));

/** Seeded data and parameters, the same for both kernels. */
function setUp(points: number, hidden: number) {
  const x = Float32Array.from({ length: points }, (_, i) => -1 + (2 * i + 1) / points);
  const y = x.map((v, i) => v * v + 0.1 * Math.sin(37 * i));
  const params = (k: { w1: Float32Array; b1: Float32Array; w2: Float32Array }) => {
    for (let j = 0; j < hidden; j++) {
      k.w1[j] = Math.sin(1.3 * j + 0.2);
      k.b1[j] = 0.5 * Math.cos(0.7 * j);
      k.w2[j] = 0.1 * Math.sin(2.1 * j + 1);
    }
  };
  return { x, y, params, grid: Float32Array.from({ length: 9 }, (_, i) => -1 + i / 4) };
}

describe('sampleRange', () => {
  it('splits the padded samples into contiguous whole vectors, in thread order, covering all', () => {
    for (const np of [4, 8, 12, 2000, 1004]) {
      for (const threads of [1, 2, 3, 4, 7]) {
        let next = 0;
        for (let t = 0; t < threads; t++) {
          const { lo, hi } = sampleRange(np, threads, t);
          expect(lo).toBe(next);
          expect(hi).toBeGreaterThanOrEqual(lo);
          expect(lo % (KERNEL_LANES * 4)).toBe(0);
          next = hi;
        }
        expect(next).toBe(np * 4);
      }
    }
  });

  it('leaves a thread no samples when there are fewer vectors than threads', () => {
    const ranges = [0, 1, 2].map((t) => sampleRange(8, 3, t));
    expect(ranges.filter((r) => r.hi === r.lo)).toHaveLength(1);
  });
});

// With one thread, grads_ over every sample then apply_ run the one-thread step's own code
// (scripts/kernel/split.mjs builds both from step.mjs's pieces), and the float64 sums go
// through memory unchanged: the same bits, step after step.
const BUILDS: KernelBuild[] = ['relaxed', 'simd128'];
describe.each(BUILDS)('the %s split step on one thread', (build) => {
  it.each(ACTIVATIONS)('%s: the same losses, parameters and gradients, bit for bit', (act) => {
    for (const [points, hidden] of [
      [1, 3],
      [37, 13],
      [130, 70],
      [37, 2200],
    ] as const) {
      const { x, y, params, grid } = setUp(points, hidden);
      const one = new FusedKernel(x, y, hidden, act, grid, kernelModule(build));
      const split = new SplitKernel(x, y, hidden, act, grid, alone(), build);
      params(one);
      params(split);
      const lr = 0.5 / (points * hidden);
      for (let s = 0; s < 30; s++) expect(split.step(lr)).toBe(one.step(lr));
      expect(split.params).toEqual(one.params);
      for (const g of ['gw1', 'gb1', 'gw2', 'gb2'] as const) expect(split[g]).toEqual(one[g]);
      expect(split.loss()).toBe(one.loss());
      const a = new Float32Array(grid.length);
      const b = new Float32Array(grid.length);
      split.curve(a);
      one.curve(b);
      expect(a).toEqual(b);
    }
  });
});
