/**
 * The comparison's loss plot axes: set with room to grow at each full redraw, so that the
 * frames between only move the lines (see plots/fastLines); a full redraw comes when some
 * loss leaves them. Pure.
 */

/** Extent of the losses on the plot: the last step, and the smallest and largest positive finite loss. */
export interface LossExtent {
  lastStep: number;
  lo: number;
  hi: number;
}

/** Axis ranges as Plotly takes them: x in steps, y in log10 of the loss. */
export interface LossAxes {
  x: [number, number];
  y: [number, number];
}

/** How much further than the data the step axis reaches, so it is not redrawn every frame. */
const X_GROWTH = 1.6;
/** The fewest steps the axis shows. */
const MIN_X = 20;
/** Room above and below the losses, in decades. */
const Y_MARGIN = 0.25;

export function emptyExtent(): LossExtent {
  return { lastStep: 0, lo: Infinity, hi: 0 };
}

/**
 * How far above the runs' starting losses the axis reaches: a run that diverges climbs to
 * 1e9 and beyond, and an axis that followed it would flatten every other run to a line.
 */
export const ABOVE_START = 10;

/** The highest loss the axis shows: ABOVE_START times the highest of the runs' first losses. */
export function lossCap(firstLosses: readonly number[]): number {
  const finite = firstLosses.filter((v) => v > 0 && v < Infinity);
  return finite.length ? ABOVE_START * Math.max(...finite) : Infinity;
}

/** Widens `extent` by n points of steps/losses, leaving out losses above `cap`. */
export function addToExtent(
  extent: LossExtent,
  steps: ArrayLike<number>,
  losses: ArrayLike<number>,
  n: number,
  cap = Infinity,
): void {
  if (n > 0) extent.lastStep = Math.max(extent.lastStep, steps[n - 1]!);
  for (let i = 0; i < n; i++) {
    const v = losses[i]!;
    if (v > 0 && v <= cap) {
      if (v < extent.lo) extent.lo = v;
      if (v > extent.hi) extent.hi = v;
    }
  }
}

/** Axes for an extent, with room to grow. */
export function axesFor(extent: LossExtent): LossAxes {
  const x: [number, number] = [0, Math.max(MIN_X, Math.ceil(extent.lastStep * X_GROWTH))];
  if (!(extent.hi > 0)) return { x, y: [-3, 1] };
  return {
    x,
    y: [Math.log10(extent.lo) - Y_MARGIN, Math.log10(extent.hi) + Y_MARGIN],
  };
}

/** Whether the extent is drawn whole within the axes. */
export function fitsAxes(extent: LossExtent, axes: LossAxes): boolean {
  if (extent.lastStep > axes.x[1]) return false;
  if (!(extent.hi > 0)) return true;
  return Math.log10(extent.lo) >= axes.y[0] && Math.log10(extent.hi) <= axes.y[1];
}
