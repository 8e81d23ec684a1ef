import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { DEFAULT_CONFIG, type ModelConfig } from './config';
import { curveGrid } from './grid';
import { kinkPositions, largestUnits, networkOutput, outputsAt, paramLength, sumOfUnits, unitContributions, unitHealth, unpackParams } from './insight';
import { TrainingRun } from './run';

const { learningRate: _lr, speed: _speed, ...MODEL } = DEFAULT_CONFIG;

/** Builds a flat [w1, b1, w2, b2] vector by hand. */
function flat(w1: number[], b1: number[], w2: number[], b2: number): Float32Array {
  return Float32Array.from([...w1, ...b1, ...w2, b2]);
}

describe('unit decomposition', () => {
  for (const activation of ACTIVATIONS) {
    it(`units plus b2 sum to the worker's curve (${activation}, after 200 steps)`, () => {
      const config: ModelConfig = { ...MODEL, hidden: 17, activation, seed: 5 };
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
        worst = Math.max(worst, Math.abs(s - curve[i]!), Math.abs(networkOutput(p, activation, grid[i]!) - curve[i]!));
      }
      // The worker computes in float32: a few ulps of outputs of size ~1.
      expect(worst).toBeLessThan(1e-5);
    });
  }

  it('reads parameters in the flat layout straight from the layers', () => {
    const run = new TrainingRun({ ...MODEL, hidden: 3 });
    const params = new Float32Array(run.paramLength());
    expect(params.length).toBe(paramLength(3));
    run.snapshotParams(params);
    const [l1, l2] = run.net.layers;
    expect(Array.from(params)).toEqual([...l1!.w, ...l1!.b, ...l2!.w, l2!.b[0]!]);
  });

  it('rejects a vector that is not 3H + 1 long', () => {
    expect(() => unpackParams(new Float32Array(6))).toThrow(/3H \+ 1/);
  });

  it('ranks units by the size of their contribution, checked against every grid point', () => {
    const p = unpackParams(flat([1, 1, 1, -2, 0.5], [0, 0.5, -0.2, 0.1, 2], [0.1, -3, 2, 1.5, -0.4], 0));
    for (const act of ACTIVATIONS) {
      const grid = curveGrid();
      const contrib = new Float32Array(5 * grid.length);
      unitContributions(p, act, grid, contrib);
      // Independent: the largest |value| over the whole grid, per unit.
      const size = [0, 1, 2, 3, 4].map((j) => Math.max(...Array.from(contrib.subarray(j * grid.length, (j + 1) * grid.length), Math.abs)));
      const expected = [0, 1, 2, 3, 4].sort((a, b) => size[b]! - size[a]!);
      expect(largestUnits(p, act, grid[0]!, grid[grid.length - 1]!, 3), act).toEqual(expected.slice(0, 3));
      expect(largestUnits(p, act, grid[0]!, grid[grid.length - 1]!, 10)).toHaveLength(5);
    }
  });

  it('sums the units not skipped, with or without the bias', () => {
    const p = unpackParams(flat([1, -1, 2], [0, 0.5, -1], [1, 2, -1], 0.25));
    const xs = [-1, 0, 0.7];
    const out = new Float64Array(3);
    sumOfUnits(p, 'relu', xs, Uint8Array.from([0, 1, 0]), true, out);
    xs.forEach((x, i) => expect(out[i]).toBeCloseTo(0.25 + Math.max(0, x) - Math.max(0, 2 * x - 1), 6));
    outputsAt(p, 'relu', xs, out);
    xs.forEach((x, i) => expect(out[i]).toBeCloseTo(networkOutput(p, 'relu', x), 6));
  });
});

describe('kinks and unit health on hand-built weights', () => {
  it('puts each kink at -b1 / w1, none for a flat unit', () => {
    const p = unpackParams(flat([2, -0.5, 0, 4], [1, 0.25, 1, -6], [1, 1, 1, 1], 0));
    const out = new Float64Array(4);
    kinkPositions(p, out);
    expect(out[0]).toBeCloseTo(-0.5, 12);
    expect(out[1]).toBeCloseTo(0.5, 12);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeCloseTo(1.5, 12);
  });

  const xs = Float32Array.from([-1, -0.5, 0, 0.5, 1]);

  it('counts ReLU units that are zero on every point as dead', () => {
    // Unit 0: z = x - 2 < 0 on [-1, 1]: dead. Unit 1: z = -x - 1.5 < 0: dead.
    // Unit 2: z = x, positive for x > 0: alive. Unit 3: z = -x - 1 = 0 at x = -1 only: dead (relu(0) = 0).
    // Unit 4: w1 = 0, b1 = 0.3: constant positive: alive.
    const p = unpackParams(flat([1, -1, 1, -1, 0], [-2, -1.5, 0, -1, 0.3], [1, 1, 1, 1, 1], 0));
    const health = unitHealth(p, 'relu', xs);
    expect(health.dead).toBe(3);
    expect(Array.from(health.stuck)).toEqual([1, 1, 0, 1, 0]);
    expect(health.saturated).toBe(0);
    // The same weights are healthy without an activation: lines never die.
    expect(unitHealth(p, 'none', xs).dead).toBe(0);
  });

  it('counts tanh/sigmoid units with |z| > 3 on every point as saturated', () => {
    // Unit 0: z = x + 4 in [3, 5]: 3 is not > 3, so not saturated. Unit 1: z = x + 4.5 in [3.5, 5.5]: saturated.
    // Unit 2: z = 10 x: crosses 0: not. Unit 3: z = -x - 5 in [-6, -4]: saturated.
    const p = unpackParams(flat([1, 1, 10, -1], [4, 4.5, 0, -5], [1, 1, 1, 1], 0));
    for (const act of ['tanh', 'sigmoid'] as const) {
      const health = unitHealth(p, act, xs);
      expect(health.saturated).toBe(2);
      expect(Array.from(health.stuck)).toEqual([0, 1, 0, 1]);
      expect(health.dead).toBe(0);
    }
  });

  it('checks every point, not only the ends, when the data is not sorted', () => {
    const p = unpackParams(flat([1], [-0.9], [1], 0));
    // z = x - 0.9 > 0 only at x = 1, which sits in the middle of this list.
    expect(unitHealth(p, 'relu', [0.2, 1, -1]).dead).toBe(0);
    expect(unitHealth(p, 'relu', [0.2, 0.5, -1]).dead).toBe(1);
  });
});
