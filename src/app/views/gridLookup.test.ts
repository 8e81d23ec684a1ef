import { describe, expect, it } from 'vitest';
import { curveGrid } from '../../core/grid';
import { interpolateOnGrid } from './gridLookup';

describe('interpolateOnGrid', () => {
  it('reads a line exactly between the float32 grid points, and holds the ends beyond them', () => {
    const grid = curveGrid();
    const values = grid.map((x) => 3 * x - 1);
    const xs = Float32Array.from([-1.25, -1, -0.3333, 0, 0.123456, 1, 1.25, 2, -3]);
    const out = new Float64Array(xs.length);
    interpolateOnGrid(grid, values, xs, out);
    xs.forEach((x, i) => {
      const clamped = Math.min(1.25, Math.max(-1.25, x));
      expect(out[i]).toBeCloseTo(3 * clamped - 1, 5);
    });
  });

  it('passes through every sample', () => {
    const grid = curveGrid();
    const values = grid.map((x) => Math.sin(7 * x));
    const out = new Float64Array(grid.length);
    interpolateOnGrid(grid, values, grid, out);
    expect(Array.from(out)).toEqual(Array.from(values));
  });
});
