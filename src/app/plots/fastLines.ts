/**
 * Redraws line traces in place between full Plotly redraws. Plotly.react recomputes and
 * redraws every trace whenever any data array changes (its own docs: there is no partial
 * recalc), which costs far more than a frame (docs/page.md). Live curves only move their
 * lines, so each frame we rewrite just those paths' `d` attributes with Plotly's own axis
 * conversions, and keep the hover data of same-length traces current, so a full redraw is
 * needed only when the plot's structure or axes change.
 */
import type { Data } from './plotStyle';
import type { CalcPoint, FullAxis, GraphDiv, TraceGroup } from './plotlyInternals';

/** Pixel coordinates to this many decimals: sub-pixel enough, and shorter paths to parse. */
const PIXEL_SCALE = 10;
/** Farthest a coordinate is written outside the plot, px: a runaway curve stays a sane path (it is clipped anyway). */
const FAR = 1e5;
const px = (v: number) => Math.round(Math.max(-FAR, Math.min(FAR, v)) * PIXEL_SCALE) / PIXEL_SCALE;

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

function scaleOf(axis: FullAxis): Scale {
  const log = axis.type === 'log';
  const offset = axis.c2p(log ? 1 : 0);
  return { offset, slope: axis.c2p(log ? 10 : 1) - offset, log };
}

function toPixel(s: Scale, v: number): number {
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

/** Moves a markers trace's points (one `path.point` per finite point) to new positions. */
function moveMarkers(
  group: Element,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xs: Scale,
  ys: Scale,
): boolean {
  const points = group.querySelectorAll('path.point');
  let k = 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const xp = toPixel(xs, x[i]!);
    const yp = toPixel(ys, y[i]!);
    if (!Number.isFinite(xp) || !Number.isFinite(yp)) continue;
    const point = points[k++];
    if (!point) return false;
    point.setAttribute('transform', `translate(${px(xp)},${px(yp)})`);
  }
  return k === points.length;
}

/**
 * A cheap fingerprint of what needs a full Plotly redraw: the number and kinds of traces.
 * Names may change between full redraws (the largest units change places); the legend
 * catches up at the next one.
 */
export function traceSignature(traces: readonly Data[]): string {
  return traces.map((t) => ('mode' in t ? (t.mode ?? '') : '')).join(';');
}

/**
 * Points a trace's hover data at its new values when it has as many points as Plotly
 * computed at the last full redraw (the fit and unit curves: a fixed grid), so the hover
 * label of a live curve shows what is drawn.
 */
