/**
 * Redraws line traces in place between full Plotly redraws. Plotly.react recomputes and
 * redraws every trace whenever any data array changes (its own docs: there is no partial
 * recalc), which costs tens of milliseconds per frame once a plot has many traces. Live
 * curves only move their lines, so each frame we rewrite just those paths' `d` attributes
 * with Plotly's own axis conversions, and let Plotly.react run a few times a second to
 * bring everything else (markers, hover, legend) up to date.
 */
import type { Data } from './plotly';

interface Axis {
  c2p(value: number): number;
}

interface TraceGroup extends Element {
  /** d3's datum on Plotly's trace group: the trace's calcdata, whose first entry knows the trace. */
  __data__?: { trace?: { index?: number } }[];
}

interface PlotDiv extends HTMLElement {
  _fullLayout?: { xaxis?: Axis; yaxis?: Axis };
  data?: Data[];
}

/** Plotly's line path for one trace: M/L commands, a new M after each gap (NaN). */
function linePath(x: ArrayLike<number>, y: ArrayLike<number>, xa: Axis, ya: Axis): string {
  let d = '';
  let pen = false;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const xv = x[i]!;
    const yv = y[i]!;
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${xa.c2p(xv).toFixed(2)},${ya.c2p(yv).toFixed(2)}`;
    pen = true;
  }
  return d;
}

/** Moves a markers trace's points (one `path.point` per finite point) to new positions. */
function moveMarkers(group: Element, x: ArrayLike<number>, y: ArrayLike<number>, xa: Axis, ya: Axis): boolean {
  const points = group.querySelectorAll('path.point');
  let k = 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const xv = x[i]!;
    const yv = y[i]!;
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) continue;
    const point = points[k++];
    if (!point) return false;
    point.setAttribute('transform', `translate(${xa.c2p(xv).toFixed(2)},${ya.c2p(yv).toFixed(2)})`);
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
 * Moves the line traces of `traces` (same structure as the last full redraw) to their new
 * points, and points the graph's `data` at the new arrays. Returns false when the DOM is
 * not what was expected, so the caller falls back to Plotly.react.
 */
export function patchLines(div: HTMLElement, traces: readonly Data[]): boolean {
  const gd = div as PlotDiv;
  const xa = gd._fullLayout?.xaxis;
  const ya = gd._fullLayout?.yaxis;
  if (!xa || !ya || !gd.data || gd.data.length !== traces.length) return false;
  const groups = new Map<number, Element>();
  for (const g of gd.querySelectorAll<TraceGroup>('.scatterlayer .trace')) {
    const index = g.__data__?.[0]?.trace?.index;
    if (index !== undefined) groups.set(index, g);
  }
  for (let i = 0; i < traces.length; i++) {
    const trace = traces[i] as Data & { x?: ArrayLike<number>; y?: ArrayLike<number>; mode?: string };
    const shown = gd.data[i] as Data & { x?: unknown; y?: unknown; name?: string };
    if (shown.x === trace.x && shown.y === trace.y && shown.name === trace.name) continue;
    const group = groups.get(i);
    if (!trace.x || !trace.y || !group) return false;
    if (trace.mode === 'lines') {
      const path = group.querySelector('path.js-line');
      if (!path) return false;
      path.setAttribute('d', linePath(trace.x, trace.y, xa, ya));
    } else if (trace.mode === 'markers') {
      if (!moveMarkers(group, trace.x, trace.y, xa, ya)) return false;
    } else {
      return false;
    }
    shown.x = trace.x;
    shown.y = trace.y;
    shown.name = trace.name;
  }
  return true;
}
