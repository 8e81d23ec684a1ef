/**
 * Pure helpers for the picture a frame carries (core/protocol NetworkPicture): which units
 * of a layer to draw, their rows on the grid, the sum of the rest, and gradient sizes.
 * Activations come as a workspace holds them, [points][width] row-major, so the worker
 * reads them straight from one forward pass over the grid. Nothing here allocates.
 */

/**
 * Per unit j, the largest |scale_j * a_j(x)| over the grid points (|a_j(x)| when scale is
 * null), into size. At one hidden layer every activation but sine is monotone in x, so
 * this is the larger of the two ends, what the fit plot has always ranked units by.
 */
export function unitSizes(
  acts: Float32Array,
  points: number,
  width: number,
  scale: ArrayLike<number> | null,
  size: Float64Array,
): void {
  size.fill(0, 0, width);
  for (let g = 0; g < points; g++) {
    const row = g * width;
    for (let j = 0; j < width; j++) {
      const v = Math.abs(scale ? scale[j]! * acts[row + j]! : acts[row + j]!);
      if (v > size[j]!) size[j] = v;
    }
  }
}

/**
 * The k largest of size[0..width) into out, largest first, ties to the lower index (k
 * passes of a scan: k is small, and a sort would allocate). Marks them in taken (cleared
 * first); returns how many were chosen. A NaN size ranks below every number.
 */
export function largestInto(
  size: Float64Array,
  width: number,
  k: number,
  taken: Uint8Array,
  out: Int32Array,
): number {
  const count = Math.min(k, width);
  taken.fill(0, 0, width);
  for (let r = 0; r < count; r++) {
    let best = -1;
    for (let j = 0; j < width; j++) {
      if (taken[j]) continue;
      if (
        best < 0 ||
        size[j]! > size[best]! ||
        (Number.isNaN(size[best]!) && !Number.isNaN(size[j]!))
      )
        best = j;
    }
    taken[best] = 1;
    out[r] = best;
  }
  return count;
}

/**
 * The chosen units' rows on the grid: rows[r * points + g] = scale_j * a_j(x_g) for the
 * r-th chosen unit j, rounded to float32 as the worker's own products are (a_j alone when
 * scale is null).
 */
export function unitRows(
  acts: Float32Array,
  points: number,
  width: number,
  units: Int32Array,
  count: number,
  scale: ArrayLike<number> | null,
  rows: Float32Array,
): void {
  for (let r = 0; r < count; r++) {
    const j = units[r]!;
    const s = scale ? scale[j]! : 1;
    const base = r * points;
    for (let g = 0; g < points; g++) rows[base + g] = s * acts[g * width + j]!;
  }
}

/** Sum over every unit not taken of scale_j * a_j(x) at each grid point, in float64, into out. */
export function othersSum(
  acts: Float32Array,
  points: number,
  width: number,
  taken: Uint8Array,
  scale: ArrayLike<number>,
  out: Float64Array,
): void {
  for (let g = 0; g < points; g++) {
    const row = g * width;
    let s = 0;
    for (let j = 0; j < width; j++) if (!taken[j]) s += scale[j]! * acts[row + j]!;
    out[g] = s;
  }
}

/** Each unit's outgoing weight size sqrt(sum_k w[j][k]^2), from a [width][outDim] weight matrix, into out. */
export function outgoingNorms(
  w: ArrayLike<number>,
  width: number,
  outDim: number,
  out: Float64Array,
): void {
  for (let j = 0; j < width; j++) {
    let s = 0;
    for (let k = 0; k < outDim; k++) {
      const v = w[j * outDim + k]!;
      s += v * v;
    }
    out[j] = Math.sqrt(s);
  }
}

/** Root mean square of the values (0 for none). */
export function rms(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! * values[i]!;
  return Math.sqrt(s / values.length);
}
