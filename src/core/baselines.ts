/**
 * Two reference levels for the loss: the true function's own error on these points (how
 * much noise this sample holds) and the best straight line (what a network without
 * activation can reach at best, since a sum of lines is a line). Float64, from the
 * float32 data.
 *
 * The first is no floor: a fit can score below it by following the noise of the points it
 * is fitted to, and on a small sample even the best straight line often does.
 */

export interface Line {
  slope: number;
  intercept: number;
}

/** The least-squares line y = slope x + intercept (slope 0 when every x is equal). */
export function leastSquaresLine(x: ArrayLike<number>, y: ArrayLike<number>): Line {
  const n = x.length;
  if (n === 0) return { slope: 0, intercept: 0 };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  // Centred sums: stable even when the mean is large against the spread.
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    sxx += dx * dx;
    sxy += dx * (y[i]! - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

/** Mean squared error of a function on (x, y). */
export function mse(x: ArrayLike<number>, y: ArrayLike<number>, f: (x: number) => number): number {
  if (x.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const e = f(x[i]!) - y[i]!;
    s += e * e;
  }
  return s / x.length;
}

export interface Baselines {
  /** MSE of the noiseless function on this data (called the noise floor, though fits can go below it). */
  noiseFloor: number;
  /** MSE of the least-squares line on this data. */
  bestLine: number;
  line: Line;
}

export function lossBaselines(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  truth: (x: number) => number,
): Baselines {
  const line = leastSquaresLine(x, y);
  return {
    noiseFloor: mse(x, y, truth),
    bestLine: mse(x, y, (v) => line.slope * v + line.intercept),
    line,
  };
}

/**
 * Whether the best straight line scores below the true function on these points: then a
 * fit, even a line, follows part of this sample's noise, and a training loss under the
 * true function's error says nothing by itself about new points.
 */
export function lineBelowTruth(b: Baselines): boolean {
  return b.bestLine < b.noiseFloor;
}
