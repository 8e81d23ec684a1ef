/**
 * Redraws line traces in place between full Plotly redraws. Plotly.react recomputes and
 * redraws every trace whenever any data array changes (its own docs: there is no partial
 * recalc), which costs far more than a frame (docs/page.md). Live curves only move their
 * lines, so each frame we rewrite just those paths' `d` attributes with Plotly's own axis
 * conversions, and keep the hover data of same-length traces current, so a full redraw is
 * needed only when the plot's structure or axes change.
 */
import type { Data } from './plotStyle';
import type { GraphDiv, TraceGroup } from './plotlyInternals';
import { updateHoverData } from './hoverData';
import { linePath, px, scaleOf, toPixel, type Scale } from './linePath';

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
    // Which unit each point of the joined unit lines belongs to follows its points too.
    const customdata = (trace as { customdata?: unknown }).customdata;
    if (customdata !== undefined) (shown as { customdata?: unknown }).customdata = customdata;
  }
  return true;
}
