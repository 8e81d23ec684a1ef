import { describe, expect, it } from 'vitest';
import { formatStep, stepTicks } from './stepTicks';

describe('step axis ticks (Plotly auto ticks on a linear x axis)', () => {
  it('chooses the spacing Plotly chose on the loss plot (range 0 to 317 over 836 px: every 50)', () => {
    // Seen on the built app: Plotly labelled 0, 50, 100 ... 300 for this range and width.
    const t = stepTicks(0, 317, 836);
    expect(t.dtick).toBe(50);
    expect(t.values).toEqual([0, 50, 100, 150, 200, 250, 300]);
  });

  it('rounds the spacing up to the next of 2, 5 or 10 times a power of ten (strictly above, as Plotly), about one tick per 80 px (4 to 9, plus one)', () => {
    // 10 ticks at 836 px: rough spacing 1000 / 10 = 100, rounded to the next above 1 x 100.
    expect(stepTicks(0, 1000, 836).dtick).toBe(200);
    // A narrow plot: at least 4 + 1 ticks; rough 1000 / 5 = 200 is a tie with 2 x 100, so the next: 500.
    expect(stepTicks(0, 1000, 200).dtick).toBe(500);
    expect(stepTicks(0, 999, 200).dtick).toBe(200);
    expect(stepTicks(0, 5, 836).dtick).toBe(1);
    expect(stepTicks(0, 50, 836).dtick).toBe(10);
    expect(stepTicks(0, 10, 320).dtick).toBe(5);
    expect(stepTicks(0, 16, 836).dtick).toBe(2);
    expect(stepTicks(0, 2.5e6, 836).dtick).toBe(500_000);
  });

  it('puts ticks on multiples of the spacing inside the range, for any range', () => {
    for (const [lo, hi] of [
      [0, 10],
      [3.3, 7.9],
      [-40, 1234],
      [100_000, 160_000],
      [1e6, 1e6 + 3],
    ] as const) {
      const { values, dtick } = stepTicks(lo, hi, 600);
      expect(values.length).toBeGreaterThanOrEqual(2);
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(v).toBeLessThanOrEqual(hi + 1e-9);
        expect(Math.abs(v / dtick - Math.round(v / dtick))).toBeLessThan(1e-9);
      }
    }
  });

  it('places ticks a hair beyond the range as Plotly does (1e-4 of the span), so an end that misses a tick by a rounding still gets its label', () => {
    expect(stepTicks(0, 19_999, 836).values.at(-1)).toBe(20_000);
    expect(stepTicks(0, 19_990, 836).values.at(-1)).toBe(18_000);
    expect(stepTicks(1, 10, 836).values[0]).toBe(1);
  });

  it('gives no ticks for an empty or broken range', () => {
    expect(stepTicks(5, 5, 800).values).toEqual([]);
    expect(stepTicks(0, Number.NaN, 800).values).toEqual([]);
    expect(stepTicks(0, 10, 0).values).toEqual([]);
  });

  it('writes labels as Plotly does: plain to 9999, then k and M by the range, trailing zeros dropped', () => {
    expect(formatStep(0, 0, 317, 50)).toBe('0');
    expect(formatStep(300, 0, 317, 50)).toBe('300');
    expect(formatStep(8000, 0, 9000, 2000)).toBe('8000');
    expect(formatStep(20_000, 0, 25_000, 5000)).toBe('20k');
    expect(formatStep(10_000, 0, 12_000, 2000)).toBe('10k');
    expect(formatStep(10_200, 10_000, 11_000, 200)).toBe('10.2k');
    expect(formatStep(150_000, 0, 200_000, 50_000)).toBe('150k');
    expect(formatStep(1_500_000, 0, 2_500_000, 500_000)).toBe('1.5M');
    expect(formatStep(1_000_000, 0, 1_200_000, 200_000)).toBe('1M');
    expect(formatStep(2.5, 0, 10, 0.5)).toBe('2.5');
    expect(formatStep(1, 0, 5, 0.5)).toBe('1');
    expect(formatStep(-20, -40, 1234, 200)).toBe('\u221220');
    expect(formatStep(1e-12, 0, 10, 2)).toBe('0');
  });

  it('past 10¹⁴ steps writes powers of ten, short enough not to run into each other (as Plotly does)', () => {
    expect(formatStep(1e12, 0, 1.6e12, 2e11)).toBe('1T');
    expect(formatStep(2e14, 0, 1.6e15, 2e14)).toBe('0.2×10¹⁵');
    expect(formatStep(1.4e15, 0, 1.6e15, 2e14)).toBe('1.4×10¹⁵');
    expect(formatStep(3e17, 0, 5e17, 1e17)).toBe('3×10¹⁷');
    // Every label of such an axis fits the 80 px a tick is given (at most 9 characters of 12 px text).
    const { values, dtick } = stepTicks(0, 1.6e15, 836);
    for (const v of values) expect(formatStep(v, 0, 1.6e15, dtick).length).toBeLessThanOrEqual(9);
  });
});
