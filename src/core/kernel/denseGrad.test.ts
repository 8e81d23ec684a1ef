import { describe, expect, it } from 'vitest';
import { seededNormals, type DenseBuild } from './dense.harness';
import { weightGradProblem } from './denseBackward.harness';
import { padTo, PANEL } from './denseLayout';

const f = Math.fround;
const SIZES = [1, 3, 17, 255];
const EPS = 2 ** -24;

/** Largest |got - want| / tolerance over all entries (at most 1 passes). */
function worst(got: Float32Array, want: ArrayLike<number>, tol: (i: number) => number): number {
  let ratio = 0;
  for (let i = 0; i < got.length; i++) {
    const err = Math.abs(got[i]! - want[i]!);
    if (err !== 0) ratio = Math.max(ratio, err / tol(i));
  }
  return ratio;
}

function mismatches(got: Float32Array, want: Float32Array): number {
  let count = 0;
  for (let i = 0; i < got.length; i++) if (!Object.is(got[i], want[i])) count++;
  return count;
}

/** Every (n, inDim, outDim) over the odd sizes, one 1024-wide layer, and a longer batch. */
const CASES = [
  ...SIZES.flatMap((n) => SIZES.flatMap((k) => SIZES.map((j) => [n, k, j] as const))),
  [64, 1024, 1024] as const,
  [1000, 17, 9] as const,
];

describe.each(['simd128', 'relaxed'] as DenseBuild[])('dense_weight_grad, %s build', (build) => {
  it.each(CASES)('gw = Aᵀ dZ, gb = Σ dZ at n = %i, K = %i, J = %i', async (n, inDim, outDim) => {
    const seed = n * 1_000_003 + inDim * 1009 + outDim;
    const a = seededNormals(seed, n * inDim);
    const dz = seededNormals(seed + 1, n * outDim);
    const problem = await weightGradProblem(build, a, dz, n, inDim, outDim);
    problem.run();
    const { gw, gb } = problem.result();

    // The float32 reference, as the kernel sums: over samples in order from 0, each
    // product and each sum rounded to float32; and the float64 sums with sum |a dz|.
    const gw32 = new Float32Array(inDim * outDim);
    const gw64 = new Float64Array(inDim * outDim);
    const scale = new Float64Array(inDim * outDim);
    for (let k = 0; k < inDim; k++)
      for (let j = 0; j < outDim; j++) {
        let s32 = 0;
        for (let i = 0; i < n; i++) {
          const p = a[i * inDim + k]! * dz[i * outDim + j]!;
          s32 = f(s32 + f(p));
          gw64[k * outDim + j]! += p;
          scale[k * outDim + j]! += Math.abs(p);
        }
        gw32[k * outDim + j] = s32;
      }
    const gb32 = new Float32Array(outDim);
    const gb64 = new Float64Array(outDim);
    const bscale = new Float64Array(outDim);
    for (let j = 0; j < outDim; j++)
      for (let i = 0; i < n; i++) {
        const d = dz[i * outDim + j]!;
        gb32[j] = f(gb32[j]! + d);
        gb64[j]! += d;
        bscale[j]! += Math.abs(d);
      }

    // The bias sums are plain adds in both builds: bit for bit with the float32 reference.
    expect(mismatches(gb, gb32)).toBe(0);
    if (build === 'simd128') expect(mismatches(gw, gw32)).toBe(0);
    // Fused, each of the n steps may differ by half an ulp of its running sum.
    else expect(worst(gw, gw32, (i) => (n + 1) * 2 * EPS * scale[i]!)).toBeLessThanOrEqual(1);
    // Float64: n + 1 roundings (products and sums), each within 2⁻²⁴ of a value bounded
    // by sum |a dz| (or sum |dz| for the biases).
    expect(worst(gw, gw64, (i) => (n + 1) * EPS * scale[i]!)).toBeLessThanOrEqual(1);
    expect(worst(gb, gb64, (j) => n * EPS * bscale[j]!)).toBeLessThanOrEqual(1);

    // The padding of G (units past K or J) is exactly 0, and nothing after G or gb changes.
    const buffer = problem.outBuffer();
    const kp = padTo(inDim, PANEL);
    let paddedNonzero = 0;
    for (let q = 0; q < padTo(outDim, PANEL); q++)
      for (let k = 0; k < kp; k++)
        if (
          (k >= inDim || q >= outDim) &&
          buffer[(Math.floor(q / PANEL) * kp + k) * PANEL + (q % PANEL)] !== 0
        )
          paddedNonzero++;
    expect(paddedNonzero).toBe(0);
    expect(problem.guardsIntact()).toBe(true);
  });
});
