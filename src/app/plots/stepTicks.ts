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
/** Tick spacings are these times a power of ten (Plotly's roundBase10): the first one above the rough spacing. */
const ROUND_UP = [2, 5, 10] as const;
/** Ranges whose largest end has more than this many digits get a suffix (k, M, B): Plotly's minexponent. */
const MIN_EXPONENT = 3;
const SUFFIXES: Record<number, string> = { 3: 'k', 6: 'M', 9: 'B', 12: 'T' };
/** Beyond this exponent Plotly leaves suffixes for powers of ten (1.5×10¹⁵): plain digits would run into each other. */
const MAX_SUFFIX_EXPONENT = 14;
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number) => Array.from(String(n), (d) => SUPERSCRIPTS[Number(d)]).join('');
/** Plotly widens the range by this fraction of its span at each end before placing ticks. */
const RANGE_SLACK = 1e-4;
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
  if (!(b > a) || !Number.isFinite(a) || !Number.isFinite(b) || !(lengthPx > 0))
    return { values: [], dtick: 1 };
  const count = Math.min(MAX_TICKS, Math.max(MIN_TICKS, lengthPx / PX_PER_TICK)) + 1;
  const rough = (b - a) / count;
  // As Plotly computes them (Math.log / LN10, not log10, and a strict "above"), so ties round alike.
  const base = 10 ** Math.floor(Math.log(rough) / Math.LN10);
  const dtick = base * (ROUND_UP.find((r) => r > rough / base) ?? 10);
  const values: number[] = [];
  // Multiples of dtick (Plotly's tick0 is 0) in the slightly widened range, computed from the index so no error accumulates.
  const slack = (b - a) * RANGE_SLACK;
  const first = Math.ceil((a - slack) / dtick);
  for (let k = first; k * dtick <= b + slack; k++) values.push(k * dtick + 0); // + 0: no -0
  return { values, dtick };
}

/**
 * A tick's label as Plotly writes it (its autoTickRound and numFormat): plain up to 9999,
 * then a suffix chosen from the range's largest end (5k, 1.5M), and past 10¹⁴ a power of
 * ten (2×10¹⁵); two digits below the tick spacing's, with trailing zeros dropped.
 */
export function formatStep(value: number, lo: number, hi: number, dtick: number): string {
  const log10 = (v: number) => Math.log(v) / Math.LN10;
  const tickRound = 2 - Math.floor(log10(dtick) + 0.01);
  const maxEnd = Math.max(Math.abs(lo), Math.abs(hi));
  const rangeExp = maxEnd > 0 ? Math.floor(log10(maxEnd) + 0.01) : 0;
  const power = rangeExp > MAX_SUFFIX_EXPONENT;
  const exponent = power
    ? rangeExp
    : Math.abs(rangeExp) > MIN_EXPONENT &&
        SUFFIXES[3 * Math.round((rangeExp - 1) / 3)] !== undefined
      ? 3 * Math.round((rangeExp - 1) / 3)
      : 0;
  const abs = Math.abs(value);
  if (abs < 10 ** -tickRound / 2) return '0';
  const scaled = abs * 10 ** -exponent;
  const digits = tickRound + exponent;
  let text: string;
  if (digits === 0) text = String(Math.round(scaled));
  else if (digits < 0) {
    const unit = 10 ** -digits;
    text = String(Math.round(scaled / unit) * unit);
  } else text = scaled.toFixed(Math.min(20, digits)).replace(/\.?0+$/, '');
  const suffix = power ? `×10${superscript(exponent)}` : (SUFFIXES[exponent] ?? '');
  return (value < 0 ? MINUS : '') + text + suffix;
}
