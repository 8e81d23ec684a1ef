/**
 * The fit plot's optional layers as Plotly traces: hidden units, kinks, residuals, the
 * inspected point and pinned runs' fits. Each returns nothing when its view is off, so an
 * off view costs nothing.
 */
import type { ActivationName } from '../../core/activations';
import { KINK_KINDS } from '../../core/insight';
import { PLOT_X_RANGE } from '../../core/grid';
import type { Messages } from '../i18n';
import { palette, type Annotations, type Data, type Layout } from '../plots/plotStyle';
import type { FrameInsight } from './frameInsight';
import type { PinnedRun, ViewState } from './viewStore';

/** Most unit lines drawn; the rest are summed into one line. */
export const MAX_UNIT_LINES = 32;
/** The hidden units' colour (the purple of the logo's middle layer). */
export const UNIT_COLOR = '#7c3aed';
const OUTSIDE_COLOR = '#94a3b8';
const RESIDUAL_COLOR = '#dc2626';
/** Height of kink markers on the hidden 0..1 overlay axis (just above the x axis). */
const KINK_Y = 0.035;
/**
 * Where a kink marker waits while it belongs to the other set: below the overlay axis, so
 * clipped away. Each marker trace keeps one point per kink, so a kink crossing the data's
 * edge moves two markers in place instead of changing both traces' lengths, which would
 * need a full Plotly redraw on every frame where one crosses.
 */
const HIDDEN_KINK_Y = -1;
/** Kinks beyond the plot sit this far inside its edge (a fraction of its width), whole. */
const EDGE_INSET = 0.02;
/** Above this many units, kinks are drawn as one rug of ticks (one SVG path) instead of a marker each. */
const DENSE_KINKS = 64;
/** Most residual segments drawn; beyond it, an even spread of the points (more is a red smear). */
export const MAX_RESIDUALS = 300;
/** Height of a rug tick on the overlay axis. */
const TICK_HEIGHT = 0.05;

export interface FitLayerInput {
  insight: FrameInsight | null;
  views: Pick<ViewState, 'showUnits' | 'showKinks' | 'showResiduals' | 'selected'>;
  pinned: readonly PinnedRun[];
  pinLabels: readonly string[];
  grid: Float32Array;
  /** The words of the language in force: a switch changes the layers' identity and redraws. */
  messages: Messages;
}

/** Trace names (fixed, English: tests find traces by them; hover text follows the language). */
function kinkWord(act: ActivationName): string {
  return { none: 'kink', hinge: 'hinge', centre: 'centre', zero: 'zero crossing' }[KINK_KINDS[act]];
}

function pinnedFits({ pinned, pinLabels, grid, messages }: FitLayerInput): Data[] {
  return pinned.map((pin, i) => ({
    name: messages.pinnedTrace(pinLabels[i]!),
    x: grid,
    y: pin.curve,
    mode: 'lines',
    line: { color: pin.color, width: 2 },
    opacity: 0.5,
    hoverinfo: 'name',
  }));
}

/** Unit lines (the largest MAX_UNIT_LINES), the rest summed, and the output bias. */
function unitLines(insight: FrameInsight, grid: Float32Array): Data[] {
  const G = grid.length;
  const { shown, rows, others } = insight.unitLines(MAX_UNIT_LINES);
  const thin = insight.hidden > 12;
  const traces: Data[] = shown.map((j, r) => ({
    name: `unit ${j + 1}`,
    x: grid,
    y: rows.subarray(r * G, (r + 1) * G),
    mode: 'lines',
    line: { color: UNIT_COLOR, width: thin ? 1 : 1.4 },
    opacity: thin ? 0.4 : 0.6,
    showlegend: false,
    // Clicks go to data points, not to the lines crossing them.
    hoverinfo: 'skip',
  }));
  if (others) {
    traces.push({
      name: 'other units',
      x: grid,
      y: others,
      mode: 'lines',
      line: { color: UNIT_COLOR, width: 1.6, dash: 'dot' },
      opacity: 0.7,
      showlegend: false,
      hoverinfo: 'skip',
    });
  }
  traces.push({
    name: 'output bias',
    x: grid,
    y: new Float32Array(G).fill(insight.params.b2),
    mode: 'lines',
    line: { color: UNIT_COLOR, width: 1, dash: 'dash' },
    opacity: 0.5,
    showlegend: false,
    hoverinfo: 'skip',
  });
  return traces;
}

