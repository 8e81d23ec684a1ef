import { describe, expect, it } from 'vitest';
import { largestInto, othersSum, outgoingNorms, rms, unitRows, unitSizes } from './gridPicture';

describe('grid picture helpers', () => {
  // Three grid points, four units, [point][unit] as a workspace holds them.
  const acts = Float32Array.from([0, 1, -2, 0.5, 1, 1, -1, 0.5, 2, 1, 0, 0.5]);

  it('ranks units by their largest scaled size on the grid, largest first, ties to the lower index', () => {
    const size = new Float64Array(4);
    unitSizes(acts, 3, 4, null, size);
    expect(Array.from(size)).toEqual([2, 1, 2, 0.5]);
    const taken = new Uint8Array(4);
    const out = new Int32Array(3);
    expect(largestInto(size, 4, 3, taken, out)).toBe(3);
    expect(Array.from(out)).toEqual([0, 2, 1]);
    expect(Array.from(taken)).toEqual([1, 1, 1, 0]);
    unitSizes(acts, 3, 4, [1, 10, 0.1, -8], size);
    expect(Array.from(size)).toEqual([2, 10, 0.2, 4]);
    largestInto(size, 4, 2, taken, out);
    expect(Array.from(out.subarray(0, 2))).toEqual([1, 3]);
  });

  it('puts NaN sizes last and never picks more units than there are', () => {
    const size = Float64Array.from([NaN, 1, NaN]);
    const out = new Int32Array(5);
    expect(largestInto(size, 3, 5, new Uint8Array(3), out)).toBe(3);
    expect(Array.from(out.subarray(0, 3))).toEqual([1, 0, 2]);
  });

  it('writes the chosen rows and sums the rest in float64', () => {
    const rows = new Float32Array(2 * 3);
    unitRows(acts, 3, 4, Int32Array.from([2, 0]), 2, [1, 1, 3, 1], rows);
    expect(Array.from(rows)).toEqual([-6, -3, 0, 0, 1, 2]);
    const taken = Uint8Array.from([1, 0, 1, 0]);
    const others = new Float64Array(3);
    othersSum(acts, 3, 4, taken, [1, 2, 1, -2], others);
    expect(Array.from(others)).toEqual([2 - 1, 2 - 1, 2 - 1]);
  });

  it('outgoing weight sizes and RMS', () => {
    const norms = new Float64Array(2);
    outgoingNorms(Float32Array.from([3, 4, 0, 1]), 2, 2, norms);
    expect(Array.from(norms)).toEqual([5, 1]);
    expect(rms([3, 4])).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(rms([])).toBe(0);
  });
});
