/**
 * Micro-measurement of the generated dense kernels (scripts/kernel/dense.mjs): the forward
 * Z = A·W + b, the backward delta dA = dZ·Wᵀ fused with relu's derivative, and the weight
 * gradient G = Aᵀ·dZ (with the bias sums), each in GFLOP/s counted as 2·N·K·J per call
 * (padding not counted), against the relaxed multiply-add ceiling and, for the forward, a
 * plain TypeScript float32 loop. Run with relaxed SIMD on, e.g. on Node 20:
 *   node --experimental-wasm-relaxed-simd --import tsx bench/dense.ts [K ...]
 * where the optional K values keep only the shapes of those widths (brief runs on a shared
 * machine). A measurement of bricks of issue #21 (docs/kernel-deep.md), not `npm run bench`.
 */
import { denseProblem, seededNormals, type DenseBuild } from '../src/core/kernel/dense.harness';
import { backwardInputProblem, weightGradProblem } from '../src/core/kernel/denseBackward.harness';
import { measureCeiling } from './ceiling';
import { relaxedSimdHere } from '../scripts/relaxed-simd.mjs';

const SHAPES = [
  [1000, 64, 64],
  [1000, 256, 256],
  [1000, 1024, 1024],
  [32, 64, 64],
] as const;

/** Rounds per figure and their length: brief, since the machine is shared. */
const ROUNDS = 5;
const ROUND_MS = 100;

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

/** Median GFLOP/s of `fn` over rounds of about ROUND_MS each. */
function rate(fn: () => void, flops: number, rounds = ROUNDS): number {
  fn();
  let calls = 1;
  for (;;) {
    const t = performance.now();
    for (let c = 0; c < calls; c++) fn();
    const dt = performance.now() - t;
    if (dt > ROUND_MS / 2) {
      calls = Math.max(1, Math.round((calls * ROUND_MS) / dt));
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

const widths = process.argv.slice(2).map(Number);
const shapes = SHAPES.filter(([, k]) => widths.length === 0 || widths.includes(k));
const builds: DenseBuild[] = relaxedSimdHere() ? ['relaxed', 'simd128'] : ['simd128'];
console.log(
  `ceiling (relaxed madd chains): ${relaxedSimdHere() ? (await measureCeiling(true)).toFixed(1) : 'n/a'} GFLOP/s`,
);
console.log(
  'N     K     J     kernel            ' + builds.map((b) => b.padEnd(10)).join('') + 'TS loop',
);
for (const [n, inDim, outDim] of shapes) {
  const a = seededNormals(1, n * inDim);
  const w = seededNormals(2, inDim * outDim);
  const b = seededNormals(3, outDim);
  const dz = seededNormals(4, n * outDim);
  const flops = 2 * n * inDim * outDim;
  const kernels = {
    forward: (build: DenseBuild) => denseProblem(build, a, w, b, n, inDim, outDim),
    'delta (relu)': (build: DenseBuild) =>
      backwardInputProblem(build, 'relu', dz, w, a, n, inDim, outDim),
    'weight grad': (build: DenseBuild) => weightGradProblem(build, a, dz, n, inDim, outDim),
  };
  for (const [name, make] of Object.entries(kernels)) {
    const cells: string[] = [];
    for (const build of builds) {
      const problem = await make(build);
      cells.push(
        rate(() => problem.run(), flops)
          .toFixed(1)
          .padEnd(10),
      );
    }
    let ts = '';
    if (name === 'forward') {
      const z = new Float32Array(n * outDim);
      ts = rate(() => tsForward(a, w, b, z, n, inDim, outDim), flops, 3).toFixed(2);
    }
    console.log(
      `${String(n).padEnd(6)}${String(inDim).padEnd(6)}${String(outDim).padEnd(6)}${name.padEnd(18)}${cells.join('')}${ts}`,
    );
  }
}
