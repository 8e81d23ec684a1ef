/**
 * The train/test split: which points are held out, chosen by the seed but from a stream
 * of its own, so the data and the initial weights stay exactly numpy's.
 */
import { NumpyRandom, MAX_SEED } from './rng';
import type { Dataset } from './dataset';

/** Largest share of points that can be held out for testing. */
export const MAX_TEST_SHARE = 0.9;
/** Offsets the seed of the split's own generator from the run's. */
const SPLIT_SEED_OFFSET = 0x5eed;

/** test[i] is 1 when point i is held out. Deterministic in (n, share, seed); at least one point trains. */
export function testMask(n: number, share: number, seed: number): Uint8Array {
  const mask = new Uint8Array(n);
  const count = Math.min(Math.round(n * Math.min(Math.max(share, 0), MAX_TEST_SHARE)), n - 1);
  if (count <= 0) return mask;
  // A seeded Fisher-Yates shuffle; the first `count` indices are held out.
  const rng = new NumpyRandom((seed + SPLIT_SEED_OFFSET) % (MAX_SEED + 1));
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.randomSample() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let k = 0; k < count; k++) mask[order[k]!] = 1;
  return mask;
}

/** Splits data by a mask into the points trained on and the points held out. */
export function splitData(data: Dataset, mask: Uint8Array): { train: Dataset; test: Dataset } {
  const pick = (held: number) => {
    const idx: number[] = [];
    for (let i = 0; i < data.x.length; i++) if ((mask[i] ?? 0) === held) idx.push(i);
    return {
      x: Float32Array.from(idx, (i) => data.x[i]!),
      y: Float32Array.from(idx, (i) => data.y[i]!),
    };
  };
  return { train: pick(0), test: pick(1) };
}

/** Offsets the seed for points the learner adds, so their draws are not the shuffle's. */
const ADDED_SEED_OFFSET = 0xadd;
const TWO_POW_32 = 2 ** 32;

/** A 32-bit integer hash with good avalanche (Chris Wellons' "lowbias32" constants). */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Whether a point added after the points of `test` is held out: a uniform draw hashed from
 * (seed, its index), below the share (capped as in testMask). The same edits on the same
 * seed give the same split. Never when no point would be left to train on.
 */
export function addedPointHeldOut(test: Uint8Array, share: number, seed: number): 0 | 1 {
  if (!test.includes(0)) return 0;
  const draw = mix32(mix32(seed + ADDED_SEED_OFFSET) + test.length) / TWO_POW_32;
  return draw < Math.min(Math.max(share, 0), MAX_TEST_SHARE) ? 1 : 0;
}
