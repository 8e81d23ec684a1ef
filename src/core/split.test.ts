import { describe, expect, it } from 'vitest';
import { addedPointHeldOut, MAX_TEST_SHARE, splitData, testMask } from './split';

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

describe('points the learner adds', () => {
  /** The held-out flags of `count` points added one by one after one training point. */
  const addAll = (count: number, share: number, seed: number) => {
    let test = Uint8Array.of(0);
    for (let i = 0; i < count; i++) {
      const next = new Uint8Array(test.length + 1);
      next.set(test);
      next[test.length] = addedPointHeldOut(test, share, seed);
      test = next;
    }
    return test.subarray(1);
  };
  const share = (mask: Uint8Array) => mask.reduce((s, v) => s + v, 0) / mask.length;

  it('are held out by the seed and their index, the same every time', () => {
    const a = addAll(200, 0.3, 7);
    expect(addAll(200, 0.3, 7)).toEqual(a);
    expect(addAll(200, 0.3, 8)).not.toEqual(a);
    // The draw depends on the index, not on which earlier points are held out.
    for (let seed = 0; seed < 20; seed++) {
      expect(addedPointHeldOut(Uint8Array.of(0, 1, 1, 0), 0.5, seed)).toBe(
        addedPointHeldOut(Uint8Array.of(0, 0, 0, 0), 0.5, seed),
      );
    }
  });

  it('are held out at the requested share (capped like the split), never at share 0', () => {
    for (const seed of [0, 1, 12345, 0xffffffff]) {
      for (const s of [0.1, 0.3, 0.5])
        expect(Math.abs(share(addAll(20_000, s, seed)) - s)).toBeLessThan(0.01);
      expect(share(addAll(2000, 0, seed))).toBe(0);
      expect(Math.abs(share(addAll(20_000, 1, seed)) - MAX_TEST_SHARE)).toBeLessThan(0.01);
    }
  });

  it('train when nothing else would: the first point, or after only held-out points', () => {
    for (let seed = 0; seed < 50; seed++) {
      expect(addedPointHeldOut(new Uint8Array(0), 0.9, seed)).toBe(0);
      expect(addedPointHeldOut(Uint8Array.of(1, 1, 1), 0.9, seed)).toBe(0);
    }
  });
});
