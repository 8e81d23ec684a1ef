/**
 * Kinks on the fit plot, on a hidden overlay axis: at one hidden layer where each unit
 * bends (or is centred, or crosses zero), at depth the exact breakpoints of the network's
 * function (piecewise-linear activations: the worker finds them, core/pieces). At one hidden
 * layer a marker per kink, or one rug of ticks when there are many; at depth a marker per
 * pile of kinks (kinkPiles).
 */
import type { ActivationName } from '../../core/activations';
import { KINK_KINDS } from '../../core/insight';
import { PLOT_X_RANGE } from '../../core/grid';
import { kinkPiles, pileSizes, PILE_MARKERS } from './kinkPiles';
import type { Messages } from '../i18n';
import type { Data } from '../plots/plotStyle';
import type { FrameInsight } from './frameInsight';
import { UNIT_COLOR } from './unitLayer';

const OUTSIDE_COLOR = '#94a3b8';
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
/** Height of a rug tick on the overlay axis. */
const TICK_HEIGHT = 0.05;

/** Trace names (fixed, English: tests find traces by them; hover text follows the language). */
function kinkWord(act: ActivationName, depth: number): string {
  if (depth > 1) return 'kink';
  return { none: 'kink', hinge: 'hinge', centre: 'centre', zero: 'zero crossing' }[KINK_KINDS[act]];
}

/** One marker's worth of kinks: where it is drawn, whether inside the data's x range, and its hover text. */
interface KinkMark {
  x: number;
  inside: boolean;
  text: string;
}

/** The kinks to mark: one marker each, and how many markers each set keeps. */
interface KinkSet {
  marks: KinkMark[];
  /** Markers per set: one per unit at one hidden layer; PILE_MARKERS at depth, so counts change in place. */
  capacity: number;
}

/** A marker per unit's kink at one hidden layer (at most DENSE_KINKS units), its hover saying how many lie near it. */
function unitMarks(pos: Float64Array, insight: FrameInsight, messages: Messages): KinkSet {
  const [lo, hi] = dataRange(insight.data.x);
  const kind = KINK_KINDS[insight.activation];
  const piles = pileSizes(pos);
  const marks: KinkMark[] = [];
  pos.forEach((k, j) => {
    if (Number.isNaN(k)) return;
    const text = messages.kinkHover(j + 1, kind, k.toPrecision(3), piles[j]);
    marks.push({ x: k, inside: k >= lo && k <= hi, text });
  });
  return { marks, capacity: pos.length };
}

/**
 * A marker per pile of the network's kinks at depth: thousands of kinks on a plot a few
 * hundred pixels wide could not be told apart, and their number changes while training;
 * the piles' number is bounded, so the markers are too.
 */
function pileMarks(pos: Float64Array, insight: FrameInsight, messages: Messages): KinkSet {
  const [lo, hi] = dataRange(insight.data.x);
  const marks = kinkPiles(pos, lo, hi).map(({ from, to, count, inside }) => ({
    x: (from + to) / 2,
    inside,
    text:
      count === 1
        ? messages.breakpointHover(from.toPrecision(3))
        : messages.breakpointPileHover(count, from.toPrecision(3), to.toPrecision(3)),
  }));
  return { marks, capacity: PILE_MARKERS };
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
function splitKinks(
  pos: Float64Array,
  data: FrameInsight['data'],
): { inside: number[]; outside: number[] } {
  const [lo, hi] = dataRange(data.x);
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
  // One more tick, below the overlay axis (clipped away): a rug with no kinks still has a
  // path for fastLines to patch, instead of forcing a full redraw on every frame.
  const n = kinkX.length + 1;
  const x = new Float64Array(3 * n);
  const y = new Float64Array(3 * n);
  x[0] = x[1] = PLOT_X_RANGE[0];
  y[0] = HIDDEN_KINK_Y;
  y[1] = HIDDEN_KINK_Y + TICK_HEIGHT;
  x[2] = y[2] = Number.NaN;
  kinkX.forEach((k, j) => {
    const i = j + 1;
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
 * One marker trace per set with `capacity` points: a mark at KINK_Y in the set it belongs
 * to, at HIDDEN_KINK_Y (clipped) in the other; spare points wait clipped too.
 */
function kinkMarkers(set: KinkSet): { inside: KinkMarkers; outside: KinkMarkers } {
  const [left, right] = PLOT_X_RANGE;
  const inset = EDGE_INSET * (right - left);
  const inside: KinkMarkers = { x: [], y: [], text: [] };
  const outside: KinkMarkers = { x: [], y: [], text: [] };
  for (const mark of set.marks) {
    const x = Math.min(right - inset, Math.max(left + inset, mark.x));
    for (const [markers, shown] of [
      [inside, mark.inside],
      [outside, !mark.inside],
    ] as const) {
      markers.x.push(x);
      markers.y.push(shown ? KINK_Y : HIDDEN_KINK_Y);
      markers.text.push(mark.text);
    }
  }
  for (const markers of [inside, outside])
    while (markers.x.length < set.capacity) {
      markers.x.push(left + inset);
      markers.y.push(HIDDEN_KINK_Y);
      markers.text.push('');
    }
  return { inside, outside };
}

interface KinkMarkers {
  x: number[];
  y: number[];
  text: string[];
}

/** Kinks: solid purple inside the data's x range, hollow grey (held inside the plot's edge) outside it. */
export function kinks(insight: FrameInsight, messages: Messages): Data[] {
  const word = kinkWord(insight.activation, insight.depth);
  const perUnit = insight.kinks();
  if (perUnit && perUnit.length > DENSE_KINKS) {
    const { inside, outside } = splitKinks(perUnit, insight.data);
    return [
      rug(`${word}s outside the data`, outside, OUTSIDE_COLOR, 0.6),
      rug(`${word}s`, inside, UNIT_COLOR, 0.5),
    ];
  }
  const found = insight.picture.kinks;
  const set = perUnit
    ? unitMarks(perUnit, insight, messages)
    : found
      ? pileMarks(found.x, insight, messages)
      : null;
  if (!set) return [];
  const { inside, outside } = kinkMarkers(set);
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
