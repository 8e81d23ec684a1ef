import { describe, it, expect } from 'vitest';
import {
  ACTIVATIONS,
  activate,
  activateDerivative,
  applyActivation,
  multiplyByDerivative,
} from './activations';

// Pre-activations spanning the saturating tails; none within 1e-3 of relu's kink at 0
// except 0 itself, which only the buffer tests use (relu'(0) = 0, as np.where(x > 0, 1, 0)).
const Z = Float32Array.from([-12, -3.5, -1, -0.37, -0.01, 0.002, 0.25, 0.8, 1.7, 4, 15]);
const Z_WITH_ZERO = Float32Array.from([...Z, 0, -0]);

describe.each(ACTIVATIONS)('%s', (name) => {
  it('applyActivation equals the scalar activate, rounded to float32', () => {
    const a = new Float32Array(Z_WITH_ZERO.length);
    applyActivation(name, Z_WITH_ZERO, a, Z_WITH_ZERO.length);
    // Exact: both evaluate the same float64 expression on the same float32 input.
    expect(Array.from(a)).toEqual(Array.from(Z_WITH_ZERO, (z) => Math.fround(activate(name, z))));
  });

  it('applyActivation touches only the first `length` entries', () => {
    const a = new Float32Array(Z.length).fill(7);
    applyActivation(name, Z, a, 3);
    expect(Array.from(a.subarray(3))).toEqual(new Array(Z.length - 3).fill(7));
  });

  it("multiplyByDerivative(a) equals delta * act'(z)", () => {
    const a = new Float32Array(Z_WITH_ZERO.length);
    applyActivation(name, Z_WITH_ZERO, a, a.length);
    const delta = Float32Array.from(Z_WITH_ZERO, (_, i) => 0.5 + 0.25 * i);
    const expected = Array.from(delta, (d, i) => d * activateDerivative(name, Z_WITH_ZERO[i]!));
    multiplyByDerivative(name, Z_WITH_ZERO, a, delta, delta.length);
    // act' is computed from the float32 activation a (1 - a^2, a(1 - a)): a carries a
    // relative error <= 2^-24, so act' is off by <= ~1.2e-7 absolute; times |delta| <= 3.5,
    // plus float32 storage of the product (<= 2^-24 * 3.5): bound ~6e-7; observed 1.6e-7 (tanh).
    delta.forEach((d, i) => expect(Math.abs(d - expected[i]!)).toBeLessThan(1e-6));
    if (name === 'relu' || name === 'none' || name === 'leaky-relu')
      expect(Array.from(delta)).toEqual(expected.map(Math.fround));
  });

  it('activateDerivative matches central differences of activate', () => {
    const h = 1e-5;
    for (const z of Z) {
      const fd = (activate(name, z + h) - activate(name, z - h)) / (2 * h);
      // Truncation h^2 |f'''| / 6 <= 1e-10 (|f'''| <= 2 for tanh, sigmoid, sine, elu/softplus here); rounding
      // eps / h ~ 1e-11; observed 3.8e-11. 1e-9 covers the bound; relu's kink is >= 2e-3 from every z.
      expect(Math.abs(fd - activateDerivative(name, z))).toBeLessThan(1e-9);
    }
  });
});

it('the scalar derivatives are the textbook ones at a few points', () => {
  expect(activateDerivative('sigmoid', 0)).toBe(0.25);
  expect(activateDerivative('tanh', 0)).toBe(1);
  expect(activateDerivative('relu', 0)).toBe(0);
  expect(activateDerivative('relu', 1e-30)).toBe(1);
  expect(activateDerivative('none', -5)).toBe(1);
});

it('the new activations match their textbook definitions', () => {
  // Independent formulas, written out here rather than taken from the module.
  expect(activate('leaky-relu', -2)).toBeCloseTo(-0.02, 15);
  expect(activate('elu', -1)).toBeCloseTo(Math.exp(-1) - 1, 15);
  expect(activate('softplus', 0)).toBeCloseTo(Math.log(2), 15);
  expect(activate('softplus', 800)).toBe(800); // no overflow to Infinity
  expect(activate('softplus', -800)).toBe(0);
  expect(activate('sine', Math.PI / 2)).toBe(1);
  expect(activateDerivative('softplus', 0)).toBe(0.5);
  expect(activateDerivative('elu', -1)).toBeCloseTo(Math.exp(-1), 15);
  expect(activateDerivative('sine', 0)).toBe(1);
  expect(activateDerivative('leaky-relu', -3)).toBe(0.01);
});
