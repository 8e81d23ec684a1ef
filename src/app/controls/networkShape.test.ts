import { describe, expect, it } from 'vitest';
import { commonWidth, withDepth, withWidth } from './networkShape';

describe('the network-shape controls', () => {
  it('show one width only when every layer has it', () => {
    expect(commonWidth([10])).toBe(10);
    expect(commonWidth([16, 16, 16])).toBe(16);
    expect(commonWidth([32, 16, 8])).toBeNull();
  });

  it('change the depth keeping the widths, new layers as wide as the last', () => {
    expect(withDepth([16], 3)).toEqual([16, 16, 16]);
    expect(withDepth([32, 16, 8], 4)).toEqual([32, 16, 8, 8]);
    expect(withDepth([32, 16, 8], 2)).toEqual([32, 16]);
    expect(withDepth([32, 16, 8], 1)).toEqual([32]);
  });

  it('set every layer to one width', () => {
    expect(withWidth([32, 16, 8], 20)).toEqual([20, 20, 20]);
    expect(withWidth([10], 3)).toEqual([3]);
  });
});
