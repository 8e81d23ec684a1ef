/**
 * Steps per second of a training step of 1 -> H x L -> 1 (relu, N = 1000; SGD or Adam,
 * full batch or mini-batches) on the generated dense kernels chained from TypeScript
 * (src/core/kernel/denseStep.harness.ts), against the TypeScript engine, with GFLOP/s
 * counted as 6 · batch · Σ fan_in · fan_out per step (issue #21's count). Brief runs, for a shared machine:
 *   node --experimental-wasm-relaxed-simd --import tsx bench/denseStep.ts
 */
import { TsEngine } from '../src/core/engines/tsEngine';
import type { DenseBuild } from '../src/core/kernel/dense.harness';
import { denseNetRunner } from '../src/core/kernel/denseStep.harness';
import { createHiddenNetwork } from '../src/core/network';
import { OptimizerState, type StepOptions } from '../src/core/optimizers';
import { NumpyRandom } from '../src/core/rng';
import { loadavg } from 'node:os';
import { relaxedSimdHere } from '../scripts/relaxed-simd.mjs';

const N = 1000;
/** Hidden widths, optimizer, batch size (N: full batch). */
const CONFIGS = [
  [[64, 64, 64], 'sgd', N],
  [[64, 64, 64], 'adam', N],
  [[64, 64, 64], 'adam', 32],
  [[256, 256, 256], 'sgd', N],
  [[256, 256, 256], 'adam', N],
] as const;
/** Seconds of stepping per figure (after one warm-up step). */
const SECONDS = 1;

/** Steps per second of `step` over about SECONDS, at least two steps. */
function stepsPerSecond(step: () => void): number {
  step();
  const start = performance.now();
  let steps = 0;
  while (steps < 2 || performance.now() - start < SECONDS * 1000) {
    step();
    steps++;
  }
  return steps / ((performance.now() - start) / 1000);
}

const rng = new NumpyRandom(7);
const x = Float32Array.from({ length: N }, () => 4 * rng.randomSample() - 2);
const y = x.map((v) => Math.sin(3 * v));
const lr = 1e-4;
const builds: DenseBuild[] = relaxedSimdHere() ? ['relaxed', 'simd128'] : ['simd128'];
console.log(
  'network, optimizer, batch'.padEnd(36) +
    [...builds, 'TS engine'].map((b) => `${b} steps/s (GFLOP/s)`.padEnd(28)).join(''),
);
const perm = new NumpyRandom(11).permutation(N);
for (const [hidden, optimizer, batch] of CONFIGS) {
  const sizes = [1, ...hidden, 1];
  const flops = 6 * batch * sizes.slice(1).reduce((s, out, l) => s + sizes[l]! * out, 0);
  const options: StepOptions = { optimizer, reduction: 'mean', momentum: 0.9, l1: 0, l2: 0 };
  // Successive slices of one permutation: no allocation per step.
  let at = 0;
  const indices = () => {
    at = at + 2 * batch > N ? 0 : at + batch;
    return perm.subarray(at, at + batch);
  };
  const cells: string[] = [];
  const cell = (rate: number) =>
    `${rate.toFixed(1)} (${((rate * flops) / 1e9).toFixed(1)})`.padEnd(28);
  const net = () => createHiddenNetwork(hidden, 'relu', new NumpyRandom(3), 'he');
  for (const build of builds) {
    const runner = await denseNetRunner(build, net(), x, y);
    const step =
      batch === N ? () => runner.step(lr, options) : () => runner.stepBatch(indices(), lr, options);
    cells.push(cell(stepsPerSecond(step)));
  }
  const engine = new TsEngine(net(), { x, y }, new Float32Array(4));
  const state = OptimizerState.forLayers(engine.net.layers);
  const all = Int32Array.from({ length: N }, (_, i) => i);
  const loss = new Float32Array(1);
  cells.push(
    cell(
      stepsPerSecond(() =>
        engine.stepBatch(batch === N ? all : indices(), lr, state, options, loss, 0),
      ),
    ),
  );
  const name = `1 -> ${hidden[0]} x ${hidden.length} -> 1, ${optimizer}, ${batch === N ? 'full' : `batch ${batch}`}`;
  console.log(name.padEnd(36) + cells.join(''));
}
console.log(
  `load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} (other processes slow every figure)`,
);
