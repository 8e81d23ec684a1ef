/** Reading a curve sampled on an evenly spaced grid at other xs, as a line drawn through its samples passes them. */

/**
 * Linear interpolation of values (sampled at grid, evenly spaced and increasing) at each
 * x, into out; xs beyond the grid take its end values.
 */
export function interpolateOnGrid(
  grid: ArrayLike<number>,
  values: ArrayLike<number>,
  xs: ArrayLike<number>,
  out: Float64Array,
): void {
  const n = grid.length;
  const lo = grid[0]!;
  const step = (grid[n - 1]! - lo) / (n - 1);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    let k = Math.min(n - 2, Math.max(0, Math.floor((x - lo) / step)));
    // The grid is float32: its points sit a rounding away from the even spacing.
    if (k > 0 && x < grid[k]!) k--;
    else if (k < n - 2 && x > grid[k + 1]!) k++;
    const f = Math.min(1, Math.max(0, (x - grid[k]!) / (grid[k + 1]! - grid[k]!)));
    out[i] = values[k]! + f * (values[k + 1]! - values[k]!);
  }
}
