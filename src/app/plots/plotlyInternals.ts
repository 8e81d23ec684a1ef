/**
 * The parts of Plotly's graph div that are not its public API and that this app reads or
 * sets, typed in one place: the fast paths (fastLines.ts, stepAxis.ts) depend on them, so
 * a Plotly upgrade is checked here first. Everything is optional: code that reads them
 * falls back to a full Plotly redraw when the graph is not as expected.
 */
import type { Data, Layout } from './plotStyle';

/** A full axis: Plotly's data-to-pixel map, and the ranges its drawing and dragging read. */
export interface FullAxis {
  type?: string;
  range?: number[];
  /** Copies of the range that box zoom and pan start from (linear units; set at Plotly's redraws). */
  _r?: number[];
  _rl?: number[];
  /** Recomputes the pixel map from `range` and the plot's size. */
  setScale?: () => void;
  /** Data value to pixels from the plot area's edge (on a log axis too: it takes the value, not its log). */
  c2p(value: number): number;
}

/** One point of a scatter trace's calcdata: what hover labels read. */
export interface CalcPoint {
  x: number;
  y: number;
}

/** Plotly's group of one trace's SVG elements. */
export interface TraceGroup extends Element {
  /** d3's datum: the trace's calcdata, whose first entry knows the trace. */
  __data__?: { trace?: { index?: number } }[];
}

export interface FullLayout {
  /** Axes by layout key: xaxis, yaxis, yaxis2 ... */
  [axis: `${'x' | 'y'}axis${string}`]: FullAxis | undefined;
  /** The plot area in the div, px. */
  _size?: { l: number; t: number; w: number; h: number };
  font?: { family?: string; size?: number };
  width?: number;
  height?: number;
}

/** The graph div as Plotly leaves it after a draw. */
export interface GraphDiv extends HTMLElement {
  data?: Data[];
  layout?: Partial<Layout>;
  calcdata?: CalcPoint[][];
  /** Each trace's full attributes; hover labels read their `text` from here. */
  _fullData?: { text?: unknown }[];
  _fullLayout?: FullLayout;
  /** Set by Plotly while the user drags on the plot (pan or zoom). */
  _dragging?: boolean;
  /** Plotly's event API, added by its first draw. */
  on?: (event: string, handler: () => void) => void;
  removeListener?: (event: string, handler: () => void) => void;
}