function updateHoverData(
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

/** Trace groups whose extra segment paths are already empty, by the calcdata Plotly last drew them with. */
const collapsed = new WeakMap<Element, unknown>();

/**
 * Plotly draws a line with gaps (residuals, a rug of kinks) as one path per piece; the
 * patched path holds every piece, so the others are emptied, once per full redraw.
 */
function collapseSegments(group: TraceGroup, first: Element): void {
  const drawnWith = group.__data__;
  if (collapsed.get(group) === drawnWith) return;
  for (const path of group.querySelectorAll('path.js-line'))
    if (path !== first) path.setAttribute('d', '');
  collapsed.set(group, drawnWith);
}

export interface PatchOptions {
  /** An axis has moved since the last patch: every line is redrawn, even one whose arrays are those shown. */
  rescaled?: boolean;
  /** Lines change length (a growing curve): their hover data follows, so the newest points can be hovered. */
  growing?: boolean;
}

/**
 * Moves the line traces of `traces` (same structure as the last full redraw) to their new
 * points, and points the graph's `data` at the new arrays. Returns false when the DOM is
 * not what was expected, so the caller falls back to Plotly.react.
 */
export function patchLines(
  div: HTMLElement,
  traces: readonly Data[],
  { rescaled = false, growing = false }: PatchOptions = {},
): boolean {
  const gd = div as GraphDiv;
  // While the user pans, Plotly moves the plot layer itself and has already moved the axis
  // scale: a line patched on that scale would move twice as far. Lines wait for the drag's end.
  if (gd._dragging) return true;
  const xa = gd._fullLayout?.xaxis;
  const ya = gd._fullLayout?.yaxis;
  if (!xa || !ya || !gd.data || gd.data.length !== traces.length) return false;
  const xs = scaleOf(xa);
  const yScales = new Map<string, Scale>([['y', scaleOf(ya)]]);
  /** The scale of a trace's y axis ('y', or an overlay such as 'y2', whose layout key is 'yaxis2'). */
  const yScale = (id: string): Scale | null => {
    let scale = yScales.get(id);
    const axis = gd._fullLayout?.[`yaxis${id.slice(1)}`];
    if (!scale && axis) yScales.set(id, (scale = scaleOf(axis)));
    return scale ?? null;
  };
  const groups = new Map<number, TraceGroup>();
  for (const g of gd.querySelectorAll<TraceGroup>('.scatterlayer .trace')) {
    const index = g.__data__?.[0]?.trace?.index;
    if (index !== undefined) groups.set(index, g);
  }
  for (let i = 0; i < traces.length; i++) {
    const trace = traces[i] as Data & {
      x?: ArrayLike<number>;
      y?: ArrayLike<number>;
      mode?: string;
      yaxis?: string;
    };
    const shown = gd.data[i] as Data & { x?: unknown; y?: unknown; name?: string };
    if (!rescaled && shown.x === trace.x && shown.y === trace.y && shown.name === trace.name)
      continue;
    const group = groups.get(i);
    const ys = yScale(trace.yaxis ?? 'y');
    if (!trace.x || !trace.y || !group || !ys) return false;
    if (trace.mode === 'lines') {
      const path = group.querySelector('path.js-line');
      if (!path) return false;
      // An x array kept from the last frame (a fixed grid) has its pixel texts cached.
      path.setAttribute('d', linePath(trace.x, trace.y, xs, ys, shown.x === trace.x));
      collapseSegments(group, path);
    } else if (trace.mode === 'markers') {
      if (!moveMarkers(group, trace.x, trace.y, xs, ys)) return false;
    } else {
      return false;
    }
    updateHoverData(gd.calcdata?.[i], trace.x, trace.y, growing);
    // Per-point hover texts (a kink's position) follow the points they describe.
    const text = (trace as { text?: unknown }).text;
    const full = gd._fullData?.[i];
    if (Array.isArray(text) && full && Array.isArray(full.text) && full.text.length === text.length)
      full.text = text;
    shown.x = trace.x;
    shown.y = trace.y;
    shown.name = trace.name;
  }
  return true;
}

/**
 * The trace cut at its first gap, for a full Plotly redraw: Plotly draws and styles one
 * path per piece of a line with gaps (1,024 for the rug of kinks at H = 1024, most of a
 * full redraw's time), while patchLines then writes every piece into one path. Traces
 * without gaps come back as they are.
 */
export function firstPiece(trace: Data): Data {
  const t = trace as Data & {
    x?: ArrayLike<number | null>;
    y?: ArrayLike<number | null>;
    mode?: string;
  };
  if (t.mode !== 'lines' || !t.x || !t.y) return trace;
  const n = Math.min(t.x.length, t.y.length);
  for (let i = 0; i < n; i++) {
    const xv = t.x[i];
    const yv = t.y[i];
    if (
      typeof xv === 'number' &&
      typeof yv === 'number' &&
      Number.isFinite(xv) &&
      Number.isFinite(yv)
    )
      continue;
    // A piece needs a point: a trace that starts with a gap is left whole.
    return i === 0
      ? trace
      : ({
          ...trace,
          x: Array.from({ length: i }, (_, k) => t.x![k]!),
          y: Array.from({ length: i }, (_, k) => t.y![k]!),
        } as Data);
  }
  return trace;
}
