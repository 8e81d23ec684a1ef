import { describe, it, expect } from 'vitest';
import { ACTIVATIONS, type ActivationName } from '../activations';
import type { ModelConfig } from '../config';
import { kernelSupports, type Engine } from '../engine';
import { TrainingRun } from '../run';
import { scaledError } from './scaledError';
import {
  bestKernelBuild,
  kernelBuildSupported,
  simdSupported,
  type KernelBuild,
} from './wasmRuntime';

const base: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 3,
  layers: [10],
  init: 'tutorial',
  activation: 'relu',
};

function runOf(
  config: ModelConfig,
  engine: Engine,
  steps: number,
  lr: number,
  kernel?: KernelBuild,
) {
  const run = new TrainingRun(config, undefined, { engine, kernel });
  const losses = new Float32Array(steps);
  expect(run.train(steps, lr, losses, 0)).toBe(steps);
  return { run, losses };
}

it('this runtime (Node) has WebAssembly SIMD, so the kernel is the default engine', () => {
  expect(simdSupported()).toBe(true);
  expect(new TrainingRun(base).engine).toBe('wasm');
  expect(new TrainingRun(base, undefined, { engine: 'ts' }).engine).toBe('ts');
  expect(new TrainingRun(base, undefined, { engine: 'ts' }).kernelBuild).toBe(null);
});

// vite.config.ts starts the test workers with relaxed SIMD on, so both builds are tested
// below; were it off, this fails rather than letting the relaxed build go untested.
it('both kernel builds run here, and the relaxed one (fused multiply-add) is the default', () => {
  expect(kernelBuildSupported('simd128')).toBe(true);
  expect(kernelBuildSupported('relaxed')).toBe(true);
  expect(bestKernelBuild()).toBe('relaxed');
  expect(new TrainingRun(base).kernelBuild).toBe('relaxed');
  expect(new TrainingRun(base, undefined, { kernel: 'simd128' }).kernelBuild).toBe('simd128');
});

// Sizes around every padding case: N and H not multiples of 4 (padded lanes), N = 1 and 2,
// H = 1, more samples than one block of 32, and more units than one 16-lane backward block.
const SIZES = [
  [1, 3],
  [2, 5],
  [3, 1],
  [30, 10],
  [7, 13],
  [33, 4],
  [64, 33],
  [200, 100],
  [97, 70],
  // H = 2200 stores more than SCRATCH_BYTES (256 kB, scripts/kernel/wat.mjs) in a block of
  // 32 samples (32 x 2200 x 4 = 275 kB, twice that for softplus and sine), so the kernel
  // takes its blocks-of-16 functions: 37 samples make two full blocks and a padded one.
  [37, 2200],
] as const;
/** Steps per comparison: fewer for the largest net, whose TS-core steps are slow. */
const stepsFor = (points: number, hidden: number) => (points * hidden > 50_000 ? 40 : 300);

it('the kernel has every activation, so the default engine is the kernel for each', () => {
  expect(ACTIVATIONS.filter((activation) => kernelSupports({ layers: [10], activation }))).toEqual([
    ...ACTIVATIONS,
  ]);
  for (const activation of ACTIVATIONS) {
    expect(new TrainingRun({ ...base, activation }).engine).toBe('wasm');
    expect(new TrainingRun({ ...base, activation }, undefined, { engine: 'auto' }).engine).toBe(
      'wasm',
    );
  }
  expect(kernelSupports({ layers: [10], activation: 'softmax' as ActivationName })).toBe(false);
  // Deeper networks train on the dense kernels (engines/denseEngine.ts).
  expect(kernelSupports({ layers: [10, 10], activation: 'relu' })).toBe(false);
  const deep = new TrainingRun({ ...base, layers: [10, 10] });
  expect(deep.engine).toBe('wasm');
  expect(deep.kernel).toBe('dense');
});

const BUILDS: KernelBuild[] = ['relaxed', 'simd128'];
const CASES = BUILDS.flatMap((build) =>
  ACTIVATIONS.map((activation) => [build, activation] as const),
);

