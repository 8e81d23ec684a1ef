/** The fixed x range the fit plot shows, and the dense grid the fitted curve is sampled on. */
import { linspace } from './dataset';

/** Plotted x range: a little beyond the data's [-1, 1] so extrapolation is visible. */
export const PLOT_X_RANGE: readonly [number, number] = [-1.25, 1.25];
/** Samples of the fitted curve per frame. */
export const CURVE_POINTS = 241;

/** The curve grid, float32 as the network sees it. */
export function curveGrid(points = CURVE_POINTS): Float32Array {
  return Float32Array.from(linspace(PLOT_X_RANGE[0], PLOT_X_RANGE[1], points));
}
