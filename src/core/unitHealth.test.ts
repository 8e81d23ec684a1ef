import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations';
import { DEFAULT_CONFIG } from './config';
import { DATASETS, makeDataset } from './dataset';
import { unpackParams } from './insight';
import { NumpyRandom } from './rng';
import { TrainingRun } from './run';
import { HEALTH_KINDS, SATURATION_Z, unitHealth } from './unitHealth';

const { learningRate: _lr, speed: _speed, ...MODEL } = DEFAULT_CONFIG;

function flat(w1: number[], b1: number[], w2: number[], b2: number): Float32Array {
  return Float32Array.from([...w1, ...b1, ...w2, b2]);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The float64 reference: a unit is counted when the predicate holds at EVERY data point
 * (checked point by point, the data in any order), with each activation's slope written
 * out here. Sine counts units whose z range over the points holds pi/2 + k pi, found by
 * trying every k.
 */
function referenceCount(
  act: ActivationName,
  w1: ArrayLike<number>,
  b1: ArrayLike<number>,
  xs: ArrayLike<number>,
): number {
  let count = 0;
  for (let j = 0; j < w1.length; j++) {
    const zs = Array.from(xs, (x) => w1[j]! * x + b1[j]!);
    const every = (f: (z: number) => boolean) => zs.every(f);
    let counted = false;
    switch (act) {
      case 'none':
        counted = false;
        break;
      case 'relu':
        counted = every((z) => Math.max(0, z) === 0 && (z > 0 ? 1 : 0) === 0);
        break;
      case 'leaky-relu':
        counted = every((z) => !(z > 0));
        break;
      case 'tanh':
      case 'sigmoid':
        counted = every((z) => z > SATURATION_Z) || every((z) => z < -SATURATION_Z);
        break;
      case 'elu':
        counted = every((z) => Math.exp(z) < Math.exp(-SATURATION_Z));
        break;
      case 'softplus':
        counted = every((z) => sigmoid(z) < sigmoid(-SATURATION_Z));
        break;
      case 'sine': {
        const lo = Math.min(...zs);
        const hi = Math.max(...zs);
        for (let k = -2000; k <= 2000 && !counted; k++) {
          const peak = Math.PI / 2 + k * Math.PI;
          counted = peak >= lo && peak <= hi;
        }
        break;
      }
    }
    if (counted) count++;
  }
  return count;
}

describe('unit health, per activation', () => {
  it('the slopes the health sentences quote are what the activations have beyond |z| = 3', () => {
    expect(1 - Math.tanh(SATURATION_Z) ** 2).toBeLessThan(0.01);
    expect(sigmoid(SATURATION_Z) * (1 - sigmoid(SATURATION_Z))).toBeLessThan(0.05);
    expect(Math.exp(-SATURATION_Z)).toBeLessThan(0.05);
    expect(sigmoid(-SATURATION_Z)).toBeLessThan(0.05);
  });

  it('gives each activation its own kind of count', () => {
    expect(HEALTH_KINDS).toEqual({
      none: 'line',
      relu: 'dead',
      tanh: 'saturated',
      sigmoid: 'saturated',
      'leaky-relu': 'leaky',
      elu: 'flat-negative',
      softplus: 'flat-negative',
      sine: 'turning',
    });
  });

  const xs = Float32Array.from([-1, -0.5, 0, 0.5, 1]);

  it('counts ReLU units that are zero on every point as dead; lines never die', () => {
    // Unit 0: z = x - 2 < 0 on [-1, 1]: dead. Unit 1: z = -x - 1.5 < 0: dead.
    // Unit 2: z = x, positive for x > 0: alive. Unit 3: z = -x - 1 = 0 at x = -1 only: dead (relu(0) = 0).
    // Unit 4: w1 = 0, b1 = 0.3: constant positive: alive.
    const p = unpackParams(flat([1, -1, 1, -1, 0], [-2, -1.5, 0, -1, 0.3], [1, 1, 1, 1, 1], 0));
    const health = unitHealth(p, 'relu', xs);
    expect(health.count).toBe(3);
    expect(Array.from(health.stuck)).toEqual([1, 1, 0, 1, 0]);
    const line = unitHealth(p, 'none', xs);
    expect(line.count).toBe(0);
    expect(Array.from(line.stuck)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts leaky ReLU units in the leaky region on every point: the same units, greyed, though never dead', () => {
    const p = unpackParams(flat([1, -1, 1, -1, 0], [-2, -1.5, 0, -1, 0.3], [1, 1, 1, 1, 1], 0));
    const health = unitHealth(p, 'leaky-relu', xs);
    expect(health.kind).toBe('leaky');
    expect(health.count).toBe(3);
    expect(Array.from(health.stuck)).toEqual([1, 1, 0, 1, 0]);
  });

  it('counts tanh/sigmoid units with |z| > 3 on every point, on either side, as saturated', () => {
    // Unit 0: z = x + 4 in [3, 5]: 3 is not > 3, so not saturated. Unit 1: z = x + 4.5 in [3.5, 5.5]: saturated.
    // Unit 2: z = 10 x: crosses 0: not. Unit 3: z = -x - 5 in [-6, -4]: saturated.
    const p = unpackParams(flat([1, 1, 10, -1], [4, 4.5, 0, -5], [1, 1, 1, 1], 0));
    for (const act of ['tanh', 'sigmoid'] as const) {
      const health = unitHealth(p, act, xs);
      expect(health.count).toBe(2);
      expect(Array.from(health.stuck)).toEqual([0, 1, 0, 1]);
    }
  });

  it('counts ELU and softplus units only when flat on the negative side: a large positive z keeps its slope 1', () => {
    // Same weights: unit 1 (z in [3.5, 5.5]) is on the straight side of ELU and softplus; unit 3 (z in [-6, -4]) is flat.
    const p = unpackParams(flat([1, 1, 10, -1], [4, 4.5, 0, -5], [1, 1, 1, 1], 0));
    for (const act of ['elu', 'softplus'] as const) {
      const health = unitHealth(p, act, xs);
      expect(health.kind).toBe('flat-negative');
      expect(health.count).toBe(1);
      expect(Array.from(health.stuck)).toEqual([0, 0, 0, 1]);
    }
  });

  it('never greys a sine unit; counts those whose z passes a peak of sin within the data', () => {
    // Unit 0: z = x in [-1, 1]: no peak (pi/2 > 1). Unit 1: z = 2x in [-2, 2]: passes +-pi/2.
    // Unit 2: z = x + 10 in [9, 11]: 3.5 pi = 10.996 is inside. Unit 3: z = 0.1 x + 1.6: [1.5, 1.7] holds pi/2.
    // Unit 4: large |z| everywhere, z = x + 100 in [99, 101]: 31.5 pi = 98.96 and 32.5 pi = 102.1 are outside.
    const p = unpackParams(flat([1, 2, 1, 0.1, 1], [0, 0, 10, 1.6, 100], [1, 1, 1, 1, 1], 0));
    const health = unitHealth(p, 'sine', xs);
    expect(health.kind).toBe('turning');
    expect(health.count).toBe(3);
    expect(Array.from(health.stuck)).toEqual([0, 0, 0, 0, 0]);
  });

  it('checks every point, not only the first and last, when the data is not sorted', () => {
    const p = unpackParams(flat([1], [-0.9], [1], 0));
    // z = x - 0.9 > 0 only at x = 1, which sits in the middle of this list.
    expect(unitHealth(p, 'relu', [0.2, 1, -1]).count).toBe(0);
    expect(unitHealth(p, 'relu', [0.2, 0.5, -1]).count).toBe(1);
  });

  it('counts nothing on no data', () => {
    const p = unpackParams(flat([1], [-5], [1], 0));
    for (const act of ACTIVATIONS) expect(unitHealth(p, act, []).count).toBe(0);
  });

  for (const act of ACTIVATIONS) {
    it(`matches a point-by-point float64 reference on random weights and every dataset (${act})`, () => {
      const rng = new NumpyRandom(17);
      const H = 400;
      // Weights spread wide, so every kind of unit occurs: w1 ~ N(0, 3), b1 ~ N(0, 5).
      const params = new Float32Array(3 * H + 1);
      for (let j = 0; j < H; j++) {
        params[j] = rng.normal(0, 3);
        params[H + j] = rng.normal(0, 5);
        params[2 * H + j] = rng.normal(0, 1);
      }
      const p = unpackParams(params);
      // Every dataset's x, and a learner's own points: few, unsorted, off-centre.
      const own = Float32Array.from({ length: 7 }, () => rng.normal(0.3, 0.4));
      const sets: [string, Float32Array][] = DATASETS.map((dataset) => {
        const spec = {
          dataset,
          points: 40,
          noise: 0.1,
          ...(dataset === 'custom' ? { expression: 'x' } : {}),
        };
        return [dataset, makeDataset(spec, new NumpyRandom(3)).x];
      });
      sets.push(['own points', own]);
      let total = 0;
      for (const [name, x] of sets) {
        const health = unitHealth(p, act, x);
        const expected = referenceCount(act, p.w1, p.b1, x);
        expect(health.count, name).toBe(expected);
        expect(health.stuck.reduce((s, v) => s + v, 0)).toBe(act === 'sine' ? 0 : expected);
        total += expected;
      }
      // Not vacuous: something is counted, but not every unit.
      if (act !== 'none') {
        expect(total).toBeGreaterThan(0);
        expect(total).toBeLessThan(sets.length * H);
      }
    });
  }

  it('matches the reference on trained networks too (every activation, 300 steps at a rate that kills units)', () => {
    for (const act of ACTIVATIONS) {
      const run = new TrainingRun({
        ...MODEL,
        layers: [64],
        activation: act,
        seed: 11,
        dataset: 'quadratic',
      });
      run.train(300, 0.02, new Float32Array(300), 0);
      const params = new Float32Array(run.paramLength());
      run.snapshotParams(params);
      const p = unpackParams(params);
      expect(unitHealth(p, act, run.data.x).count, act).toBe(
        referenceCount(act, p.w1, p.b1, run.data.x),
      );
    }
  });
});
