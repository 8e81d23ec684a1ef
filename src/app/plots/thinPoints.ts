/**
 * The data markers the fit plot draws when there are too many to draw them all: every
 * k-th point. What the plot shows and what a click on it means come from this one place,
 * so a clicked marker always names the point it stands for.
 */

export interface ThinnedPoints {
  x: Float32Array;
  y: Float32Array;
  /** Marker k stands for data point k × stride (1: every point is drawn). */
  stride: number;
}

/** Every k-th point of (x, y), the first included, so that at most `max` remain. */
export function thinPoints(x: Float32Array, y: Float32Array, max: number): ThinnedPoints {
  const stride = Math.max(1, Math.ceil(x.length / Math.max(1, max)));
  if (stride === 1) return { x, y, stride };
  const keep = (_: number, i: number) => i % stride === 0;
  return { x: x.filter(keep), y: y.filter(keep), stride };
}

/** The data point a drawn marker stands for. */
export function dataIndex(thinned: Pick<ThinnedPoints, 'stride'>, markerIndex: number): number {
  return markerIndex * thinned.stride;
}
