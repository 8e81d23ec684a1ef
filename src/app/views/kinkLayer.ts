/**
 * Kinks on the fit plot, on a hidden overlay axis: at one hidden layer where each unit
 * bends (or is centred, or crosses zero), at depth the exact breakpoints of the network's
 * function (piecewise-linear activations: the worker finds them, core/pieces). A marker per
 * kink, or one rug of ticks when there are many.
 */
import type { ActivationName } from '../../core/activations';
import { KINK_KINDS } from '../../core/insight';
import { PLOT_X_RANGE } from '../../core/grid';
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
/** Kinks closer than this (a fraction of the plot's width, about a pixel) are one pile: their hover says how many. */
export const PILE_WIDTH = 0.004;

/** Trace names (fixed, English: tests find traces by them; hover text follows the language). */
function kinkWord(act: ActivationName, depth: number): string {
  if (depth > 1) return 'kink';
  return { none: 'kink', hinge: 'hinge', centre: 'centre', zero: 'zero crossing' }[KINK_KINDS[act]];
}

/** The kinks to mark: where they are, how many markers each set keeps, and each one's hover text. */
interface KinkSet {
  pos: Float64Array;
  /** Markers per set: one per unit at one hidden layer; a fixed DENSE_KINKS at depth, so counts can change in place. */
  capacity: number;
  /** Draw a marker per kink even beyond DENSE_KINKS (the network's kinks at depth, which have hover texts). */
  markers?: boolean;
  hover(j: number, x: string, pile: number): string;
}

/**
 * Markers kept for the kinks at depth, one plot's, frame after frame: the least power of two
 * (from DENSE_KINKS) that holds them, grown by doubling and given back only once the count
 * falls to a quarter of it. A count that hovers around a power of two (about 1,000 kinks
 * at 4 x 256) would otherwise cross it back and forth, each crossing a full Plotly redraw.
 */
export class KinkCapacity {
  private capacity = DENSE_KINKS;

  /** The markers to draw `count` kinks with. */
  fit(count: number): number {
    if (count > this.capacity || count <= this.capacity / 4) {
      let capacity = DENSE_KINKS;
      while (capacity < count) capacity *= 2;
      this.capacity = capacity;
    }
    return this.capacity;
  }
}

/** What the kink view marks for this frame, or null when there is nothing to mark. */
function kinkSet(
  insight: FrameInsight,
  messages: Messages,
  room: KinkCapacity | undefined,
): KinkSet | null {
  const perUnit = insight.kinks();
  if (perUnit) {
    const kind = KINK_KINDS[insight.activation];
    return {
      pos: perUnit,
      capacity: perUnit.length,
      hover: (j, x, pile) => messages.kinkHover(j + 1, kind, x, pile),
    };
  }
  const found = insight.picture.kinks;
  if (!found) return null;
  // Markers (each with its hover) at any count; their number grows by doubling, so a count
  // that changes while training moves markers in place and redraws in full only at a doubling.
  const capacity = (room ?? new KinkCapacity()).fit(found.x.length);
  return {
    pos: found.x,
    capacity,
    markers: true,
    hover: (_, x, pile) => messages.breakpointHover(x, pile),
  };
}

/** For each kink, how many kinks (itself included) lie within PILE_WIDTH of the plot's width of it. */
function pileSizes(pos: Float64Array): Int32Array {
  const near = PILE_WIDTH * (PLOT_X_RANGE[1] - PLOT_X_RANGE[0]);
  const sorted = Float64Array.from(pos.filter((x) => !Number.isNaN(x))).sort();
  /** Index of the first sorted value >= x. */
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return Int32Array.from(pos, (x) =>
    Number.isNaN(x) ? 0 : lowerBound(x + near + 1e-12) - lowerBound(x - near),
  );
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
 * One marker trace per set with `capacity` points: a kink at KINK_Y in the set it belongs
 * to, at HIDDEN_KINK_Y (clipped) in the other; spare points wait clipped too.
 */
function kinkMarkers(
  set: KinkSet,
  data: FrameInsight['data'],
): { inside: KinkMarkers; outside: KinkMarkers } {
  const { pos } = set;
  const piles = pileSizes(pos);
  const [lo, hi] = dataRange(data.x);
  const [left, right] = PLOT_X_RANGE;
  const inset = EDGE_INSET * (right - left);
  const inside: KinkMarkers = { x: [], y: [], text: [] };
  const outside: KinkMarkers = { x: [], y: [], text: [] };
  for (let j = 0; j < pos.length; j++) {
    const k = pos[j]!;
    if (Number.isNaN(k)) continue;
    const isInside = k >= lo && k <= hi;
    const x = Math.min(right - inset, Math.max(left + inset, k));
    const text = set.hover(j, k.toPrecision(3), piles[j]!);
    for (const [markers, shown] of [
      [inside, isInside],
      [outside, !isInside],
    ] as const) {
      markers.x.push(x);
      markers.y.push(shown ? KINK_Y : HIDDEN_KINK_Y);
      markers.text.push(text);
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
export function kinks(insight: FrameInsight, messages: Messages, room?: KinkCapacity): Data[] {
  const set = kinkSet(insight, messages, room);
  if (!set) return [];
  const word = kinkWord(insight.activation, insight.depth);
  if (set.capacity > DENSE_KINKS && !set.markers) {
    const { inside, outside } = splitKinks(set.pos, insight.data);
    return [
      rug(`${word}s outside the data`, outside, OUTSIDE_COLOR, 0.6),
      rug(`${word}s`, inside, UNIT_COLOR, 0.5),
    ];
  }
  const { inside, outside } = kinkMarkers(set, insight.data);
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
