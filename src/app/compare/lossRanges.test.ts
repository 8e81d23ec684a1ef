import { describe, expect, it } from 'vitest';
import { addToExtent, axesFor, emptyExtent, fitsAxes, lossCap } from './lossRanges';

describe('the comparison’s loss axes', () => {
  it('leave room to grow, and call for a redraw when a loss leaves them', () => {
    const extent = emptyExtent();
    addToExtent(extent, [0, 1, 2, 100], [1, 0.5, NaN, 0.1], 4);
    expect(extent).toEqual({ lastStep: 100, lo: 0.1, hi: 1 });
    const axes = axesFor(extent);
    expect(axes.x).toEqual([0, 160]);
    expect(axes.y[0]).toBeCloseTo(-1.25);
    expect(axes.y[1]).toBeCloseTo(0.25);
    expect(fitsAxes(extent, axes)).toBe(true);
    addToExtent(extent, [150], [0.08], 1);
    expect(fitsAxes(extent, axes)).toBe(true);
    addToExtent(extent, [161], [0.08], 1);
    expect(fitsAxes(extent, axes)).toBe(false);
    const later = emptyExtent();
    addToExtent(later, [10], [0.01], 1);
    expect(fitsAxes(later, axes)).toBe(false);
  });

  it('have a range before any loss', () => {
    expect(axesFor(emptyExtent())).toEqual({ x: [0, 20], y: [-3, 1] });
  });

  it('leave a diverged run’s climb off, so the other runs keep their detail', () => {
    const cap = lossCap([0.6, 0.2, NaN]);
    expect(cap).toBeCloseTo(6);
    const extent = emptyExtent();
    addToExtent(extent, [0, 1, 2, 3], [0.6, 0.3, 1e9, Infinity], 4, cap);
    expect(extent).toEqual({ lastStep: 3, lo: 0.3, hi: 0.6 });
    expect(lossCap([])).toBe(Infinity);
  });
});
