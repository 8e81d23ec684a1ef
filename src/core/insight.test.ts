import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations';
import { DEFAULT_CONFIG, type ModelConfig } from './config';
import { curveGrid } from './grid';
import {
  kinkPositions,
  largestUnits,
  networkOutput,
  outputsAt,
  sumOfUnits,
  unitContributions,
  unpackParams,
} from './insight';
import { paramLayout } from './paramLayout';
import { TrainingRun } from './run';

const { learningRate: _lr, speed: _speed, ...MODEL } = DEFAULT_CONFIG;

/** Each activation written out again, in float64, for the references. */
function reference(act: ActivationName, z: number): number {
  const table: Record<ActivationName, (v: number) => number> = {
    none: (v) => v,
    relu: (v) => Math.max(0, v),
    tanh: (v) => Math.tanh(v),
    sigmoid: (v) => 1 / (1 + Math.exp(-v)),
    'leaky-relu': (v) => (v > 0 ? v : 0.01 * v),
    elu: (v) => (v > 0 ? v : Math.exp(v) - 1),
    softplus: (v) => Math.log(1 + Math.exp(v)),
    sine: (v) => Math.sin(v),
  };
  return table[act](z);
}

/** Builds a flat [w1, b1, w2, b2] vector by hand. */
function flat(w1: number[], b1: number[], w2: number[], b2: number): Float32Array {
  return Float32Array.from([...w1, ...b1, ...w2, b2]);
}

describe('unit decomposition', () => {
  for (const activation of ACTIVATIONS) {
    it(`units plus b2 sum to the worker's curve (${activation}, after 200 steps)`, () => {
      const config: ModelConfig = { ...MODEL, layers: [17], activation, seed: 5 };
      const run = new TrainingRun(config);
      run.train(200, 0.01, new Float32Array(200), 0);
      const params = new Float32Array(run.paramLength());
      run.snapshotParams(params);
      const p = unpackParams(params);
      const grid = curveGrid();
      const curve = new Float32Array(grid.length);
      run.curve(curve);
      const contrib = new Float32Array(p.hidden * grid.length);
      unitContributions(p, activation, grid, contrib);
      let worst = 0;
      for (let i = 0; i < grid.length; i++) {
        let s = p.b2;
        for (let j = 0; j < p.hidden; j++) s += contrib[j * grid.length + i]!;
        worst = Math.max(
          worst,
          Math.abs(s - curve[i]!),
          Math.abs(networkOutput(p, activation, grid[i]!) - curve[i]!),
        );
      }
      // The worker computes in float32: a few ulps of outputs of size ~1.
      expect(worst).toBeLessThan(1e-5);
    });
  }

  it('reads parameters in the flat layout straight from the layers', () => {
    const run = new TrainingRun({ ...MODEL, layers: [3] });
    const params = new Float32Array(run.paramLength());
    expect(params.length).toBe(paramLayout([3]).length);
    run.snapshotParams(params);
    const [l1, l2] = run.net.layers;
    expect(Array.from(params)).toEqual([...l1!.w, ...l1!.b, ...l2!.w, l2!.b[0]!]);
  });

  it('rejects a vector that is not 3H + 1 long', () => {
    expect(() => unpackParams(new Float32Array(6))).toThrow(/one hidden layer has 6 parameters/);
  });

  it('ranks units by the size of their contribution, checked against every grid point', () => {
    const p = unpackParams(
      flat([1, 1, 1, -2, 0.5], [0, 0.5, -0.2, 0.1, 2], [0.1, -3, 2, 1.5, -0.4], 0),
    );
    for (const act of ACTIVATIONS) {
      const grid = curveGrid();
      const contrib = new Float32Array(5 * grid.length);
      unitContributions(p, act, grid, contrib);
      // Independent: the largest |value| over the whole grid, per unit.
      const size = [0, 1, 2, 3, 4].map((j) =>
        Math.max(...Array.from(contrib.subarray(j * grid.length, (j + 1) * grid.length), Math.abs)),
      );
      const expected = [0, 1, 2, 3, 4].sort((a, b) => size[b]! - size[a]!);
      expect(largestUnits(p, act, grid[0]!, grid[grid.length - 1]!, 3), act).toEqual(
        expected.slice(0, 3),
      );
      expect(largestUnits(p, act, grid[0]!, grid[grid.length - 1]!, 10)).toHaveLength(5);
    }
  });

  it('sums the units not skipped, with or without the bias', () => {
    const p = unpackParams(flat([1, -1, 2], [0, 0.5, -1], [1, 2, -1], 0.25));
    const xs = [-1, 0, 0.7];
    const out = new Float64Array(3);
    sumOfUnits(p, 'relu', xs, Uint8Array.from([0, 1, 0]), true, out);
    xs.forEach((x, i) =>
      expect(out[i]).toBeCloseTo(0.25 + Math.max(0, x) - Math.max(0, 2 * x - 1), 6),
    );
    outputsAt(p, 'relu', xs, out);
    xs.forEach((x, i) => expect(out[i]).toBeCloseTo(networkOutput(p, 'relu', x), 6));
  });

  it('gives every activation’s output at the data, as the unit-by-unit float64 sum does', () => {
    const p = unpackParams(flat([1.5, -2, 0.7, 3], [0.2, -0.4, 1, -1], [0.8, -1.1, 0.5, 2], -0.3));
    const xs = [-1, -0.35, 0, 0.42, 1];
    const out = new Float64Array(xs.length);
    for (const act of ACTIVATIONS) {
      outputsAt(p, act, xs, out);
      xs.forEach((x, i) => {
        // Independent: b2 + sum over units of w2 * act(w1 x + b1), with act written out here.
        const ref =
          p.b2 +
          [0, 1, 2, 3].reduce((s, j) => s + p.w2[j]! * reference(act, p.w1[j]! * x + p.b1[j]!), 0);
        expect(Math.abs(out[i]! - ref), `${act} at x = ${x}`).toBeLessThan(1e-12);
      });
    }
  });

  it('ranks a sine unit by its peak inside the interval, not by its ends', () => {
    // Unit 0: sin(3x) peaks at x = pi/6 with size 1 but is small at both ends of [0, 1.04];
    // unit 1: sin(x / 2) is largest at x = 1.04, about 0.5.
    const p = unpackParams(flat([3, 0.5], [0, 0], [1, 1], 0));
    expect(largestUnits(p, 'sine', 0, 1.04, 1)).toEqual([0]);
    expect(Math.abs(Math.sin(3 * 1.04))).toBeLessThan(Math.abs(Math.sin(0.5 * 1.04)));
  });
});

describe('kinks on hand-built weights', () => {
  it('puts each kink at -b1 / w1, none for a flat unit', () => {
    const p = unpackParams(flat([2, -0.5, 0, 4], [1, 0.25, 1, -6], [1, 1, 1, 1], 0));
    const out = new Float64Array(4);
    kinkPositions(p, out);
    expect(out[0]).toBeCloseTo(-0.5, 12);
    expect(out[1]).toBeCloseTo(0.5, 12);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeCloseTo(1.5, 12);
  });
});
