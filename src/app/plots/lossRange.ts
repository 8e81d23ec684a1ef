/**
 * The loss plot's axis ranges while a run trains. Plotly's autorange would move the axes
 * on every frame (the x axis ends at the newest step), and moving axes costs a full
 * Plotly redraw, a long task (docs/page.md). So while training the axes are set with room to grow,
 * the curve is patched in place within them (see fastLines), and they are set afresh only
 * when the data reaches an edge: a handful of times per run, not ten times a second. The
 * step axis then grows in place, without Plotly (see stepAxis.ts); the loss axis, which
 * moves far more rarely, is redrawn by Plotly.
 */

/** When the newest step passes the x axis's end, the axis grows to this times that step. */
export const X_GROWTH = 1.6;
/** Shortest x axis, in steps. */
export const MIN_X_RANGE = 10;
/** Room below the lowest loss on a log axis, in decades: the curve may fall this far before the axis moves. */
export const LOG_ROOM_BELOW = 0.3;
/** Room above the highest loss on a log axis, in decades. */
export const LOG_ROOM_ABOVE = 0.05;
/** Room below and above the losses on a linear axis, as fractions of their spread. */
export const LINEAR_ROOM_BELOW = 0.15;
export const LINEAR_ROOM_ABOVE = 0.05;

/** Ranges in Plotly's axis units: steps for x, and log10(loss) for y on a log axis. */
export interface LossRanges {
  x: [number, number];
  y: [number, number];
}

/** Smallest and largest value to show (positive only on a log axis), or null when there is none. */
export class Extent {
  lo = Infinity;
  hi = -Infinity;

  constructor(private readonly log: boolean) {}

  add(values: ArrayLike<number>, n = values.length): this {
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v) || (this.log && v <= 0)) continue;
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
    }
    return this;
  }

  get empty(): boolean {
    return this.lo > this.hi;
  }
}

/** Ranges with room to grow that hold every value of the extent and steps 0 to lastStep. */
export function grownRanges(lastStep: number, extent: Extent, log: boolean): LossRanges {
  const x: [number, number] = [0, Math.max(MIN_X_RANGE, Math.ceil(lastStep * X_GROWTH))];
  if (extent.empty) return { x, y: log ? [-1, 0] : [0, 1] };
  if (log)
    return {
      x,
      y: [Math.log10(extent.lo) - LOG_ROOM_BELOW, Math.log10(extent.hi) + LOG_ROOM_ABOVE],
    };
  const spread = Math.max(extent.hi - extent.lo, Math.abs(extent.hi) * 1e-3, 1e-12);
  return { x, y: [extent.lo - spread * LINEAR_ROOM_BELOW, extent.hi + spread * LINEAR_ROOM_ABOVE] };
}

/** Whether steps up to lastStep and every value of the extent lie within the ranges. */
export function fits(ranges: LossRanges, lastStep: number, extent: Extent, log: boolean): boolean {
  return lastStep <= ranges.x[1] && fitsY(ranges, extent, log);
}

/** Whether every value of the extent lies within the y range. */
export function fitsY(ranges: LossRanges, extent: Extent, log: boolean): boolean {
  if (extent.empty) return true;
  const lo = log ? Math.log10(extent.lo) : extent.lo;
  const hi = log ? Math.log10(extent.hi) : extent.hi;
  return lo >= ranges.y[0] && hi <= ranges.y[1];
}

/** Two ranges equal to a relative tolerance (Plotly hands ranges back as computed numbers). */
export function sameRange(
  a: readonly number[] | undefined,
  b: readonly number[] | undefined,
): boolean {
  if (!a || !b || a.length !== 2 || b.length !== 2) return false;
  const tol = 1e-9 * Math.max(1, Math.abs(a[0]!), Math.abs(a[1]!));
  return Math.abs(a[0]! - b[0]!) <= tol && Math.abs(a[1]! - b[1]!) <= tol;
}

/** What appendStandingLoss reads of a frame. */
export interface StandingFrame {
  step: number;
  loss: number;
  state: 'running' | 'paused' | 'diverged';
}

/**
 * Adds the loss of the parameters on show to a history snapshot (steps, losses, n points)
 * when the run stands still: the history records each step's loss before its update, so
 * the current parameters' loss is not in it yet, and at step 0 nothing is. Returns the new
 * count; the arrays need room for one more point.
 */
export function appendStandingLoss(
  steps: Float64Array,
  losses: Float32Array,
  n: number,
  frame: StandingFrame | null,
): number {
  if (!frame || frame.state === 'running' || !Number.isFinite(frame.loss)) return n;
  if (n > 0 && steps[n - 1]! >= frame.step) return n;
  steps[n] = frame.step;
  losses[n] = frame.loss;
  return n + 1;
}
