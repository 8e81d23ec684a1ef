import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations';
import { DEFAULT_CONFIG } from './config';
import { networkOutput, unpackParams, type UnitParams } from './insight';
import { batchGradients, pointPass } from './inspect';
import { TrainingRun } from './run';

const { learningRate: _lr, speed: _speed, ...MODEL } = DEFAULT_CONFIG;

/** Tolerance of a summed gradient, as a fraction of the sum of its shares' sizes (float32: 6e-8 per rounding). */
const SHARE_TOLERANCE = 1e-6;

/** Sum over the points of each share's absolute value: the scale of a summed gradient's rounding error. */
function absShareSums(
  p: UnitParams,
  activation: ActivationName,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
) {
  const out = {
    w1: new Float64Array(p.hidden),
    b1: new Float64Array(p.hidden),
    w2: new Float64Array(p.hidden),
    b2: 0,
  };
  for (let n = 0; n < xs.length; n++) {
    const { share } = pointPass(p, activation, xs[n]!, ys[n]!);
    for (let j = 0; j < p.hidden; j++) {
      out.w1[j]! += Math.abs(share.w1[j]!);
      out.b1[j]! += Math.abs(share.b1[j]!);
      out.w2[j]! += Math.abs(share.w2[j]!);
    }
    out.b2 += Math.abs(share.b2);
  }
  return out;
}

describe('step inspector', () => {
  for (const activation of ACTIVATIONS) {
    it(`the summed shares are exactly what the worker's next step applies (${activation})`, () => {
      const run = new TrainingRun({ ...MODEL, layers: [12], activation, seed: 3 });
      run.train(50, 0.01, new Float32Array(50), 0);
      const before = new Float32Array(run.paramLength());
      run.snapshotParams(before);
      const p = unpackParams(before);
      const sum = batchGradients(p, activation, run.data.x, run.data.y);
      run.train(1, 0.01, new Float32Array(1), 0);
      const applied = new Float32Array(before.length);
      run.lastGradients(applied);
      const g = unpackParams(applied);
      // Near convergence a summed gradient is a small difference of N larger shares (the
      // bias sums cancel about 3e4-fold here), so its float32 error scales with the sum of
      // the shares' sizes: observed at most 1.3e-7 of it (relu, relaxed build; sigmoid 1.2e-7
      // with the SIMD128 build). A wrong gradient is off by a fair fraction of it.
      const size = absShareSums(p, activation, run.data.x, run.data.y);
      const close = (a: number, b: number, scale: number) =>
        Math.abs(a - b) <= SHARE_TOLERANCE * scale;
      for (let j = 0; j < p.hidden; j++) {
        expect(close(sum.w1[j]!, g.w1[j]!, size.w1[j]!), `w1[${j}]`).toBe(true);
        expect(close(sum.b1[j]!, g.b1[j]!, size.b1[j]!), `b1[${j}]`).toBe(true);
        expect(close(sum.w2[j]!, g.w2[j]!, size.w2[j]!), `w2[${j}]`).toBe(true);
      }
      expect(close(sum.b2, g.b2, size.b2)).toBe(true);
      // Not vacuous: the sums do cancel, and they are far from the tolerance's scale.
      expect(Math.abs(sum.b2)).toBeLessThan(0.1 * size.b2);
      // And the update is lr times that sum.
      const after = new Float32Array(before.length);
      run.snapshotParams(after);
      const a = unpackParams(after);
      for (let j = 0; j < p.hidden; j++)
        expect(a.w2[j]! - p.w2[j]!).toBeCloseTo(0.01 * sum.w2[j]!, 6);
    });
  }

  it('each share is minus the derivative of that point squared error (central differences, tanh)', () => {
    // H = 2: w1 = [0.7, -1.2], b1 = [0.1, 0.3], w2 = [0.9, -0.6], b2 = 0.05.
    const params = Float32Array.from([0.7, -1.2, 0.1, 0.3, 0.9, -0.6, 0.05]);
    const p = unpackParams(params);
    const x = 0.35;
    const y = 0.8;
    const pass = pointPass(p, 'tanh', x, y);
    expect(pass.o2).toBeCloseTo(networkOutput(p, 'tanh', x), 12);
    expect(pass.error).toBeCloseTo(pass.o2 - y, 12);
    const sqErr = (v: Float32Array) => (networkOutput(unpackParams(v), 'tanh', x) - y) ** 2;
    const flatShare = [...pass.share.w1, ...pass.share.b1, ...pass.share.w2, pass.share.b2];
    for (let k = 0; k < params.length; k++) {
      const up = params.slice();
      const down = params.slice();
      up[k] = up[k]! + 1e-3;
      down[k] = down[k]! - 1e-3;
      // The float32-rounded step actually taken.
      const h = up[k]! - down[k]!;
      const derivative = (sqErr(up) - sqErr(down)) / h;
      expect(flatShare[k]!).toBeCloseTo(-derivative, 5);
    }
  });
});

describe('batch gradients', () => {
  it('equal the sum of every point share', () => {
    const p = unpackParams(Float32Array.from([0.5, -1, 2, 0.1, -0.3, 0.4, 1, -2, 0.5, 0.2]));
    const xs = [-1, -0.3, 0.2, 0.9];
    const ys = [1, 0.1, 0.05, 0.8];
    for (const act of ACTIVATIONS) {
      const sum = batchGradients(p, act, xs, ys);
      const shares = xs.map((x, i) => pointPass(p, act, x, ys[i]!).share);
      for (let j = 0; j < 3; j++) {
        expect(sum.w1[j]).toBeCloseTo(
          shares.reduce((a, s) => a + s.w1[j]!, 0),
          12,
        );
        expect(sum.b1[j]).toBeCloseTo(
          shares.reduce((a, s) => a + s.b1[j]!, 0),
          12,
        );
        expect(sum.w2[j]).toBeCloseTo(
          shares.reduce((a, s) => a + s.w2[j]!, 0),
          12,
        );
      }
      expect(sum.b2).toBeCloseTo(
        shares.reduce((a, s) => a + s.b2, 0),
        12,
      );
    }
  });
});
