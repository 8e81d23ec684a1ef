import { describe, it, expect } from 'vitest';
import { activate, type ActivationName } from '../activations';
import { FusedKernel } from './fusedKernel';

/** The kernel's activation at each x: a 1 -> 1 -> 1 network with w1 = w2 = 1, zero biases. */
function kernelActivation(name: ActivationName, xs: Float32Array): Float32Array {
  const k = new FusedKernel(Float32Array.of(0), Float32Array.of(0), 1, name, xs);
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
  0, -0, 1e-30, -1e-30, 1e-8, 7.9, 7.90531, 9, 88, -88, 1e30, -1e30,
]);

// float32 spacing just below 1 is 6e-8: rounding the exact value to float32 alone costs up
// to 3e-8 there. The kernel's rational (scripts/kernel/fit_tanh.py), evaluated in float32
// with Horner's rule: we observe at most 2.8e-7 absolute and 4.7 ulp relative (tanh), and
// 1.7e-7 absolute (sigmoid, as 1/2 + tanh(z/2)/2).
// Relative error is also bounded where the value is not tiny: tanh everywhere (it is
// x P(x^2) / Q(x^2), accurate near 0 too); sigmoid only above 0.25, since 1/2 + t/2
// cancels in the left tail (absolute error stays ~6e-8 there, which is what a float32 sum
// of a w2 over the hidden layer can resolve anyway).
describe.each([
  ['tanh', 4e-7, 0],
  ['sigmoid', 2.5e-7, 0.25],
] as const)('%s approximation', (name, absTol, relFrom) => {
  it(`stays within ${absTol} of the exact function (float64 Math) everywhere`, () => {
    const got = kernelActivation(name, XS);
    let worst = 0;
    let worstRel = 0;
    XS.forEach((x, i) => {
      const want = activate(name, x);
      const err = Math.abs(got[i]! - want);
      worst = Math.max(worst, err);
      if (Math.abs(want) > relFrom && want !== 0) worstRel = Math.max(worstRel, err / Math.abs(want));
    });
    expect(worst).toBeLessThan(absTol);
    // A few float32 ulp (2^-24 ~ 6e-8) relative.
    expect(worstRel).toBeLessThan(8 * 2 ** -24);
    expect(got.every(Number.isFinite)).toBe(true);
  });

  it('is odd/symmetric and saturates exactly', () => {
    const got = kernelActivation(name, Float32Array.of(-1e30, -30, 30, 1e30, 0.5, -0.5));
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
    expect(Array.from(kernelActivation(name, xs))).toEqual(Array.from(xs, (x) => Math.fround(activate(name, x)) + 0));
  }
});

it('leaky relu is exact up to the float32 product slope * z', () => {
  const xs = Float32Array.from([-3, -1e-20, 0, 1e-20, 0.37, 5, -0.25]);
  expect(Array.from(kernelActivation('leaky-relu', xs))).toEqual(Array.from(xs, (x) => (x > 0 ? x : Math.fround(Math.fround(0.01) * x)) + 0));
});

// ELU below 0 is 2t / (1 - t) with the tanh approximation t = tanh(z/2): 1 - t is in [1, 2),
// so the tanh error (2.8e-7 absolute) passes through without cancellation; observed 1.8e-7.
it('elu stays within 5e-7 of the exact function, is exact above 0, and tends to -1', () => {
  const got = kernelActivation('elu', XS);
  let worst = 0;
  let inexactAbove = 0;
  XS.forEach((x, i) => {
    worst = Math.max(worst, Math.abs(got[i]! - activate('elu', x)));
    if (x > 0 && got[i] !== x) inexactAbove++;
  });
  expect(inexactAbove).toBe(0);
  expect(worst).toBeLessThan(5e-7);
  expect(got.every(Number.isFinite)).toBe(true);
  expect(kernelActivation('elu', Float32Array.of(-30, -1e30))[0]).toBe(-1);
});
