import { describe, it, expect } from 'vitest';
import { checkExpression, linspace, makeDataset, targetFunction } from './dataset';
import { curveGrid } from './grid';
import { NumpyRandom } from './rng';
import { formatEn } from '../messages/en';

// python3 -c "import numpy as np; print(repr(np.linspace(-1, 1, N).tolist()))" (numpy 2.4.6)
const LINSPACE: Record<number, number[]> = {
  1: [-1.0],
  2: [-1.0, 1.0],
  3: [-1.0, 0.0, 1.0],
  7: [
    -1.0, -0.6666666666666667, -0.33333333333333337, 0.0, 0.33333333333333326, 0.6666666666666665,
    1.0,
  ],
  10: [
    -1.0, -0.7777777777777778, -0.5555555555555556, -0.33333333333333337, -0.11111111111111116,
    0.11111111111111116, 0.33333333333333326, 0.5555555555555554, 0.7777777777777777, 1.0,
  ],
  30: [
    -1.0, -0.9310344827586207, -0.8620689655172413, -0.7931034482758621, -0.7241379310344828,
    -0.6551724137931034, -0.5862068965517242, -0.5172413793103449, -0.4482758620689655,
    -0.3793103448275862, -0.31034482758620685, -0.24137931034482762, -0.1724137931034483,
    -0.10344827586206895, -0.034482758620689724, 0.034482758620689724, 0.10344827586206895,
    0.17241379310344818, 0.24137931034482762, 0.31034482758620685, 0.3793103448275863,
    0.4482758620689655, 0.5172413793103448, 0.5862068965517242, 0.6551724137931034,
    0.7241379310344827, 0.7931034482758621, 0.8620689655172413, 0.9310344827586206, 1.0,
  ],
};

describe('linspace equals numpy.linspace exactly', () => {
  it.each([1, 2, 3, 7, 10, 30])('N = %i', (n) => {
    expect(Array.from(linspace(-1, 1, n))).toEqual(LINSPACE[n]);
  });

  it('matches numpy on the plot grid (-1.25, 1.25, 241) at sampled indices', () => {
    const idx = [0, 1, 2, 59, 60, 119, 120, 121, 180, 239, 240];
    const numpy = [
      -1.25, -1.2395833333333333, -1.2291666666666667, -0.6354166666666667, -0.625,
      -0.01041666666666674, 0.0, 0.010416666666666519, 0.625, 1.239583333333333, 1.25,
    ];
    const grid = linspace(-1.25, 1.25, 241);
    expect(idx.map((i) => grid[i])).toEqual(numpy);
    expect(Array.from(curveGrid())).toEqual(Array.from(grid, Math.fround));
  });
});

describe('makeDataset', () => {
  it('x is float32 linspace and y = f(x) + noise with noise drawn first, in order', () => {
    const data = makeDataset({ dataset: 'quadratic', points: 2, noise: 0.2 }, new NumpyRandom(0));
    // np.random.seed(0); np.random.normal(0, 0.2, 2) -> [0.3528104691935328, 0.08003144167344467]
    expect(Array.from(data.x)).toEqual([-1, 1]);
    expect(Array.from(data.y)).toEqual([
      Math.fround(0.3528104691935328 + 1),
      Math.fround(0.08003144167344467 + 1),
    ]);
  });

  it('N = 1 gives the single point x = -1', () => {
    const data = makeDataset({ dataset: 'linear', points: 1, noise: 0 }, new NumpyRandom(0));
    expect(Array.from(data.x)).toEqual([-1]);
    expect(Array.from(data.y)).toEqual([-1]);
  });
});

describe('built-in and custom targets', () => {
  it('each built-in target is its textbook function', () => {
    const at = (dataset: Parameters<typeof targetFunction>[0]['dataset'], x: number) =>
      targetFunction({ dataset })(x);
    expect(at('sine', 0.5)).toBeCloseTo(1, 15);
    expect(at('abs', -0.3)).toBe(0.3);
    expect(at('step', -0.01)).toBe(0);
    expect(at('step', 0.2)).toBe(1);
    expect(at('cubic', -0.5)).toBe(-0.125);
  });

  it('a custom dataset draws its noise exactly like the built-in one with the same function', () => {
    const spec = { points: 9, noise: 0.3 };
    const custom = makeDataset(
      { ...spec, dataset: 'custom', expression: 'x^2' },
      new NumpyRandom(5),
    );
    const builtin = makeDataset({ ...spec, dataset: 'quadratic' }, new NumpyRandom(5));
    expect(custom).toEqual(builtin);
  });

  it('checkExpression accepts finite targets and names where one is not finite', () => {
    expect(checkExpression('sin(3*x) + 0.5*x^2')).toEqual({ ok: true });
    const sqrt = checkExpression('sqrt(x)');
    expect(sqrt.ok).toBe(false);
    if (!sqrt.ok) expect(formatEn(sqrt.problem)).toMatch(/x = -1\b/);
    const pole = checkExpression('1/x');
    expect(pole.ok).toBe(false);
    if (!pole.ok) expect(pole.problem).toEqual({ code: 'expr.notFinite', x: 0 });
    expect(checkExpression('sin(').ok).toBe(false);
  });

  it('an invalid custom expression cannot build data', () => {
    expect(() =>
      makeDataset(
        { dataset: 'custom', expression: 'nope', points: 3, noise: 0 },
        new NumpyRandom(0),
      ),
    ).toThrow(/target expression/);
  });
});
