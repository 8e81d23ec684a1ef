/**
 * A line trace as an SVG path in pixels, written the way Plotly writes its own (M/L
 * commands, a new M after each gap), so fastLines can swap it into Plotly's path element.
 */
import type { FullAxis } from './plotlyInternals';

/** Pixel coordinates to this many decimals: sub-pixel enough, and shorter paths to parse. */
const PIXEL_SCALE = 10;
/** Farthest a coordinate is written outside the plot, px: a runaway curve stays a sane path (it is clipped anyway). */
const FAR = 1e5;
export const px = (v: number) =>
  Math.round(Math.max(-FAR, Math.min(FAR, v)) * PIXEL_SCALE) / PIXEL_SCALE;

/**
 * An axis's data-to-pixel map as plain arithmetic (offset + slope, after log10 on a log
 * axis), read off Plotly's own c2p once per patch: calling c2p per point was most of the
 * cost of a patched frame.
 */
export interface Scale {
  offset: number;
  slope: number;
  log: boolean;
}

export function scaleOf(axis: FullAxis): Scale {
  const log = axis.type === 'log';
  const offset = axis.c2p(log ? 1 : 0);
  // Plotly rounds pixels to 1/100: across one unit of a long axis (one step of ten million)
  // that is 0, and every point would land on the axis's start. Read the slope across the
  // axis's whole range, where the rounding is negligible.
  const [lo, hi] = axis.range ?? [];
  if (
    lo !== undefined &&
    hi !== undefined &&
    Number.isFinite(lo) &&
    Number.isFinite(hi) &&
    hi !== lo
  ) {
    const at = (l: number) => axis.c2p(log ? 10 ** l : l);
    const slope = (at(hi) - at(lo)) / (hi - lo);
    return { offset: at(lo) - slope * lo, slope, log };
  }
  return { offset, slope: axis.c2p(log ? 10 : 1) - offset, log };
}

export function toPixel(s: Scale, v: number): number {
  return s.offset + s.slope * (s.log ? Math.log10(v) : v);
}

/** The x coordinates of a shared x array (the curve grid), formatted once per axis scale. */
const xTexts = new WeakMap<object, { offset: number; slope: number; texts: string[] }>();

function xText(x: ArrayLike<number>, s: Scale): string[] | null {
  if (s.log || typeof x !== 'object') return null;
  const cached = xTexts.get(x);
  if (
    cached &&
    cached.offset === s.offset &&
    cached.slope === s.slope &&
    cached.texts.length === x.length
  )
    return cached.texts;
  const texts = Array.from({ length: x.length }, (_, i) => String(px(toPixel(s, x[i]!))));
  xTexts.set(x, { offset: s.offset, slope: s.slope, texts });
  return texts;
}

/**
 * Points within this distance of the straight run they sit on are left out of a path, px.
 * Plotly simplifies its own lines likewise; here it turns a nearly straight unit line of
 * 241 samples into a handful of points, and the path costs less to build, parse and paint.
 */
export const SIMPLIFY_PX = 0.15;

/**
 * Plotly's line path for one trace: M/L commands, a new M after each gap (NaN, or a
 * non-positive value on a log axis). Simplified in one pass (Reumann-Witkam): a run
 * keeps its first point and a direction, takes every later point within SIMPLIFY_PX of
 * that line that moves on along it, and writes only the last of them when a point leaves.
 */
export function linePath(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xs: Scale,
  ys: Scale,
  sharedX: boolean,
): string {
  const xTexts = sharedX ? xText(x, xs) : null;
  let d = '';
  const write = (command: string, i: number, xp: number, yp: number) => {
    d += command + (xTexts ? xTexts[i]! : px(xp)) + ',' + px(yp);
  };
  let open = false;
  /** The run's first point and unit direction (none until a point is far enough from it). */
  let ax = 0;
  let ay = 0;
  let ux = 0;
  let uy = 0;
  let aimed = false;
  /** The last point taken into the run and not yet written (index -1: none). */
  let held = -1;
  let hx = 0;
  let hy = 0;
  let reach = 0;
  const aim = (xp: number, yp: number) => {
    const length = Math.hypot(xp - ax, yp - ay);
    aimed = length >= SIMPLIFY_PX;
    if (aimed) {
      ux = (xp - ax) / length;
      uy = (yp - ay) / length;
      reach = length;
    }
  };
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const xv = x[i]!;
    const yp = toPixel(ys, y[i]!);
    if (!Number.isFinite(xv) || !Number.isFinite(yp)) {
      if (held >= 0) write('L', held, hx, hy);
      held = -1;
      open = false;
      continue;
    }
    const xpx = toPixel(xs, xv);
    if (!open) {
      write('M', i, xpx, yp);
      ax = xpx;
      ay = yp;
      aimed = false;
      open = true;
      continue;
    }
    if (aimed) {
      const along = (xpx - ax) * ux + (yp - ay) * uy;
      if (Math.abs((xpx - ax) * uy - (yp - ay) * ux) <= SIMPLIFY_PX && along >= reach) {
        held = i;
        hx = xpx;
        hy = yp;
        reach = along;
        continue;
      }
      // This point leaves the run: the last one in it is written and starts the next.
      write('L', held, hx, hy);
      ax = hx;
      ay = hy;
    }
    held = i;
    hx = xpx;
    hy = yp;
    aim(xpx, yp);
  }
  if (held >= 0) write('L', held, hx, hy);
  return d;
}
