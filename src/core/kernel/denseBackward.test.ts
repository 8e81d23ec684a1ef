import { describe, expect, it } from 'vitest';
import { DENSE_BLOCK } from '../../../scripts/kernel/dense.mjs';
import {
  ACTIVATIONS,
  activate,
  activateDerivative,
  multiplyByDerivative,
  type ActivationName,
} from '../activations';
import { seededNormals, type DenseBuild } from './dense.harness';
import { backwardInputProblem } from './denseBackward.harness';
import { padTo, panelIndex, PANEL } from './denseLayout';

const f = Math.fround;
const SIZES = [1, 3, 17, 255];
const EPS = 2 ** -24;

/** What the layer below stores for the backward (denseBackward.mjs): a, or act'(z) itself. */
const storesGrad = (name: ActivationName) => name === 'softplus' || name === 'sine';

function inputs(name: ActivationName, n: number, inDim: number, outDim: number) {
  const seed = n * 1_000_003 + inDim * 1009 + outDim;
  // z of the layer below at scale 3 reaches the saturated ends of tanh, sigmoid and ELU.
  const z = seededNormals(seed, n * inDim, 3);
  const a = z.map((v) => activate(name, v));
  const stored = storesGrad(name) ? z.map((v) => activateDerivative(name, v)) : a;
  return {
    z,
    a,
    stored,
    dz: seededNormals(seed + 1, n * outDim),
    w: seededNormals(seed + 2, inDim * outDim),
  };
}

/**
 * The float32 reference, written as the kernel computes: dA summed over j in order from 0,
 * every product and sum rounded to float32, then act' from the stored value with each
 * operation rounded (denseBackward.mjs's epilogues).
 */
function epilogue32(name: ActivationName, d: number, st: number): number {
  switch (name) {
    case 'none':
      return d;
    case 'relu':
      return st > 0 ? d : 0;
    case 'leaky-relu':
      return st > 0 ? d : f(d * f(0.01));
    case 'elu':
      return st > 0 ? d : f(d * f(st + 1));
    case 'tanh':
      return f(d * f(f(1 - st) * f(1 + st)));
    case 'sigmoid':
      return f(d * f(st * f(1 - st)));
    case 'softplus':
    case 'sine':
      return f(d * st);
  }
}

function dA32(dz: Float32Array, w: Float32Array, n: number, inDim: number, outDim: number) {
  const out = new Float32Array(n * inDim);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < inDim; k++) {
      let s = 0;
      for (let j = 0; j < outDim; j++) s = f(s + f(dz[i * outDim + j]! * w[k * outDim + j]!));
      out[i * inDim + k] = s;
    }
  return out;
}

/** How many entries differ in their bits (a count keeps a failing report short). */
function mismatches(got: Float32Array, want: Float32Array): number {
  let count = 0;
  for (let i = 0; i < got.length; i++) if (!Object.is(got[i], want[i])) count++;
  return count;
}

/** Largest |got - want| / tolerance over all entries (at most 1 passes). */
function worst(got: Float32Array, want: ArrayLike<number>, tol: (i: number) => number): number {
  let ratio = 0;
  for (let i = 0; i < got.length; i++) {
    const err = Math.abs(got[i]! - want[i]!);
    if (err === 0) continue;
    ratio = Math.max(ratio, err / tol(i));
  }
  return ratio;
}

/** (n, inDim, outDim) over the odd sizes, each with an activation taken in turn. */
const CASES = SIZES.flatMap((n) => SIZES.flatMap((k) => SIZES.map((j) => [n, k, j] as const))).map(
  ([n, k, j], i) => [ACTIVATIONS[i % ACTIVATIONS.length]!, n, k, j] as const,
);
const WIDE = [['tanh', 64, 1024, 1024] as const];

