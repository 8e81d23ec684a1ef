/**
 * Micro-measurement of the generated dense forward (scripts/kernel/dense.mjs) against a
 * plain TypeScript float32 loop and the relaxed multiply-add ceiling, in GFLOP/s counted as
 * 2·N·K·J per call (padding not counted). Run with relaxed SIMD on, e.g. on Node 20:
 *   node --experimental-wasm-relaxed-simd --import tsx bench/dense.ts
 * A measurement of one brick of issue #21 (docs/kernel-deep.md), not part of `npm run bench`.
 */
import { denseProblem, type DenseBuild } from '../src/core/kernel/dense.harness';
import { NumpyRandom } from '../src/core/rng';
import { measureCeiling } from './ceiling';
import { relaxedSimdHere } from '../scripts/relaxed-simd.mjs';

const SHAPES = [
  [1000, 64, 64],
  [1000, 256, 256],
  [1000, 1024, 1024],
  [32, 64, 64],
] as const;

/** The plain loop: z = b, then row by row z[i, :] += a[i, k] · w[k, :], all Float32Array. */
function tsForward(
  a: Float32Array,
  w: Float32Array,
  b: Float32Array,
  z: Float32Array,
  n: number,
  inDim: number,
  outDim: number,
): void {
  for (let i = 0; i < n; i++) {
    const row = i * outDim;
    z.set(b, row);
    for (let k = 0; k < inDim; k++) {
      const aik = a[i * inDim + k]!;
      const wr = k * outDim;
      for (let j = 0; j < outDim; j++) z[row + j]! += aik * w[wr + j]!;
    }
  }
}

/** Median GFLOP/s of `fn` over rounds of about 0.2 s each. */
function rate(fn: () => void, flops: number, rounds = 7): number {
  fn();
  let calls = 1;
  for (;;) {
    const t = performance.now();
    for (let c = 0; c < calls; c++) fn();
    const dt = performance.now() - t;
    if (dt > 100) {
      calls = Math.max(1, Math.round((calls * 200) / dt));
      break;
    }
    calls *= 2;
  }
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let c = 0; c < calls; c++) fn();
    rates.push((calls * flops) / ((performance.now() - t) / 1000) / 1e9);
  }
  rates.sort((x, y) => x - y);
  return rates[rounds >> 1]!;
}

const normals = (rng: NumpyRandom, length: number) =>
  Float32Array.from({ length }, () => rng.normal(0, 1));

const builds: DenseBuild[] = relaxedSimdHere() ? ['relaxed', 'simd128'] : ['simd128'];
console.log(
  `ceiling (relaxed madd chains): ${relaxedSimdHere() ? (await measureCeiling(true)).toFixed(1) : 'n/a'} GFLOP/s`,
);
console.log('N     K     J     ' + builds.map((b) => b.padEnd(10)).join('') + 'TS loop');
for (const [n, inDim, outDim] of SHAPES) {
  const rng = new NumpyRandom(1);
  const a = normals(rng, n * inDim);
  const w = normals(rng, inDim * outDim);
  const b = normals(rng, outDim);
  const flops = 2 * n * inDim * outDim;
  const cells: string[] = [];
  for (const build of builds) {
    const problem = await denseProblem(build, a, w, b, n, inDim, outDim);
    cells.push(
      rate(() => problem.run(), flops)
        .toFixed(1)
        .padEnd(10),
    );
  }
  const z = new Float32Array(n * outDim);
  const ts = rate(() => tsForward(a, w, b, z, n, inDim, outDim), flops, 3);
  console.log(
    `${String(n).padEnd(6)}${String(inDim).padEnd(6)}${String(outDim).padEnd(6)}${cells.join('')}${ts.toFixed(2)}`,
  );
}
