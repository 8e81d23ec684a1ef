import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { DEFAULT_CONFIG } from './config';
import { networkOutput, unpackParams } from './insight';
import { batchGradients, pointPass } from './inspect';
import { TrainingRun } from './run';

const { learningRate: _lr, speed: _speed, ...MODEL } = DEFAULT_CONFIG;

/**
 * Close relative to the gradient's scale: the worker sums N float32 products (the SIMD kernel
 * with float32 accumulators and a rational tanh good to ~3e-7), so an entry near zero carries
 * an absolute error set by the largest entries, not by itself.
 */
function relClose(a: number, b: number, tol: number, scale = Math.abs(b)): boolean {
  return Math.abs(a - b) <= tol * Math.max(1e-3, Math.abs(b), scale);
}

const maxAbs = (v: ArrayLike<number>) => Array.from(v).reduce((m, x) => Math.max(m, Math.abs(x)), 0);

describe('step inspector', () => {
  for (const activation of ACTIVATIONS) {
    it(`the summed shares are exactly what the worker's next step applies (${activation})`, () => {
      const run = new TrainingRun({ ...MODEL, hidden: 12, activation, seed: 3 });
      run.train(50, 0.01, new Float32Array(50), 0);
      const before = new Float32Array(run.paramLength());
      run.snapshotParams(before);
      const p = unpackParams(before);
      const sum = batchGradients(p, activation, run.data.x, run.data.y);
      run.train(1, 0.01, new Float32Array(1), 0);
      const applied = new Float32Array(before.length);
      run.lastGradients(applied);
      const g = unpackParams(applied);
      const scale = { w1: maxAbs(g.w1), b1: maxAbs(g.b1), w2: maxAbs(g.w2) };
      for (let j = 0; j < p.hidden; j++) {
        expect(relClose(sum.w1[j]!, g.w1[j]!, 1e-4, scale.w1), `w1[${j}]`).toBe(true);
        expect(relClose(sum.b1[j]!, g.b1[j]!, 1e-4, scale.b1), `b1[${j}]`).toBe(true);
        expect(relClose(sum.w2[j]!, g.w2[j]!, 1e-4, scale.w2), `w2[${j}]`).toBe(true);
      }
      expect(relClose(sum.b2, g.b2, 1e-4)).toBe(true);
      // And the update is lr times that sum.
      const after = new Float32Array(before.length);
      run.snapshotParams(after);
      const a = unpackParams(after);
      for (let j = 0; j < p.hidden; j++) expect(a.w2[j]! - p.w2[j]!).toBeCloseTo(0.01 * sum.w2[j]!, 6);
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
        expect(sum.w1[j]).toBeCloseTo(shares.reduce((a, s) => a + s.w1[j]!, 0), 12);
        expect(sum.b1[j]).toBeCloseTo(shares.reduce((a, s) => a + s.b1[j]!, 0), 12);
        expect(sum.w2[j]).toBeCloseTo(shares.reduce((a, s) => a + s.w2[j]!, 0), 12);
      }
      expect(sum.b2).toBeCloseTo(shares.reduce((a, s) => a + s.b2, 0), 12);
    }
  });
});