/** Which data points get a residual: all of them, or an even spread of MAX_RESIDUALS. */
export function residualPoints(n: number): number[] {
  if (n <= MAX_RESIDUALS) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: MAX_RESIDUALS }, (_, k) =>
    Math.round((k * (n - 1)) / (MAX_RESIDUALS - 1)),
  );
}

let residualCache: { data: FrameInsight['data']; xs: Float32Array; idx: number[] } | null = null;

function residuals(insight: FrameInsight): Data {
  const { x, y } = insight.data;
  if (!residualCache || residualCache.data !== insight.data) {
    const idx = residualPoints(x.length);
    residualCache = { data: insight.data, idx, xs: Float32Array.from(idx, (i) => x[i]!) };
  }
  const { idx, xs: at } = residualCache;
  const out = insight.outputsAt(at);
  const xs: (number | null)[] = [];
  const ys: (number | null)[] = [];
  idx.forEach((i, k) => {
    xs.push(x[i]!, x[i]!, null);
    ys.push(y[i]!, out[k]!, null);
  });
  return {
    name: 'residuals',
    x: xs,
    y: ys,
    mode: 'lines',
    line: { color: RESIDUAL_COLOR, width: 1.2 },
    opacity: 0.55,
    showlegend: false,
    hoverinfo: 'skip',
  };
}

/** The data's x range. */
function dataRange(x: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]!);
    hi = Math.max(hi, x[i]!);
  }
  return [lo, hi];
}

/** Kink positions inside the data's x range and outside it (clamped to the plot's edge), for the rug. */
function splitKinks(insight: FrameInsight): { inside: number[]; outside: number[] } {
  const pos = insight.kinks();
  const [lo, hi] = dataRange(insight.data.x);
  const inside: number[] = [];
  const outside: number[] = [];
  const [left, right] = PLOT_X_RANGE;
  for (let j = 0; j < pos.length; j++) {
    const k = pos[j]!;
    if (Number.isNaN(k)) continue;
    (k >= lo && k <= hi ? inside : outside).push(Math.min(right, Math.max(left, k)));
  }
  return { inside, outside };
}

/**
 * A rug: one short vertical tick per kink, all in one path. Typed arrays with NaN gaps:
 * arrays mixing numbers and nulls box every number, thousands of small objects per frame
 * at H = 1024 for the garbage collector.
 */
function rug(name: string, kinkX: readonly number[], color: string, opacity: number): Data {
  const x = new Float64Array(3 * kinkX.length);
  const y = new Float64Array(3 * kinkX.length);
  kinkX.forEach((k, i) => {
    x[3 * i] = x[3 * i + 1] = k;
    y[3 * i] = 0;
    y[3 * i + 1] = TICK_HEIGHT;
    x[3 * i + 2] = y[3 * i + 2] = Number.NaN;
  });
  return {
    name,
    x,
    y,
    yaxis: 'y2',
    mode: 'lines',
    line: { color, width: 1.2 },
    opacity,
    showlegend: false,
    hoverinfo: 'skip',
    cliponaxis: false,
  };
}

/**
 * One marker trace per set with a point for every kink: at KINK_Y where the kink belongs
 * to the set, at HIDDEN_KINK_Y (clipped) where it belongs to the other.
 */
function kinkMarkers(
  insight: FrameInsight,
  messages: Messages,
): { inside: KinkMarkers; outside: KinkMarkers } {
  const pos = insight.kinks();
  const [lo, hi] = dataRange(insight.data.x);
  const [left, right] = PLOT_X_RANGE;
  const inset = EDGE_INSET * (right - left);
  const inside: KinkMarkers = { x: [], y: [], text: [] };
  const outside: KinkMarkers = { x: [], y: [], text: [] };
  for (let j = 0; j < pos.length; j++) {
    const k = pos[j]!;
    if (Number.isNaN(k)) continue;
    const isInside = k >= lo && k <= hi;
    const x = Math.min(right - inset, Math.max(left + inset, k));
    const text = messages.kinkHover(j + 1, KINK_KINDS[insight.activation], k.toPrecision(3));
    for (const [set, shown] of [
      [inside, isInside],
      [outside, !isInside],
    ] as const) {
      set.x.push(x);
      set.y.push(shown ? KINK_Y : HIDDEN_KINK_Y);
      set.text.push(text);
    }
  }
  return { inside, outside };
}

