import { describe, it, expect } from 'vitest';
import { activate, type ActivationName } from '../activations';
import { FusedKernel } from './fusedKernel';
import { kernelModule, type KernelBuild } from './wasmRuntime';

/** The kernel's activation at each x: a 1 -> 1 -> 1 network with w1 = w2 = 1, zero biases. */
function kernelActivation(
  build: KernelBuild,
  name: ActivationName,
  xs: Float32Array,
): Float32Array {
  const k = new FusedKernel(
    Float32Array.of(0),
    Float32Array.of(0),
    1,
    name,
    xs,
    kernelModule(build),
  );
  k.w1[0] = 1;
  k.b1[0] = 0;
  k.w2[0] = 1;
  k.b2[0] = 0;
  const out = new Float32Array(xs.length);
  k.curve(out);
  return out;
}

/** Dense over [-30, 30] (both tails saturate in float32 well inside), plus special points. */
const XS = Float32Array.from([
  ...Array.from({ length: 240_001 }, (_, i) => -30 + i / 4000),
  0,
  -0,
  1e-30,
  -1e-30,
  1e-36,
  -1e-36,
  1e-8,
  7.9,
  7.90531,
  9,
  88,
  -88,
  1e30,
  -1e30,
]);

/** Float32 spacing just below 1 (one ulp of results in [0.5, 1)). */
const ULP1 = 2 ** -24;
/** Smallest normal float32: below it results are denormal (or flushed to zero). */
const MIN_NORMAL = 2 ** -126;

/**
 * The kernel's stored derivative act'(z) at each z: one sample x = 1, units with w1 = 0,
 * b1 = z and w2 = 1, so gb1[j] = w2 d act'(z_j) and gb2 = d (float64 sum demoted); a step
 * with rate 0 leaves the parameters alone. b2 = 1e6 keeps d = -2 o far from 0 and d act'
 * a normal float32. Costs one float32 rounding of d act' (2^-24 relative).
 */
function kernelDerivative(
  build: KernelBuild,
  name: ActivationName,
  zs: Float32Array,
): Float64Array {
  const units = 4096;
  const out = new Float64Array(zs.length);
  for (let start = 0; start < zs.length; start += units) {
    const chunk = zs.subarray(start, start + units);
    const k = new FusedKernel(
      Float32Array.of(1),
      Float32Array.of(0),
      chunk.length,
      name,
      Float32Array.of(0),
      kernelModule(build),
    );
    k.w1.fill(0);
    k.b1.set(chunk);
    k.w2.fill(1);
    k.b2[0] = 1e6;
    k.step(0);
    const d = k.gb2[0]!;
    expect(d).not.toBe(0);
    chunk.forEach((_, j) => (out[start + j] = k.gb1[j]! / d));
  }
  return out;
}

/** Largest absolute error, and relative error where |want| >= relFrom, of got against f in float64. */
function errors(
  xs: Float32Array,
  got: ArrayLike<number>,
  f: (x: number) => number,
  relFrom: number,
) {
  let abs = 0;
  let rel = 0;
  xs.forEach((x, i) => {
    const want = f(x);
    const err = Math.abs(got[i]! - want);
    abs = Math.max(abs, err);
    if (Math.abs(want) >= relFrom) rel = Math.max(rel, err / Math.abs(want));
  });
  return { abs, rel };
}

const dense = (lo: number, hi: number, perUnit: number) =>
  Float32Array.from({ length: Math.round((hi - lo) * perUnit) + 1 }, (_, i) => lo + i / perUnit);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

// Both builds of the kernel: the relaxed one fuses Horner's multiply-adds where the CPU has
// FMA (as most x64 CPUs do), so its rounding differs from the plain SIMD128 build's.
const BUILDS: KernelBuild[] = ['relaxed', 'simd128'];

