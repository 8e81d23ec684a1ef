/**
 * Runs the generated dense forward (scripts/kernel/dense.mjs) on row-major inputs: packs A,
 * W and b into one WebAssembly memory in its layout (denseLayout.ts), calls dense_forward
 * and reads Z back. Shared by the dense kernels' tests and measurement; not used by the app.
 */
import { compileDense, DENSE_BLOCK, forwardName } from '../../../scripts/kernel/dense.mjs';
import type { ActivationName } from '../activations';
import { NumpyRandom } from '../rng';
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
  /** act'(z) read back row-major, for the forwards that store it (softplus, sine). */
  gradResult(): Float32Array;
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

/** One instance of the dense module on its own memory, with regions laid out in order. */
export interface DenseMemory {
  /** Byte offset of each region asked for, ALIGN-aligned. */
  readonly at: readonly number[];
  /** A float view of `length` floats from byte `ptr`. */
  readonly view: (ptr: number, length: number) => Float32Array;
  /** An exported kernel function. */
  readonly fn: (name: string) => (...args: number[]) => void;
}

/**
 * Instantiates the `build` module on a fresh memory holding regions of the given float
 * lengths (each followed by GUARD_FLOATS floats a test may fill and check).
 */
export async function denseMemory(
  build: DenseBuild,
  regionFloats: readonly number[],
): Promise<DenseMemory> {
  const at: number[] = [];
  let end = 64;
  for (const length of regionFloats) {
    at.push(end);
    end = padTo(end + (length + GUARD_FLOATS) * 4, ALIGN);
  }
  const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
  const instance = new WebAssembly.Instance(await denseModule(build), { env: { memory } });
  return {
    at,
    view: (ptr, length) => new Float32Array(memory.buffer, ptr, length),
    fn: (name) => {
      const f = instance.exports[name];
      if (typeof f !== 'function') throw new Error(`the dense module has no ${name}`);
      return f as (...args: number[]) => void;
    },
  };
}

/**
 * Lays out Z = A·W + b (a [n][inDim], w [inDim][outDim], b [outDim]) for the kernel, or
 * act(A·W + b) with an activation.
 */
export async function denseProblem(
  build: DenseBuild,
  a: Float32Array,
  w: Float32Array,
  b: Float32Array,
  n: number,
  inDim: number,
  outDim: number,
  activation: ActivationName = 'none',
): Promise<DenseProblem> {
  const kp = padTo(inDim, PANEL);
  const jp = padTo(outDim, PANEL);
  const blocks = padTo(n, DENSE_BLOCK) / DENSE_BLOCK;
  const aLen = panelLength(n, inDim, DENSE_BLOCK);
  const zLen = panelLength(n, outDim, DENSE_BLOCK);
  const mem = await denseMemory(build, [aLen, kp * jp, jp, zLen, zLen]);
  const [pa, pw, pb, pz, pg] = mem.at as [number, number, number, number, number];
  const forward = mem.fn(forwardName(activation));
  packPanels(a, n, inDim, DENSE_BLOCK, mem.view(pa, aLen));
  packWeights(w, inDim, outDim, mem.view(pw, kp * jp));
  mem.view(pb, jp).set(b);
  const guard = mem.view(pz + zLen * 4, GUARD_FLOATS);
  guard.fill(GUARD_VALUE);
  return {
    n,
    inDim,
    outDim,
    // pg (act'(z), for softplus and sine) is ignored by the other forwards.
    run: () => forward(pa, pw, pb, pz, kp, jp, blocks, pg),
    result: () => {
      const out = new Float32Array(n * outDim);
      unpackPanels(mem.view(pz, zLen), n, outDim, DENSE_BLOCK, out);
      return out;
    },
    zBuffer: () => mem.view(pz, zLen),
    gradResult: () => {
      const out = new Float32Array(n * outDim);
      unpackPanels(mem.view(pg, zLen), n, outDim, DENSE_BLOCK, out);
      return out;
    },
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

/** `length` values from N(0, scale²), rounded to float32, from a generator seeded with `seed`. */
export function seededNormals(seed: number, length: number, scale = 1): Float32Array {
  const rng = new NumpyRandom(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.normal(0, scale);
  return out;
}
