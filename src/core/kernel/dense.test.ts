import { describe, expect, it } from 'vitest';
import {
  backwardInputName,
  DENSE_BLOCK,
  forwardName,
  generateDenseWat,
  GRAD_PANELS,
  GRAD_UNROLL,
  K_UNROLL,
  TILE_PANELS,
  TILE_SAMPLES,
  updateName,
} from '../../../scripts/kernel/dense.mjs';
import { OPTIMIZERS } from '../trainingOptions';
import {
  ACTIVATIONS,
  activate,
  activateDerivative,
  applyActivation,
  type ActivationName,
} from '../activations';
import { NumpyRandom } from '../rng';
import { denseProblem, denseReference, GUARD_VALUE, type DenseBuild } from './dense.harness';
import { padTo, panelIndex, PANEL } from './denseLayout';

const SIZES = [1, 3, 17, 255];

/** Values drawn from N(0, 1), rounded to float32, from a seeded generator. */
function normals(rng: NumpyRandom, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.normal(0, 1);
  return out;
}

function inputs(n: number, inDim: number, outDim: number) {
  const rng = new NumpyRandom(n * 1_000_003 + inDim * 1009 + outDim);
  return {
    a: normals(rng, n * inDim),
    w: normals(rng, inDim * outDim),
    b: normals(rng, outDim),
  };
}

/** Every (n, inDim, outDim) over the odd sizes. */
const CASES = SIZES.flatMap((n) => SIZES.flatMap((k) => SIZES.map((j) => [n, k, j] as const)));

describe.each(['simd128', 'relaxed'] as DenseBuild[])('dense_forward, %s build', (build) => {
  it.each(CASES)('Z = A·W + b at n = %i, K = %i, J = %i', async (n, inDim, outDim) => {
    const { a, w, b } = inputs(n, inDim, outDim);
    const problem = await denseProblem(build, a, w, b, n, inDim, outDim);
    problem.run();
    const got = problem.result();
    const want = denseReference(a, w, b, n, inDim, outDim);
    if (build === 'simd128') {
      // Same products, same order, each rounded as the reference rounds it: bit for bit.
      expect(got).toEqual(want);
    } else {
      // Fused multiply-adds round once per step instead of twice: each of the K steps may
      // differ by half an ulp of its running sum, bounded through |b| + sum |a w|.
      for (let i = 0; i < n; i++)
        for (let j = 0; j < outDim; j++) {
          let scale = Math.abs(b[j]!);
          for (let k = 0; k < inDim; k++) scale += Math.abs(a[i * inDim + k]! * w[k * outDim + j]!);
          const at = i * outDim + j;
          expect(Math.abs(got[at]! - want[at]!)).toBeLessThanOrEqual(
            (inDim + 1) * 2 ** -23 * scale,
          );
        }
    }
    // Padded units hold exactly 0 (zero weights, zero bias), padded samples (A = 0) exactly
    // b; nothing past Z is written.
    const z = problem.zBuffer();
    const jp = padTo(outDim, PANEL);
    for (let i = 0; i < padTo(n, DENSE_BLOCK); i++)
      for (let j = 0; j < jp; j++) {
        const padded = j >= outDim ? 0 : i >= n ? b[j] : undefined;
        if (padded !== undefined) expect(z[panelIndex(i, j, jp, DENSE_BLOCK)]).toBe(padded);
      }
    expect([...problem.guard].every((v) => v === GUARD_VALUE)).toBe(true);
  });
});

