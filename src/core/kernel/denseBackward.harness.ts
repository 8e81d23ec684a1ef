/**
 * Runs the generated dense backward kernels (scripts/kernel/denseBackward.mjs, denseGrad.mjs)
 * on row-major inputs, laid out as denseLayout.ts packs them in one WebAssembly memory each.
 * Shared by their tests, the gradient check and the measurement; not used by the app.
 */
import { backwardInputName, DENSE_BLOCK } from '../../../scripts/kernel/dense.mjs';
import type { ActivationName } from '../activations';
import { denseMemory, GUARD_FLOATS, GUARD_VALUE, type DenseBuild } from './dense.harness';
import {
  packPanels,
  packWeights,
  padTo,
  panelLength,
  PANEL,
  transposed,
  unpackPanels,
  unpackWeights,
} from './denseLayout';

/** A kernel call laid out once: run it, read the results and the guards after them. */
export interface KernelProblem<Result> {
  run(): void;
  result(): Result;
  /** True when every guard float after every output is untouched. */
  guardsIntact(): boolean;
  /** Every float of the first output's buffer, padding included. */
  outBuffer(): Float32Array;
}

/** Fills the guard floats after each output region, and tells whether they are intact. */
function guards(view: (ptr: number, length: number) => Float32Array, ends: number[]) {
  const regions = ends.map((end) => view(end, GUARD_FLOATS));
  for (const g of regions) g.fill(GUARD_VALUE);
  return () => regions.every((g) => g.every((v) => v === GUARD_VALUE));
}

/**
 * dZ_prev = (dZ · Wᵀ) ⊙ act'(stored) for the layer w [inDim][outDim] (as core/network.ts
 * keeps it): dz [n][outDim], stored [n][inDim] (the layer below's a, or act'(z) itself for
 * softplus and sine: see denseBackward.mjs). The result is [n][inDim].
 */
export async function backwardInputProblem(
  build: DenseBuild,
  activation: ActivationName,
  dz: Float32Array,
  w: Float32Array,
  stored: Float32Array,
  n: number,
  inDim: number,
  outDim: number,
): Promise<KernelProblem<Float32Array>> {
  const kp = padTo(inDim, PANEL);
  const jp = padTo(outDim, PANEL);
  const blocks = padTo(n, DENSE_BLOCK) / DENSE_BLOCK;
  const dzLen = panelLength(n, outDim, DENSE_BLOCK);
  const daLen = panelLength(n, inDim, DENSE_BLOCK);
  const mem = await denseMemory(build, [dzLen, kp * jp, daLen, daLen]);
  const [pdz, pwb, ps, pda] = mem.at as [number, number, number, number];
  const backward = mem.fn(backwardInputName(activation));
  packPanels(dz, n, outDim, DENSE_BLOCK, mem.view(pdz, dzLen));
  // Wb: Wᵀ [outDim][inDim] as input panels, the forward's packing of the transpose.
  packWeights(transposed(w, inDim, outDim), outDim, inDim, mem.view(pwb, kp * jp));
  packPanels(stored, n, inDim, DENSE_BLOCK, mem.view(ps, daLen));
  const intact = guards(mem.view, [pda + daLen * 4]);
  return {
    run: () => backward(pdz, pwb, ps, pda, jp, kp, blocks),
    result: () => {
      const out = new Float32Array(n * inDim);
      unpackPanels(mem.view(pda, daLen), n, inDim, DENSE_BLOCK, out);
      return out;
    },
    guardsIntact: intact,
    outBuffer: () => mem.view(pda, daLen),
  };
}

/** Summed gradients of one layer: gw [inDim][outDim] and gb [outDim]. */
export interface WeightGrads {
  readonly gw: Float32Array;
  readonly gb: Float32Array;
}

/**
 * gw = Aᵀ · dZ and gb = Σ_n dZ[n, :] from a [n][inDim] and dz [n][outDim]. The gradient
 * buffers start full of NaN: the kernel writes them, it does not add to them.
 */
export async function weightGradProblem(
  build: DenseBuild,
  a: Float32Array,
  dz: Float32Array,
  n: number,
  inDim: number,
  outDim: number,
): Promise<KernelProblem<WeightGrads>> {
  const kp = padTo(inDim, PANEL);
  const jp = padTo(outDim, PANEL);
  const blocks = padTo(n, DENSE_BLOCK) / DENSE_BLOCK;
  const aLen = panelLength(n, inDim, DENSE_BLOCK);
  const dzLen = panelLength(n, outDim, DENSE_BLOCK);
  const mem = await denseMemory(build, [aLen, dzLen, kp * jp, jp]);
  const [pa, pdz, pg, pgb] = mem.at as [number, number, number, number];
  const grad = mem.fn('dense_weight_grad');
  packPanels(a, n, inDim, DENSE_BLOCK, mem.view(pa, aLen));
  packPanels(dz, n, outDim, DENSE_BLOCK, mem.view(pdz, dzLen));
  mem.view(pg, kp * jp).fill(NaN);
  mem.view(pgb, jp).fill(NaN);
  const intact = guards(mem.view, [pg + kp * jp * 4, pgb + jp * 4]);
  return {
    run: () => grad(pa, pdz, pg, pgb, kp, jp, blocks),
    result: () => {
      const gw = new Float32Array(inDim * outDim);
      unpackWeights(mem.view(pg, kp * jp), inDim, outDim, gw);
      return { gw, gb: mem.view(pgb, outDim).slice() };
    },
    guardsIntact: intact,
    outBuffer: () => mem.view(pg, kp * jp),
  };
}
