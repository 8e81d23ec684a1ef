/**
 * One small plot of a hidden layer's activations a_j(x) (Show layers), drawn like the fit
 * plot: a full Plotly redraw when its structure or y range must change, otherwise the
 * line patched in place (fastLines). The units are one trace, each a piece between NaN
 * gaps with its unit number in customdata, as the fit plot draws its unit lines.
 */
import { PLOT_X_RANGE } from '../../core/grid';
import type { DrawnUnits } from '../../core/protocol';
import { joinedRows, UNIT_COLOR, unitsX } from '../views/unitLayer';
import { patchLines } from './fastLines';
import type { PlotlyApi } from './plotlyLoader';
import { axis, baseLayout, OFFLINE_CONFIG, type Config, type Data } from './plotStyle';

/** Extra room above and below the lines, as a fraction of their spread. */
const Y_PADDING = 0.12;
/** While training, a plot whose lines fill less than this share of its y range is redrawn on a tighter one. */
const MIN_FILL = 0.35;
/** While training, at most one full redraw per plot this often, ms (lines may leave the range meanwhile). */
const MIN_REDRAW_MS = 500;

const LAYER_CONFIG: Partial<Config> = {
  ...OFFLINE_CONFIG,
  responsive: true,
  displayModeBar: false,
};

/** What a layer plot last drew: its unit count and y range. */
export interface LayerPlotState {
  units: number;
  range: [number, number] | null;
  /** When it last had a full redraw, ms. */
  fullAt: number;
  /** Whatever else decides the layout (theme, language): a change means a full redraw. */
  style: unknown;
}

export function newLayerPlotState(): LayerPlotState {
  return { units: -1, range: null, fullAt: -Infinity, style: null };
}

/** Smallest and largest finite value. */
function spread(values: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The y range for lines spanning [lo, hi]: padded, and never thinner than a flat line needs. */
export function layerRange(lo: number, hi: number): [number, number] {
  const pad = Math.max(hi - lo, 0.1) * Y_PADDING;
  return [lo - pad, hi + pad];
}

/** Whether lines spanning [lo, hi] still sit well in the range: inside it, and filling enough of it. */
export function rangeFits(range: [number, number], lo: number, hi: number): boolean {
  return lo >= range[0] && hi <= range[1] && hi - lo >= MIN_FILL * (range[1] - range[0]);
}

/** Draws one layer's units on div (see the file's comment); `hover` is the hover template in the language in force. */
export function drawLayerPlot(
  plotly: PlotlyApi,
  div: HTMLElement,
  drawn: DrawnUnits,
  grid: Float32Array,
  running: boolean,
  state: LayerPlotState,
  style: { key: unknown; hover: string },
): void {
  const n = drawn.units.length;
  const { y, unit } = joinedRows(drawn.units, drawn.rows, grid.length);
  const trace: Data = {
    meta: 'units',
    name: 'units',
    x: unitsX(grid, n),
    y,
    customdata: unit,
    mode: 'lines',
    connectgaps: false,
    line: { color: UNIT_COLOR, width: 1.3 },
    opacity: 0.75,
    hovertemplate: style.hover,
  };
  const [lo, hi] = spread(drawn.rows);
  const now = performance.now();
  const sameShape = state.units === n && state.style === style.key && state.range !== null;
  const fits = state.range !== null && rangeFits(state.range, lo, hi);
  if (
    running &&
    sameShape &&
    (fits || now - state.fullAt < MIN_REDRAW_MS) &&
    patchLines(div, [trace])
  )
    return;
  const range = layerRange(lo, hi);
  Object.assign(state, { units: n, range, fullAt: now, style: style.key });
  const base = baseLayout();
  void plotly.react(
    div,
    [trace],
    {
      ...base,
      margin: { l: 40, r: 8, t: 6, b: 24 },
      showlegend: false,
      xaxis: axis('', { range: [...PLOT_X_RANGE], zeroline: true, title: undefined }),
      yaxis: axis('', { range, zeroline: true, title: undefined }),
    },
    LAYER_CONFIG,
  );
}