describe.each(CASES)('%s kernel vs TypeScript core, %s', (build, activation) => {
  it.each(SIZES)('N=%i, H=%i: same losses, weights and gradients', (points, hidden) => {
    const config: ModelConfig = { ...base, points, layers: [hidden], activation };
    // The app's default rate, or 3/(N H) where that is smaller (larger nets diverge at 0.01).
    // Softplus units are all positive (about ln 2 at the start), so the summed gradient's
    // Hessian has an eigenvalue near N H: at 3/(N H) the loss first climbs 100-1000 times
    // (in float64 too) and the comparison would measure how that spike amplifies rounding
    // (observed 3.9e-4 of the first loss, N=200, H=100); at 1/(N H) it falls from the start.
    const lr = Math.min(0.01, (activation === 'softplus' ? 1 : 3) / (points * hidden));
    const steps = stepsFor(points, hidden);
    // First step alone: gradients are large, before the fit has converged.
    const ts1 = runOf(config, 'ts', 1, lr);
    const wasm1 = runOf(config, 'wasm', 1, lr, build);
    const gradScale: number[][] = [];
    ts1.run.gradients.forEach((gt, l) => {
      const gk = wasm1.run.gradients[l]!;
      expect(gk.w.length).toBe(gt.w.length); // padded units are never reported
      expect(gk.b.length).toBe(gt.b.length);
      // float32 sums of N products (~2^-24 each, in another order) against float64 sums.
      // The sums cancel (x and d change sign; sigmoid's a - a^2 is taken as two sums), so
      // the error scales with sum |terms|, not with the result: observed at most 2.6e-5
      // (sigmoid, N=33, H=4) of the largest gradient.
      expect(scaledError(gk.w, gt.w), `first gw${l + 1}`).toBeLessThan(1e-4);
      expect(scaledError(gk.b, gt.b), `first gb${l + 1}`).toBeLessThan(1e-4);
      gradScale.push([
        Math.max(...Array.from(gt.w, Math.abs)),
        Math.max(...Array.from(gt.b, Math.abs)),
      ]);
    });
    const ts = runOf(config, 'ts', steps, lr);
    const wasm = runOf(config, 'wasm', steps, lr, build);
    // Both are float32 with different summation orders (the kernel sums in 4 lanes and
    // blocks, and factors w2 out of the layer-1 sums); the TS core accumulates gradients
    // in float64. Each step's rounding (~2^-24 relative) is fed back by later steps, so
    // errors grow with the run: observed at most ~3e-6 of the first loss over these runs.
    // A relu unit whose pre-activation sits at the kink for some sample can switch on one
    // side and not the other, which the rest of the run amplifies: observed at most 4e-5
    // (relu, N=33, H=4). Tolerance: 1e-4 of the first loss (when N = 1 the loss falls to
    // ~1e-10, so relative to the loss itself would test nothing but rounding noise).
    const first = ts.losses[0]!;
    expect(Math.abs(wasm.losses[0]! - first) / first).toBeLessThan(1e-6);
    expect(scaledError(wasm.losses, ts.losses) * (Math.max(...ts.losses) / first)).toBeLessThan(
      1e-4,
    );
    ts.run.net.layers.forEach((layer, l) => {
      const other = wasm.run.net.layers[l]!;
      expect(other.w.length).toBe(layer.w.length);
      expect(scaledError(other.w, layer.w), `w${l + 1}`).toBeLessThan(1e-4);
      expect(scaledError(other.b, layer.b), `b${l + 1}`).toBeLessThan(1e-4);
      // The last step's gradients: near convergence they are small differences of large
      // sums, so compare them on the scale of the first step's gradients (observed at
      // most 1.9e-4, relu N=33 H=4, where a kink flip has moved the two runs apart).
      const gt = ts.run.gradients[l]!;
      const gk = wasm.run.gradients[l]!;
      const [sw, sb] = gradScale[l]!;
      const absErr = (a: ArrayLike<number>, b: ArrayLike<number>) =>
        scaledError(a, b) * Math.max(...Array.from(b, Math.abs));
      expect(absErr(gk.w, gt.w) / sw!, `gw${l + 1}`).toBeLessThan(1e-3);
      expect(absErr(gk.b, gt.b) / sb!, `gb${l + 1}`).toBeLessThan(1e-3);
    });
    // The run learned: otherwise agreement would prove little.
    expect(ts.losses[steps - 1]!).toBeLessThan(first);
    // Same current loss and curve (what the page shows).
    expect(wasm.run.currentLoss()).toBeCloseTo(ts.run.currentLoss(), 6);
    const a = new Float32Array(wasm.run.grid.length);
    const b = new Float32Array(a.length);
    wasm.run.curve(a);
    ts.run.curve(b);
    expect(scaledError(a, b)).toBeLessThan(1e-4);
  });
});
