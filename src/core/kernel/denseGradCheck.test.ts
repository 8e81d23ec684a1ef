/**
 * A finite-difference check of the dense kernels composed into a two-layer network
 * (docs/kernel-deep.md): Z1 = X W1 + b1, A1 = act(Z1), Z2 = A1 W2 + b2, loss ½ Σ (Z2 - Y)²,
 * with the forward, the backward delta fused with act' and the weight gradients all from
 * the generated kernels, against central differences of the same loss in float64.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  activate,
  activateDerivative,
  applyActivation,
  type ActivationName,
} from '../activations';
import { denseProblem, seededNormals, type DenseBuild } from './dense.harness';
import { backwardInputProblem, weightGradProblem } from './denseBackward.harness';

/** Two blocks of samples, odd widths: every padding path runs. */
const N = 37;
const K0 = 3;
const H = 5;
const J = 2;
/** Central-difference step: truncation (h² times a third derivative of order 1) and
 * cancellation (2⁻⁵³ |loss| / h) both stay near 1e-10, far under the tolerance. */
const STEP = 1e-6;
/**
 * Kernel gradients against float64 differences: within 2e-6 (about 32 · 2⁻²⁴) of the
 * largest gradient of the same array. The kernels compute in float32 (2⁻²⁴ relative per
 * rounding) along chains of a few dozen roundings, and their forward values (Z1, A1) differ
 * from the float64 forward's by float32 rounding too.
 */
const TOLERANCE = 2e-6;

interface Params {
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
}

/** The loss in float64 from float64 parameters (the float32 ones, widened). */
function loss64(name: ActivationName, p: Params, x: Float32Array, y: Float32Array): number {
  let sum = 0;
  const a1 = new Float64Array(H);
  for (let i = 0; i < N; i++) {
    for (let h = 0; h < H; h++) {
      let z = p.b1[h]!;
      for (let k = 0; k < K0; k++) z += x[i * K0 + k]! * p.w1[k * H + h]!;
      a1[h] = activate(name, z);
    }
    for (let j = 0; j < J; j++) {
      let z = p.b2[j]!;
      for (let h = 0; h < H; h++) z += a1[h]! * p.w2[h * J + j]!;
      sum += 0.5 * (z - y[i * J + j]!) ** 2;
    }
  }
  return sum;
}

/** d loss / d p[key][i] by central differences, for every entry of every parameter. */
function differences(name: ActivationName, p: Params, x: Float32Array, y: Float32Array) {
  const out = {} as Record<keyof Params, Float64Array>;
  for (const key of ['w1', 'b1', 'w2', 'b2'] as const) {
    const v = p[key];
    out[key] = v.map((_, i) => {
      const saved = v[i]!;
      v[i] = saved + STEP;
      const up = loss64(name, p, x, y);
      v[i] = saved - STEP;
      const down = loss64(name, p, x, y);
      v[i] = saved;
      return (up - down) / (2 * STEP);
    });
  }
  return out;
}

/** The gradients from the kernels alone (the activation itself applied in TypeScript). */
async function kernelGradients(
  build: DenseBuild,
  name: ActivationName,
  w: { w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array },
  x: Float32Array,
  y: Float32Array,
) {
  const first = await denseProblem(build, x, w.w1, w.b1, N, K0, H);
  first.run();
  const z1 = first.result();
  const a1 = new Float32Array(N * H);
  applyActivation(name, z1, a1, N * H);
  const second = await denseProblem(build, a1, w.w2, w.b2, N, H, J);
  second.run();
  const dz2 = second.result().map((z, i) => z - y[i]!);
  const stored =
    name === 'softplus' || name === 'sine' ? z1.map((z) => activateDerivative(name, z)) : a1;
  const top = await weightGradProblem(build, a1, dz2, N, H, J);
  top.run();
  const delta = await backwardInputProblem(build, name, dz2, w.w2, stored, N, H, J);
  delta.run();
  const bottom = await weightGradProblem(build, x, delta.result(), N, K0, H);
  bottom.run();
  const g1 = bottom.result();
  const g2 = top.result();
  return { w1: g1.gw, b1: g1.gb, w2: g2.gw, b2: g2.gb };
}

describe.each(['simd128', 'relaxed'] as DenseBuild[])('two dense layers, %s build', (build) => {
  it.each(ACTIVATIONS)('kernel gradients match float64 differences, %s', async (name) => {
    const x = seededNormals(1, N * K0);
    const y = seededNormals(2, N * J);
    const w = {
      w1: seededNormals(3, K0 * H, 0.7),
      b1: seededNormals(4, H, 0.3),
      w2: seededNormals(5, H * J, 0.7),
      b2: seededNormals(6, J, 0.3),
    };
    const got = await kernelGradients(build, name, w, x, y);
    const want = differences(
      name,
      {
        w1: Float64Array.from(w.w1),
        b1: Float64Array.from(w.b1),
        w2: Float64Array.from(w.w2),
        b2: Float64Array.from(w.b2),
      },
      x,
      y,
    );
    for (const key of ['w1', 'b1', 'w2', 'b2'] as const) {
      const largest = Math.max(...want[key].map(Math.abs));
      const err = Math.max(...got[key].map((g, i) => Math.abs(g - want[key][i]!)));
      expect(err, `${key}: largest gradient ${largest}`).toBeLessThanOrEqual(TOLERANCE * largest);
    }
  });
});