it('the relaxed text differs from the plain one only by fusing multiply-adds', () => {
  const plain = generateDenseWat();
  const relaxed = generateDenseWat({ relaxedMadd: true });
  expect(plain).not.toContain('relaxed');
  const fusedIn = (text: string) => text.match(/f32x4\.relaxed_madd/g)?.length ?? 0;
  const fused = fusedIn(relaxed);
  const count = (text: string, op: string) => text.split(op).length - 1;
  expect(count(plain, 'f32x4.mul ') - count(relaxed, 'f32x4.mul ')).toBe(fused);
  expect(count(plain, 'f32x4.add ') - count(relaxed, 'f32x4.add ')).toBe(fused);
  // Per function: the product tile has one madd per (sample, panel, unit of k written out:
  // K_UNROLL), for the full tile and each smaller tile of the last panels; the weight
  // gradient one per (unrolled sample, unit of the A panel, dZ panel), for tiles of
  // 1 .. GRAD_PANELS panels, with and without the bias sums. The forwards with an
  // activation add the snippets' own (polynomials), the backward deltas none.
  const product = TILE_SAMPLES * K_UNROLL * ((TILE_PANELS * (TILE_PANELS + 1)) / 2);
  const grad = GRAD_UNROLL * 4 * (GRAD_PANELS * (GRAD_PANELS + 1));
  const funcs = new Map(
    relaxed
      .split(/\(func \$\S+ \(export "/)
      .slice(1)
      .map((text) => [text.slice(0, text.indexOf('"')), fusedIn(text)] as const),
  );
  expect(funcs.get('dense_forward')).toBe(product);
  expect(funcs.get('dense_weight_grad')).toBe(grad);
  for (const name of ACTIVATIONS) {
    expect(funcs.get(backwardInputName(name))).toBe(product);
    expect(funcs.get(forwardName(name))).toBeGreaterThanOrEqual(product);
  }
  // The updates are unfused in both builds (the same bits in each).
  for (const optimizer of OPTIMIZERS)
    for (const penalized of [false, true])
      expect(funcs.get(updateName(optimizer, penalized))).toBe(0);
  expect(funcs.get('dense_transpose')).toBe(0);
  expect(funcs.size).toBe(2 * ACTIVATIONS.length + 2 + 2 * OPTIMIZERS.length);
});

/**
 * How far the forward's activation may be from the core's applyActivation on the same z:
 * relu exactly; leaky ReLU one rounding (its slope in float32); the smooth ones the main
 * kernel's approximations, bounded in approximations.test.ts (absolute near 0, a few ulp
 * relative beyond), taken here as 1e-6 absolute plus 16 ulp relative; sigmoid's a = 1/2 + t/2
 * keeps tanh's absolute error, so it is absolute only.
 */
function forwardTolerance(name: ActivationName, want: number): number {
  if (name === 'relu') return 0;
  if (name === 'leaky-relu') return 2 ** -23 * Math.abs(want);
  return 1e-6 + 16 * 2 ** -23 * Math.abs(want);
}

describe.each(['simd128', 'relaxed'] as DenseBuild[])(
  'dense_forward with act, %s build',
  (build) => {
    it.each(
      ACTIVATIONS.filter((name) => name !== 'none').flatMap((name) => [
        [name, 17, 3, 255] as const,
        [name, 255, 17, 17] as const,
      ]),
    )(
      'A = %s(A·W + b) at n = %i, K = %i, J = %i as the core computes it',
      async (name, n, inDim, outDim) => {
        const { a, w, b } = inputs(n, inDim, outDim);
        const plain = await denseProblem(build, a, w, b, n, inDim, outDim);
        plain.run();
        const z = plain.result();
        const problem = await denseProblem(build, a, w, b, n, inDim, outDim, name);
        problem.run();
        const got = problem.result();
        const want = new Float32Array(z.length);
        applyActivation(name, z, want, z.length);
        let off = 0;
        for (let i = 0; i < z.length; i++) {
          const exact = name === 'relu' && !Object.is(got[i], want[i]);
          if (exact || !(Math.abs(got[i]! - want[i]!) <= forwardTolerance(name, want[i]!))) off++;
        }
        expect(off).toBe(0);
        if (name === 'softplus' || name === 'sine') {
          // The stored act'(z) (sigmoid z, cos z) at the same tolerance.
          const g = problem.gradResult();
          let gOff = 0;
          for (let i = 0; i < z.length; i++) {
            const d = activateDerivative(name, z[i]!);
            if (!(Math.abs(g[i]! - d) <= forwardTolerance(name, d))) gOff++;
          }
          expect(gOff).toBe(0);
        }
        // Padded units: act(0) where act(0) is not 0 (sigmoid, softplus) is what the layout's
        // padding holds; the next layer's zero weight rows for them make it harmless.
        const buffer = problem.zBuffer();
        const jp = padTo(outDim, PANEL);
        let padded = 0;
        for (let i = 0; i < n; i++)
          for (let j = outDim; j < jp; j++) {
            const v = buffer[panelIndex(i, j, jp, DENSE_BLOCK)]!;
            if (!(Math.abs(v - activate(name, 0)) <= forwardTolerance(name, activate(name, 0))))
              padded++;
          }
        expect(padded).toBe(0);
      },
    );
  },
);

it('has a backward delta for every activation of the TypeScript core', () => {
  const text = generateDenseWat();
  for (const name of ACTIVATIONS) expect(text).toContain(`"${backwardInputName(name)}"`);
});
