import { describe, expect, it } from 'vitest';
import { leastSquaresLine, lineBelowTruth, lossBaselines } from './baselines';
import { makeDataset, TARGETS } from './dataset';
import { NumpyRandom } from './rng';

describe('loss baselines', () => {
  it('finds the least-squares line of the normal equations, which no nearby line beats', () => {
    const x = [-1, -0.2, 0.3, 0.9, 1.4];
    const y = [0.8, 0.1, 0.2, 0.7, 2.2];
    // Independent: Cramer's rule on the raw (uncentred) normal equations.
    const n = x.length;
    const sx = x.reduce((a, b) => a + b, 0);
    const sy = y.reduce((a, b) => a + b, 0);
    const sxx = x.reduce((a, b) => a + b * b, 0);
    const sxy = x.reduce((a, b, i) => a + b * y[i]!, 0);
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const intercept = (sy - slope * sx) / n;
    const line = leastSquaresLine(x, y);
    expect(line.slope).toBeCloseTo(slope, 12);
    expect(line.intercept).toBeCloseTo(intercept, 12);
    const err = (m: number, c: number) =>
      x.reduce((a, xi, i) => a + (m * xi + c - y[i]!) ** 2, 0) / n;
    const best = err(line.slope, line.intercept);
    for (const [dm, dc] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
    ] as const) {
      expect(err(line.slope + dm, line.intercept + dc)).toBeGreaterThan(best);
    }
  });

  it('gives slope 0 and the mean when every x is equal', () => {
    expect(leastSquaresLine([2, 2, 2], [1, 2, 6])).toEqual({ slope: 0, intercept: 3 });
  });

  it('on the tutorial data: the noise floor is the mean squared noise, and the best line is y = mean for x²', () => {
    const spec = { dataset: 'quadratic' as const, points: 30, noise: 0.2 };
    const data = makeDataset(spec, new NumpyRandom(0));
    const b = lossBaselines(data.x, data.y, TARGETS.quadratic);
    // Independent noise floor: draw the same noise from a fresh generator and square it.
    const rng = new NumpyRandom(0);
    let sq = 0;
    for (let i = 0; i < 30; i++) sq += rng.normal(0, 0.2) ** 2;
    // y is stored as float32, so the floor agrees to float32 rounding of values near 1.
    expect(b.noiseFloor).toBeCloseTo(sq / 30, 6);
    // Independent best line: x is symmetric, so slope = Σxy/Σx² and intercept = mean(y).
    const x = Array.from(data.x);
    const y = Array.from(data.y);
    const slope = x.reduce((a, xi, i) => a + xi * y[i]!, 0) / x.reduce((a, xi) => a + xi * xi, 0);
    const mean = y.reduce((a, v) => a + v, 0) / 30;
    const mseLine = x.reduce((a, xi, i) => a + (slope * xi + mean - y[i]!) ** 2, 0) / 30;
    expect(b.line.slope).toBeCloseTo(slope, 6);
    expect(b.line.intercept).toBeCloseTo(mean, 6);
    expect(b.bestLine).toBeCloseTo(mseLine, 9);
    // The tutorial's lesson in numbers: the line leaves most of x²'s variation unexplained.
    expect(b.bestLine).toBeGreaterThan(2 * b.noiseFloor);
  });

  it('on few points the best straight line can score below the true function (the fit-line preset, N = 10)', () => {
    const data = makeDataset({ dataset: 'linear', points: 10, noise: 0.2 }, new NumpyRandom(0));
    const b = lossBaselines(data.x, data.y, TARGETS.linear);
    // The figures the page shows for this preset at seed 0.
    expect(b.noiseFloor).toBeCloseTo(0.0592, 4);
    expect(b.bestLine).toBeCloseTo(0.0279, 4);
    expect(lineBelowTruth(b)).toBe(true);
    // On the tutorial's x² data (N = 30) the line stays far above it.
    const square = makeDataset(
      { dataset: 'quadratic', points: 30, noise: 0.2 },
      new NumpyRandom(0),
    );
    expect(lineBelowTruth(lossBaselines(square.x, square.y, TARGETS.quadratic))).toBe(false);
    // Least squares never does worse than the truth when the truth is itself a line: on any sample.
    for (let seed = 1; seed <= 20; seed++) {
      const d = makeDataset({ dataset: 'linear', points: 10, noise: 0.2 }, new NumpyRandom(seed));
      expect(lineBelowTruth(lossBaselines(d.x, d.y, TARGETS.linear))).toBe(true);
    }
  });
});
