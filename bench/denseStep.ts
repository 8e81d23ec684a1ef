/**
 * Steps per second of a full-batch SGD step of 1 -> H x L -> 1 (relu, N = 1000) on the
 * generated dense kernels chained from TypeScript (src/core/kernel/denseStep.harness.ts),
 * against the TypeScript engine, with GFLOP/s counted as 6 · N · Σ fan_in · fan_out per
 * step (issue #21's count). Brief runs, for a shared machine:
 *   node --experimental-wasm-relaxed-simd --import tsx bench/denseStep.ts
 */
import { TsEngine } from '../src/core/engines/tsEngine';
import type { DenseBuild } from '../src/core/kernel/dense.harness';
import { denseNetRunner } from '../src/core/kernel/denseStep.harness';
import { createHiddenNetwork } from '../src/core/network';
import { NumpyRandom } from '../src/core/rng';
import { loadavg } from 'node:os';
import { relaxedSimdHere } from '../scripts/relaxed-simd.mjs';

const N = 1000;
const NETWORKS = [
  [64, 64, 64],
  [256, 256, 256],
];
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
const lr = 1e-5;
const builds: DenseBuild[] = relaxedSimdHere() ? ['relaxed', 'simd128'] : ['simd128'];
console.log(
  'network'.padEnd(20) +
    [...builds, 'TS engine'].map((b) => `${b} steps/s (GFLOP/s)`.padEnd(28)).join(''),
);
for (const hidden of NETWORKS) {
  const sizes = [1, ...hidden, 1];
  const flops = 6 * N * sizes.slice(1).reduce((s, out, l) => s + sizes[l]! * out, 0);
  const cells: string[] = [];
  const cell = (rate: number) =>
    `${rate.toFixed(1)} (${((rate * flops) / 1e9).toFixed(1)})`.padEnd(28);
  for (const build of builds) {
    const runner = await denseNetRunner(
      build,
      createHiddenNetwork(hidden, 'relu', new NumpyRandom(3), 'he'),
      x,
      y,
    );
    cells.push(cell(stepsPerSecond(() => runner.step(lr))));
  }
  const engine = new TsEngine(
    createHiddenNetwork(hidden, 'relu', new NumpyRandom(3), 'he'),
    { x, y },
    new Float32Array(4),
  );
  const loss = new Float32Array(1);
  cells.push(cell(stepsPerSecond(() => engine.step(lr, loss, 0))));
  console.log(`1 -> ${hidden[0]} x ${hidden.length} -> 1`.padEnd(20) + cells.join(''));
}
console.log(
  `load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} (other processes slow every figure)`,
);
