/**
 * Runs the generated dense forward (scripts/kernel/dense.mjs) on row-major inputs: packs A,
 * W and b into one WebAssembly memory in its layout (denseLayout.ts), calls dense_forward
 * and reads Z back. Shared by its test and its measurement; not used by the app.
 */
import { compileDense, DENSE_BLOCK } from '../../../scripts/kernel/dense.mjs';
import { packPanels, packWeights, padTo, panelLength, PANEL, unpackPanels } from './denseLayout';

export type DenseBuild = 'simd128' | 'relaxed';

/** Float32 arrays viewing the kernel's memory, and the call that fills z from a, w, b. */
export interface DenseProblem {
  readonly n: number;
  readonly inDim: number;
  readonly outDim: number;
  /** Runs dense_forward over every block once. */
  run(): void;
  /** Z read back row-major [n][outDim]. */
  result(): Float32Array;
  /** Every float of Z's buffer, padding included, and the guard floats after it. */
  zBuffer(): Float32Array;
  readonly guard: Float32Array;
}

const ALIGN = 16;
/** Floats after Z's buffer that the kernel must leave alone. */
export const GUARD_FLOATS = 64;
export const GUARD_VALUE = 12345.5;

const modules = new Map<DenseBuild, WebAssembly.Module>();

async function denseModule(build: DenseBuild): Promise<WebAssembly.Module> {
  let module = modules.get(build);
  if (!module) {
    module = new WebAssembly.Module(await compileDense({ relaxedMadd: build === 'relaxed' }));
    modules.set(build, module);
  }
  return module;
}

/** Lays out Z = A·W + b (a [n][inDim], w [inDim][outDim], b [outDim]) for the kernel. */
export async function denseProblem(
  build: DenseBuild,
  a: Float32Array,
  w: Float32Array,
  b: Float32Array,
  n: number,
  inDim: number,
  outDim: number,
): Promise<DenseProblem> {
  const kp = padTo(inDim, PANEL);
  const jp = padTo(outDim, PANEL);
  const blocks = padTo(n, DENSE_BLOCK) / DENSE_BLOCK;
  const aLen = panelLength(n, inDim, DENSE_BLOCK);
  const zLen = panelLength(n, outDim, DENSE_BLOCK);
  const pa = 64;
  const pw = padTo(pa + aLen * 4, ALIGN);
  const pb = padTo(pw + kp * jp * 4, ALIGN);
  const pz = padTo(pb + jp * 4, ALIGN);
  const end = pz + (zLen + GUARD_FLOATS) * 4;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
  const instance = new WebAssembly.Instance(await denseModule(build), { env: { memory } });
  const forward = instance.exports.dense_forward as (...args: number[]) => void;
  const view = (ptr: number, length: number) => new Float32Array(memory.buffer, ptr, length);
  packPanels(a, n, inDim, DENSE_BLOCK, view(pa, aLen));
  packWeights(w, inDim, outDim, view(pw, kp * jp));
  view(pb, jp).set(b);
  const guard = view(pz + zLen * 4, GUARD_FLOATS);
  guard.fill(GUARD_VALUE);
  return {
    n,
    inDim,
    outDim,
    run: () => forward(pa, pw, pb, pz, kp, jp, blocks),
    result: () => {
      const out = new Float32Array(n * outDim);
      unpackPanels(view(pz, zLen), n, outDim, DENSE_BLOCK, out);
      return out;
    },
    zBuffer: () => view(pz, zLen),
    guard,
  };
}

/**
 * The plain TypeScript float32 reference: z = b, then z += a·w in order of k, each product
 * and each sum rounded to float32 (what the SIMD128 build computes, lane by lane).
 */
export function denseReference(
  a: Float32Array,
  w: Float32Array,
  b: Float32Array,
  n: number,
  inDim: number,
  outDim: number,
  out: Float32Array = new Float32Array(n * outDim),
): Float32Array {
  const f = Math.fround;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < outDim; j++) {
      let z = b[j]!;
      for (let k = 0; k < inDim; k++) z = f(z + f(a[i * inDim + k]! * w[k * outDim + j]!));
      out[i * outDim + j] = z;
    }
  return out;
}
