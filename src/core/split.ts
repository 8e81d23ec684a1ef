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
    return { x: Float32Array.from(idx, (i) => data.x[i]!), y: Float32Array.from(idx, (i) => data.y[i]!) };
  };
  return { train: pick(0), test: pick(1) };
}