interface KinkMarkers {
  x: number[];
  y: number[];
  text: string[];
}

/** Kinks: solid purple inside the data's x range, hollow grey (held inside the plot's edge) outside it. */
function kinks(insight: FrameInsight, messages: Messages): Data[] {
  const word = kinkWord(insight.activation);
  if (insight.hidden > DENSE_KINKS) {
    const { inside, outside } = splitKinks(insight);
    return [
      rug(`${word}s outside the data`, outside, OUTSIDE_COLOR, 0.6),
      rug(`${word}s`, inside, UNIT_COLOR, 0.5),
    ];
  }
  const { inside, outside } = kinkMarkers(insight, messages);
  const common = {
    mode: 'markers' as const,
    yaxis: 'y2' as const,
    showlegend: false,
    hovertemplate: '%{text}<extra></extra>',
    cliponaxis: true,
  };
  return [
    {
      ...common,
      name: `${word}s outside the data`,
      ...outside,
      marker: { symbol: 'triangle-up-open', size: 10, color: OUTSIDE_COLOR, line: { width: 1.5 } },
    },
    {
      ...common,
      name: `${word}s`,
      ...inside,
      marker: { symbol: 'triangle-up', size: 10, color: UNIT_COLOR, opacity: 0.85 },
    },
  ];
}

/** Traces drawn beneath the data and the fit. */
export function fitUnderlays(input: FitLayerInput): Data[] {
  const { insight, views } = input;
  const traces = pinnedFits(input);
  if (insight && views.showUnits) traces.push(...unitLines(insight, input.grid));
  if (insight && views.showResiduals) traces.push(residuals(insight));
  return traces;
}

/** Traces drawn above the fit: kinks, and a ring around the inspected point. */
export function fitOverlays({ insight, views, messages }: FitLayerInput): Data[] {
  const traces: Data[] = [];
  if (insight && views.showKinks && insight.activation !== 'none')
    traces.push(...kinks(insight, messages));
  const i = views.selected;
  if (insight && i !== null && i < insight.data.x.length) {
    traces.push({
      name: 'inspected point',
      x: [insight.data.x[i]!],
      y: [insight.data.y[i]!],
      mode: 'markers',
      marker: { symbol: 'circle-open', size: 18, color: palette().text, line: { width: 2.5 } },
      showlegend: false,
      hoverinfo: 'skip',
    });
  }
  return traces;
}

function note(text: string): Partial<Annotations> {
  return {
    xref: 'paper',
    yref: 'paper',
    x: 0.01,
    y: 0.99,
    xanchor: 'left',
    yanchor: 'top',
    align: 'left',
    showarrow: false,
    text,
    font: { size: 11, color: palette().text },
    bgcolor: 'rgba(255,255,255,0.8)',
  };
}

/** The overlay axis for kinks, and a note on what is hidden or missing. */
export function fitLayoutExtras({ insight, views, messages }: FitLayerInput): Partial<Layout> {
  const lines: string[] = [];
  if (insight && views.showUnits && insight.hidden > MAX_UNIT_LINES) {
    lines.push(messages.noteUnitsDrawn(MAX_UNIT_LINES, insight.hidden));
  }
  if (insight && views.showResiduals && insight.data.x.length > MAX_RESIDUALS) {
    lines.push(messages.noteResiduals(MAX_RESIDUALS, insight.data.x.length));
  }
  if (insight && views.showKinks && insight.activation === 'none') lines.push(messages.noteNoKinks);
  return {
    yaxis2: { overlaying: 'y', range: [0, 1], fixedrange: true, visible: false },
    annotations: lines.length > 0 ? [note(lines.join('<br>'))] : [],
  };
}
