/**
 * Tick values and labels for the loss plot's step axis, chosen as Plotly chooses them
 * (its `prepTicks`/`autoTicks` and the default 'B' exponent format), so the axis we draw
 * while training looks exactly like the one Plotly draws at rest. See stepAxis.ts for why
 * we draw it.
 */

/** Plotly's minimum pixels per tick on an x axis, and its bounds on the tick count. */
const PX_PER_TICK = 80;
const MIN_TICKS = 4;
const MAX_TICKS = 9;
/** Tick spacings are these times a power of ten (Plotly's roundBase10). */
const ROUND_UP = [2, 5, 10] as const;
/** Ranges whose largest end has more than this many digits get a suffix (k, M, B): Plotly's minexponent. */
const MIN_EXPONENT = 3;
const SUFFIXES: Record<number, string> = { 3: 'k', 6: 'M', 9: 'B', 12: 'T' };
/** Plotly writes negative numbers with a true minus sign. */
const MINUS = '\u2212';

export interface StepTicks {
  values: number[];
  dtick: number;
}

/** The ticks Plotly's auto mode puts on a linear x axis over [lo, hi] that is `lengthPx` long. */
export function stepTicks(lo: number, hi: number, lengthPx: number): StepTicks {
  const a = Math.min(lo, hi);
  const b = Math.max(lo, hi);
  if (!(b > a) || !Number.isFinite(a) || !Number.isFinite(b) || !(lengthPx > 0)) return { values: [], dtick: 1 };
  const count = Math.min(MAX_TICKS, Math.max(MIN_TICKS, lengthPx / PX_PER_TICK)) + 1;
  const rough = (b - a) / count;
  const base = 10 ** Math.floor(Math.log10(rough));
  const dtick = base * ROUND_UP.find((r) => r >= rough / base)!;
  const values: number[] = [];
  // Multiples of dtick (Plotly's tick0 is 0), computed from the index so no error accumulates.
  const first = Math.ceil(a / dtick - 1e-9);
  for (let k = first; k * dtick <= b + dtick * 1e-9; k++) values.push(k * dtick + 0); // + 0: no -0
  return { values, dtick };
}

/**
 * A tick's label as Plotly writes it: plain up to 9999, then a suffix chosen from the
 * range's largest end (5k, 1.5M), with as many decimals as the tick spacing needs.
 */
export function formatStep(value: number, lo: number, hi: number, dtick: number): string {
  const maxEnd = Math.max(Math.abs(lo), Math.abs(hi));
  const rangeExp = maxEnd > 0 ? Math.floor(Math.log10(maxEnd) + 0.01) : 0;
  const exponent = Math.abs(rangeExp) > MIN_EXPONENT ? 3 * Math.round((rangeExp - 1) / 3) : 0;
  const suffix = SUFFIXES[exponent];
  const scale = suffix === undefined ? 1 : 10 ** exponent;
  const decimals = Math.max(0, -Math.floor(Math.log10(dtick / scale) + 0.01));
  const scaled = Math.abs(value) / scale;
  // Rounded at the tick's precision, so -0 and float noise never reach the label.
  const text = scaled.toFixed(decimals);
  if (Number(text) === 0) return '0';
  return (value < 0 ? MINUS : '') + text + (suffix ?? '');
}
