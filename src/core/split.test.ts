import { describe, expect, it } from 'vitest';
import { splitData, testMask } from './split';

describe('train/test split', () => {
  it('holds out the requested share, deterministically, never every point', () => {
    const a = testMask(30, 0.2, 7);
    expect(a.reduce((s, v) => s + v, 0)).toBe(6);
    expect(testMask(30, 0.2, 7)).toEqual(a);
    expect(testMask(30, 0.2, 8)).not.toEqual(a);
    expect(testMask(30, 0, 7).every((v) => v === 0)).toBe(true);
    expect(testMask(2, 0.9, 1).reduce((s, v) => s + v, 0)).toBe(1);
    expect(testMask(1, 0.5, 1)).toEqual(Uint8Array.from([0]));
    expect(testMask(0, 0.5, 1)).toHaveLength(0);
  });

  it('splits points by the mask, keeping their order', () => {
    const data = { x: Float32Array.from([0, 1, 2, 3]), y: Float32Array.from([10, 11, 12, 13]) };
    const { train, test } = splitData(data, Uint8Array.from([0, 1, 0, 1]));
    expect(Array.from(train.x)).toEqual([0, 2]);
    expect(Array.from(test.y)).toEqual([11, 13]);
  });
});