describe.each(['simd128', 'relaxed'] as DenseBuild[])('dense_backward_input, %s build', (build) => {
  it.each([...CASES, ...WIDE])(
    '%s below, n = %i, K = %i, J = %i',
    async (name, n, inDim, outDim) => {
      const { z, a, stored, dz, w } = inputs(name, n, inDim, outDim);
      const problem = await backwardInputProblem(build, name, dz, w, stored, n, inDim, outDim);
      problem.run();
      const got = problem.result();

      // Per entry: sum |dz w| (the scale of dA's rounding) and the float64 reference.
      const scale = new Float64Array(n * inDim);
      const dA64 = new Float64Array(n * inDim);
      for (let i = 0; i < n; i++)
        for (let k = 0; k < inDim; k++)
          for (let j = 0; j < outDim; j++) {
            const p = dz[i * outDim + j]! * w[k * outDim + j]!;
            scale[i * inDim + k]! += Math.abs(p);
            dA64[i * inDim + k]! += p;
          }
      const da = dA32(dz, w, n, inDim, outDim);
      const want32 = da.map((d, i) => epilogue32(name, d, stored[i]!));
      if (build === 'simd128') {
        // Same products and sums in the same order, each rounded alike: bit for bit.
        expect(mismatches(got, want32)).toBe(0);
      } else {
        // Fused multiply-adds round once per step: dA within (J + 1) 2⁻²³ sum |dz w| of the
        // unfused sum, scaled by act' (at most 1 here), plus one rounding of the product.
        const deriv = (i: number) => (da[i] === 0 ? 1 : Math.abs(want32[i]! / da[i]!));
        const ratio = worst(
          got,
          want32,
          (i) => (outDim + 1) * 2 * EPS * scale[i]! * deriv(i) + 2 * EPS * Math.abs(want32[i]!),
        );
        expect(ratio).toBeLessThanOrEqual(1);
      }

      // Float64: dA summed exactly enough, act' from z (not the stored value). The kernel's
      // dA is within (J + 1) 2⁻²⁴ sum |dz w| (J + 1 roundings of sums bounded by the scale);
      // its act' within 2⁻²² absolute (the stored value's rounding, 2⁻²⁴ relative, through
      // act' whose slope is at most 2 in magnitude, plus three roundings of values up to 1);
      // then one rounding of the product.
      const want64 = dA64.map((d, i) => d * activateDerivative(name, z[i]!));
      const ratio64 = worst(got, want64, (i) => {
        const errA = (outDim + 1) * EPS * scale[i]!;
        const d1 = Math.abs(activateDerivative(name, z[i]!));
        return (
          errA * (d1 + 4 * EPS) + Math.abs(dA64[i]!) * 4 * EPS + 2 * EPS * Math.abs(want64[i]!)
        );
      });
      expect(ratio64).toBeLessThanOrEqual(1);

      if (build === 'simd128') {
        // The epilogue against the engine's own formula (multiplyByDerivative, float64 then
        // one rounding) on the same dA: equal for none and relu, else within four float32
        // roundings (2⁻²² relative).
        const engine = da.slice();
        multiplyByDerivative(name, z, a, engine, n * inDim);
        if (name === 'none' || name === 'relu') expect(mismatches(got, engine)).toBe(0);
        else
          expect(worst(got, engine, (i) => 4 * EPS * Math.abs(engine[i]!))).toBeLessThanOrEqual(1);
      }

      // Padded units are exactly 0 (zero rows of Wb, zero stored values), as are padded
      // samples (zero dZ); nothing after dZ_prev is written.
      const buffer = problem.outBuffer();
      const kp = padTo(inDim, PANEL);
      let paddedNonzero = 0;
      for (let i = 0; i < padTo(n, DENSE_BLOCK); i++)
        for (let k = 0; k < kp; k++)
          if ((i >= n || k >= inDim) && buffer[panelIndex(i, k, kp, DENSE_BLOCK)] !== 0)
            paddedNonzero++;
      expect(paddedNonzero).toBe(0);
      expect(problem.guardsIntact()).toBe(true);
    },
  );
});
