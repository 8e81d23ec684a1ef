import { describe, expect, it } from 'vitest';
import type { FullAxis } from './plotlyInternals';
import { scaleOf, toPixel } from './linePath';

/** An axis as Plotly's: pixels rounded to 1/100 (its l2p does), over `width` px of `range`. */
function axis(range: [number, number], width: number, type = 'linear'): FullAxis {
  const log = type === 'log';
  const m = width / (range[1] - range[0]);
  return {
    type,
    range,
    c2p: (v) => Math.round((log ? Math.log10(v) - range[0] : v - range[0]) * m * 100) / 100,
  };
}

describe('an axis’s pixel map as plain arithmetic', () => {
  it('holds over a long step axis, where one step is less than Plotly’s pixel rounding', () => {
    const scale = scaleOf(axis([0, 26_428_005], 800));
    expect(toPixel(scale, 10_000_000)).toBeCloseTo(302.71, 1);
    expect(toPixel(scale, 26_428_005)).toBeCloseTo(800, 1);
  });

  it('holds on a short axis and on a log axis', () => {
    expect(toPixel(scaleOf(axis([-1.25, 1.25], 500)), 0)).toBeCloseTo(250, 1);
    const log = scaleOf(axis([-2, 1], 300, 'log'));
    expect(toPixel(log, 0.1)).toBeCloseTo(100, 1);
    expect(toPixel(log, 10)).toBeCloseTo(300, 1);
  });
});
