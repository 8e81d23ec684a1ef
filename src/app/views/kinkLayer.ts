/**
 * The units' kinks on the fit plot (where each unit bends, or crosses zero): a marker per
 * kink, or one rug of ticks when there are many, on a hidden overlay axis.
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

/** Trace names (fixed, English: tests find traces by them; hover text follows the language). */
function kinkWord(act: ActivationName): string {
  return { none: 'kink', hinge: 'hinge', centre: 'centre', zero: 'zero crossing' }[KINK_KINDS[act]];
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
export function kinks(insight: FrameInsight, messages: Messages): Data[] {
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
