import { describe, expect, it } from 'vitest';
import { dataIndex, thinPoints } from './thinPoints';

describe('thinned data markers', () => {
  it('keep every point up to the limit', () => {
    const x = Float32Array.from([0, 1, 2]);
    const t = thinPoints(x, x, 3);
    expect(t.stride).toBe(1);
    expect(t.x).toBe(x);
    expect(dataIndex(t, 2)).toBe(2);
  });

  it('map each drawn marker back to the data point it shows', () => {
    const n = 5000;
    const x = Float32Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
    const y = Float32Array.from(x, (v) => v * v);
    const t = thinPoints(x, y, 400);
    expect(t.x.length).toBeLessThanOrEqual(400);
    for (let k = 0; k < t.x.length; k++) {
      const i = dataIndex(t, k);
      expect(t.x[k]).toBe(x[i]);
      expect(t.y[k]).toBe(y[i]);
    }
    // The last marker is the point nearest x = 1 among those drawn, not one near the start.
    expect(x[dataIndex(t, t.x.length - 1)]!).toBeGreaterThan(0.99);
  });
});
