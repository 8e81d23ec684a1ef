/**
 * A/B of how many units of k (forward) and samples (weight gradient) the dense kernels write
 * out per loop iteration (K_UNROLL, GRAD_UNROLL in scripts/kernel/): every variant compiled
 * side by side and timed in alternating rounds in one process, so a shared machine's load
 * falls on all alike. GFLOP/s median and max, relaxed build, 2·N·K·J per call:
 *   node --experimental-wasm-relaxed-simd --import tsx bench/denseUnroll.ts [N K J]
 */
import { compileDense, DENSE_BLOCK } from '../scripts/kernel/dense.mjs';
import { seededNormals } from '../src/core/kernel/dense.harness';
import { packPanels, packWeights, padTo, panelLength, PANEL } from '../src/core/kernel/denseLayout';

const [N, K, J] = (process.argv.length > 4 ? process.argv.slice(2) : ['1000', '256', '256']).map(
  Number,
) as [number, number, number];
const ROUNDS = 9;
const ROUND_MS = 50;

const kp = padTo(K, PANEL);
const jp = padTo(J, PANEL);
const blocks = padTo(N, DENSE_BLOCK) / DENSE_BLOCK;
const aLen = panelLength(N, K, DENSE_BLOCK);
const zLen = panelLength(N, J, DENSE_BLOCK);

/** One variant's module on its own memory: A, W, b, Z (dZ for the gradient), G, gb. */
async function variant(kUnroll: number, gradUnroll: number) {
  const bytes = await compileDense({ relaxedMadd: true, kUnroll, gradUnroll });
  // Byte offsets of the regions, one after the other.
  const lengths = [aLen, kp * jp, jp, zLen, kp * jp, jp];
  const at = lengths.map((_, i) => 64 + 4 * lengths.slice(0, i).reduce((a, b) => a + b, 0));
  const [pa, pw, pb, pz, pg, pgb] = at as [number, number, number, number, number, number];
  const memory = new WebAssembly.Memory({ initial: Math.ceil((pgb + jp * 4) / 65536) + 1 });
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  packPanels(seededNormals(1, N * K), N, K, DENSE_BLOCK, new Float32Array(memory.buffer, pa, aLen));
  packWeights(seededNormals(2, K * J), K, J, new Float32Array(memory.buffer, pw, kp * jp));
  packPanels(seededNormals(3, N * J), N, J, DENSE_BLOCK, new Float32Array(memory.buffer, pz, zLen));
  const forward = exports.dense_forward as (...args: number[]) => void;
  const grad = exports.dense_weight_grad as (...args: number[]) => void;
  return {
    forward: () => forward(pa, pw, pb, pz, kp, jp, blocks),
    grad: () => grad(pa, pz, pg, pgb, kp, jp, blocks),
  };
}

const cases: [string, () => void][] = [];
for (const u of [1, 2, 4])
  cases.push([`forward, ${u} unit(s) of k`, (await variant(u, 1)).forward]);
for (const u of [1, 2, 4, 8])
  cases.push([`weight grad, ${u} sample(s)`, (await variant(1, u)).grad]);
const flops = 2 * N * K * J;
const rates = cases.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++)
  cases.forEach(([, run], i) => {
    run();
    const start = performance.now();
    let calls = 0;
    while (performance.now() - start < ROUND_MS) {
      run();
      calls++;
    }
    rates[i]!.push((calls * flops) / ((performance.now() - start) / 1000) / 1e9);
  });
console.log(`N = ${N}, K = ${K}, J = ${J}`);
cases.forEach(([name], i) => {
  const r = rates[i]!.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(28)} ${r[ROUNDS >> 1]!.toFixed(1)} (max ${r[ROUNDS - 1]!.toFixed(1)})`,
  );
});
