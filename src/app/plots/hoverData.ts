/**
 * Plotly's hover data (calcdata) kept in step with lines patched in place, so hovering a
 * live curve reports what is drawn, not what was drawn at the last full redraw.
 */
import type { CalcPoint } from './plotlyInternals';

/**
 * Points a trace's hover data at its new values when it has as many points as Plotly
 * computed at the last full redraw (the fit and unit curves: a fixed grid), so the hover
 * label of a live curve shows what is drawn.
 */
export function updateHoverData(
  points: CalcPoint[] | undefined,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  growing: boolean,
): void {
  if (points && growing && points.length > 0 && x.length === y.length)
    resizeHoverData(points, x.length);
  if (!points || points.length !== x.length || points.length !== y.length) return;
  for (let i = 0; i < points.length; i++) {
    const xv = x[i]!;
    const yv = y[i]!;
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) {
      // A gap: Plotly's own marker for a missing point stays; a growing curve's gap is NaN
      // (its points move along as the history is thinned, and Plotly draws a gap for NaN).
      if (growing) points[i]!.x = points[i]!.y = Number.NaN;
      continue;
    }
    points[i]!.x = xv;
    points[i]!.y = yv;
  }
}

/**
 * Gives a trace's hover data n points (keeping the first, which carries Plotly's own
 * fields for the trace), so a growing curve (the loss) can be hovered up to its newest
 * point. New points only are allocated: a few per frame.
 */
function resizeHoverData(points: CalcPoint[], n: number): void {
  if (n < 1) return;
  points.length = n;
  for (let i = 1; i < n; i++) points[i] ??= { x: Number.NaN, y: Number.NaN };
}