describe.each(BUILDS)('%s kernel build', (build) => {
  // float32 spacing just below 1 is 6e-8: rounding the exact value to float32 alone costs up
  // to 3e-8 there. The kernel's rational (scripts/kernel/fit_tanh.py), evaluated in float32
  // with Horner's rule: we observe at most 2.9e-7 absolute and 4.8 ulp relative (tanh; 2.7e-7
  // and 4.4 ulp with the relaxed build's fused multiply-adds), and 1.7e-7 absolute (sigmoid,
  // as 1/2 + tanh(z/2)/2).
  // Relative error is also bounded where the value is not tiny: tanh everywhere (it is
  // x P(x^2) / Q(x^2), accurate near 0 too); sigmoid only above 0.25, since 1/2 + t/2
  // cancels in the left tail (absolute error stays ~6e-8 there, which is what a float32 sum
  // of a w2 over the hidden layer can resolve anyway).
  describe.each([
    ['tanh', 4e-7, 0],
    ['sigmoid', 2.5e-7, 0.25],
  ] as const)('%s approximation', (name, absTol, relFrom) => {
    it(`stays within ${absTol} of the exact function (float64 Math) everywhere`, () => {
      const got = kernelActivation(build, name, XS);
      let worst = 0;
      let worstRel = 0;
      XS.forEach((x, i) => {
        const want = activate(name, x);
        const err = Math.abs(got[i]! - want);
        worst = Math.max(worst, err);
        if (Math.abs(want) > relFrom && want !== 0)
          worstRel = Math.max(worstRel, err / Math.abs(want));
      });
      expect(worst).toBeLessThan(absTol);
      // A few float32 ulp (2^-24 ~ 6e-8) relative.
      expect(worstRel).toBeLessThan(8 * 2 ** -24);
      expect(got.every(Number.isFinite)).toBe(true);
    });

    it('is odd/symmetric and saturates exactly', () => {
      const got = kernelActivation(build, name, Float32Array.of(-1e30, -30, 30, 1e30, 0.5, -0.5));
      const [lo, lo30, hi30, hi] = got;
      expect(hi).toBe(1);
      expect(hi30).toBe(1);
      expect(name === 'tanh' ? lo : lo! + 0).toBe(name === 'tanh' ? -1 : 0);
      expect(lo30).toBe(name === 'tanh' ? -1 : 0);
      if (name === 'tanh') expect(got[4]).toBe(-got[5]!);
      else expect(got[4]! + got[5]!).toBeCloseTo(1, 7);
    });
  });

  it('relu and none are exact', () => {
    const xs = Float32Array.from([-3, -1e-20, 0, 1e-20, 0.37, 5]);
    for (const name of ['relu', 'none'] as const) {
      expect(Array.from(kernelActivation(build, name, xs))).toEqual(
        Array.from(xs, (x) => Math.fround(activate(name, x)) + 0),
      );
    }
  });

  it('leaky relu is exact up to the float32 product slope * z', () => {
    const xs = Float32Array.from([-3, -1e-20, 0, 1e-20, 0.37, 5, -0.25]);
    expect(Array.from(kernelActivation(build, 'leaky-relu', xs))).toEqual(
      Array.from(xs, (x) => (x > 0 ? x : Math.fround(Math.fround(0.01) * x)) + 0),
    );
  });

  // ELU below 0 is 2t / (1 - t) with the tanh approximation t = tanh(z/2): 1 - t is in [1, 2),
  // so the tanh error (2.9e-7 absolute) passes through without cancellation; observed 1.8e-7.
  it('elu stays within 5e-7 of the exact function, is exact above 0, and tends to -1', () => {
    const got = kernelActivation(build, 'elu', XS);
    let worst = 0;
    let inexactAbove = 0;
    XS.forEach((x, i) => {
      worst = Math.max(worst, Math.abs(got[i]! - activate('elu', x)));
      if (x > 0 && got[i] !== x) inexactAbove++;
    });
    expect(inexactAbove).toBe(0);
    expect(worst).toBeLessThan(5e-7);
    expect(got.every(Number.isFinite)).toBe(true);
    expect(kernelActivation(build, 'elu', Float32Array.of(-30, -1e30))[0]).toBe(-1);
  });

  // softplus = max(z, 0) + log1p(t), t = e^-|z| (exp: Cody-Waite ln 2, degree-6 polynomial,
  // 2^n from the exponent bits; log1p: 2 atanh(t / (2 + t)), degree-9 odd polynomial).
  // Observed: at most 3.3 float32 ulp relative (2.0e-7, near z = -3.9, where exp's and
  // log1p's roundings add up) over every value that is a normal float32; e^z below 2^-126.5
  // (z < -87.68) flushes to 0, at most 8.3e-39 away from the true value.
  describe('softplus approximation', () => {
    const xs = Float32Array.from([...dense(-100, 100, 2000), ...XS]);

    it('is within 4 ulp relative of ln(1 + e^z) (float64 Math) wherever the value is a normal float32', () => {
      const got = kernelActivation(build, 'softplus', xs);
      const { rel } = errors(xs, got, (x) => activate('softplus', x), MIN_NORMAL);
      expect(rel).toBeLessThan(4 * ULP1);
      expect(rel).toBeGreaterThan(0); // an approximation, not a copy of the reference
      xs.forEach((x, i) => {
        if (activate('softplus', x) < MIN_NORMAL)
          expect(Math.abs(got[i]! - activate('softplus', x))).toBeLessThan(MIN_NORMAL);
      });
      expect(got.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    });

    it('gets the special points right: ln 2 at +-0, z for large z, 0 far below', () => {
      const got = kernelActivation(
        build,
        'softplus',
        Float32Array.of(0, -0, 1e-30, -1e-30, 20, 88, 1e30, -88, -100, -1e30, -87.5),
      );
      expect(got[0]).toBe(Math.fround(Math.LN2));
      expect(got[1]).toBe(Math.fround(Math.LN2));
      expect(got[2]).toBe(Math.fround(Math.LN2));
      expect(got[3]).toBe(Math.fround(Math.LN2));
      expect(got[4]).toBe(20); // 20 + 2e-9 rounds to 20 in float32
      expect(got[5]).toBe(88);
      expect(got[6]).toBe(Math.fround(1e30));
      expect(Array.from(got.subarray(7, 10))).toEqual([0, 0, 0]);
      // Just above the flush: a denormal, as e^z rounded to float32.
      expect(Math.abs(got[10]! - Math.exp(-87.5))).toBeLessThan(2 ** -140);
    });

    // sigmoid(z) = (z > 0 ? 1 : t) / (1 + t) with the same t, stored by the forward pass.
    // Observed over [-100, 100] in steps of 1/2000, with the extraction's own rounding:
    // at most 1.17e-7 absolute (2.0 ulp of 1) and 3.4 ulp relative (normal values).
    it('stores sigmoid(z) as its derivative, within 3 ulp of 1 absolute and 5 ulp relative', () => {
      const zs = dense(-100, 100, 500);
      const { abs, rel } = errors(zs, kernelDerivative(build, 'softplus', zs), sigmoid, MIN_NORMAL);
      expect(abs).toBeLessThan(3 * ULP1);
      expect(rel).toBeLessThan(5 * ULP1);
    });
  });

  // sin z: z clamped to +-8192, z = j pi/2 + r with a three-part pi/2 (j pi/2's first two
  // parts exact for |j| < 2^13), sin and cos of r by polynomials (degrees 7 and 8), the
  // quadrant j mod 4 choosing and signing them. Observed over [-100, 100] (800,001 points):
  // at most 8.9e-8 absolute (1.5 ulp of values near 1), the float32 rounding of r and of the
  // result; relative error grows only where sin z is near 0 (the reduction's absolute error
  // ~3e-8 over a tiny value), so it is bounded where |sin z| >= 1/64.
  describe('sine approximation', () => {
    const xs = Float32Array.from([
      ...dense(-100, 100, 4000),
      0,
      -0,
      1e-30,
      -1e-30,
      1e-8,
      Math.PI,
      Math.PI / 2,
    ]);

    it('is within 2 ulp of 1 (absolute) of Math.sin over [-100, 100]', () => {
      const { abs, rel } = errors(xs, kernelActivation(build, 'sine', xs), Math.sin, 1 / 64);
      expect(abs).toBeLessThan(2 * ULP1);
      expect(abs).toBeGreaterThan(0);
      expect(rel).toBeLessThan(4 * ULP1);
    });

    it('is exact at 0, -0 and tiny inputs, stays accurate to the clamp at +-8192, and in [-1, 1] beyond', () => {
      const got = kernelActivation(
        build,
        'sine',
        Float32Array.of(0, -0, 1e-30, -1e-8, 8192, -8191.5, 5000.25, 1e30, -1e30, 3e38),
      );
      // sin(-0) = -0 becomes +0 in the output sum 0 + a w2, as in the TS core.
      expect(Array.from(got.subarray(0, 2))).toEqual([0, 0]);
      expect(got[2]).toBe(Math.fround(1e-30));
      expect(got[3]).toBe(Math.fround(-1e-8));
      for (const i of [4, 5, 6])
        expect(Math.abs(got[i]! - Math.sin([8192, -8191.5, 5000.25][i - 4]!))).toBeLessThan(
          2 * ULP1,
        );
      // Beyond the clamp the value is sin(+-8192): bounded and finite, not Math.sin's.
      expect(got[7]).toBe(got[4]);
      expect(got[8]).toBe(-got[4]!);
      expect(got[9]).toBe(got[4]);
    });

    // The approximation's own error plus the rounding of d cos z in the extraction: observed
    // at most 1.23e-7 (2.1 ulp of 1).
    it('stores cos(z) as its derivative, within 3 ulp of 1 over [-100, 100]', () => {
      const zs = dense(-100, 100, 500);
      const { abs } = errors(zs, kernelDerivative(build, 'sine', zs), Math.cos, 1);
      expect(abs).toBeLessThan(3 * ULP1);
    });
  });
});
