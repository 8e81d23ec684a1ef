/**
 * BatchSchedule: each epoch uses every training point once in batches of B (the last one
 * possibly smaller), B = N uses the points in order and draws nothing, and with B < N the
 * batches are numpy's `np.random.permutation(N)` slices, epoch after epoch, after a run's
 * draws (scripts/numpy-permutation.py, once for the file).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import { BatchSchedule, type PermutationSource } from './batches';
import { NumpyRandom } from './rng';

/** Skipped without numpy, except on CI, where it fails (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();
const SCRIPT = fileURLToPath(new URL('../../scripts/numpy-permutation.py', import.meta.url));

/** Counts the permutations asked for, and hands out the reversed order. */
class CountingSource implements PermutationSource {
  calls = 0;
  permutationInto(out: Int32Array, n: number): void {
    this.calls++;
    for (let i = 0; i < n; i++) out[i] = n - 1 - i;
  }
}

/** The batches of `epochs` epochs, as arrays of arrays (copies: the views are reused). */
function epochsOf(s: BatchSchedule, epochs: number): number[][][] {
  const out: number[][][] = [];
  for (let e = 0; e < epochs; e++) {
    const batches: number[][] = [];
    for (let k = 0; k < s.stepsPerEpoch; k++) {
      const b = s.next();
      expect([s.epoch, s.stepInEpoch]).toEqual([e, k]);
      batches.push(Array.from(b));
    }
    out.push(batches);
  }
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('BatchSchedule', () => {
  it.each([
    [1, 1],
    [7, 1],
    [7, 3],
    [30, 4],
    [30, 5],
    [30, 29],
    [101, 10],
  ])('N = %i, B = %i: every point once per epoch, in batches of B then the rest', (n, b) => {
    const s = new BatchSchedule(n, b, new NumpyRandom(n * 31 + b));
    expect(s.stepsPerEpoch).toBe(Math.ceil(n / b));
    const epochs = epochsOf(s, 4);
    for (const batches of epochs) {
      const sizes = batches.map((x) => x.length);
      expect(sizes.slice(0, -1).every((z) => z === b)).toBe(true);
      expect(sizes.at(-1)).toBe(n - b * (batches.length - 1));
      expect(batches.flat().sort((p, q) => p - q)).toEqual(range(n));
    }
    expect(s.steps).toBe(4 * s.stepsPerEpoch);
  });

  it('B = N: one batch per epoch, the points in order, nothing drawn', () => {
    const src = new CountingSource();
    const s = new BatchSchedule(9, 9, src);
    expect(s.fullBatch).toBe(true);
    expect(epochsOf(s, 3)).toEqual([[range(9)], [range(9)], [range(9)]]);
    expect(src.calls).toBe(0);
  });

  it('B = N leaves the generator where it was', () => {
    const rng = new NumpyRandom(4);
    const s = new BatchSchedule(20, 20, rng);
    for (let k = 0; k < 5; k++) s.next();
    expect(rng.nextUint32()).toBe(new NumpyRandom(4).nextUint32());
  });

  it('B < N: one permutation per epoch, drawn at its first step', () => {
    const src = new CountingSource();
    const s = new BatchSchedule(10, 4, src);
    expect(src.calls).toBe(0);
    expect(Array.from(s.next())).toEqual([9, 8, 7, 6]);
    expect(src.calls).toBe(1);
    expect(Array.from(s.next())).toEqual([5, 4, 3, 2]);
    expect(Array.from(s.next())).toEqual([1, 0]);
    expect(src.calls).toBe(1);
    s.next();
    expect([src.calls, s.epoch, s.stepInEpoch, s.steps]).toEqual([2, 1, 0, 4]);
  });

  it('returns the same preallocated views every epoch', () => {
    const s = new BatchSchedule(10, 3, new NumpyRandom(0));
    const first = range(4).map(() => s.next());
    const second = range(4).map(() => s.next());
    first.forEach((v, k) => expect(second[k]).toBe(v));
    expect(s.batch).toBe(second[3]);
  });

  it('reports no step before the first', () => {
    const s = new BatchSchedule(5, 2, new NumpyRandom(0));
    expect([s.epoch, s.stepInEpoch, s.steps]).toEqual([-1, -1, 0]);
    expect(() => s.batch).toThrow(/no step yet/);
  });

  it('rejects a batch size outside 1..N and a point count below 1', () => {
    const rng = new NumpyRandom(0);
    for (const b of [0, 6, 2.5, NaN])
      expect(() => new BatchSchedule(5, b, rng)).toThrow(RangeError);
    expect(() => new BatchSchedule(0, 1, rng)).toThrow(RangeError);
  });
});

/** A run's draws before training (noise, then a 1 -> 10 -> 1 network's weights), then epochs. */
const RUNS = [
  { seed: 0, points: 30, batch: 4, hidden: 10 },
  { seed: 1, points: 30, batch: 5, hidden: 10 },
  { seed: 42, points: 17, batch: 1, hidden: 3 },
  { seed: 2 ** 32 - 1, points: 1000, batch: 64, hidden: 33 },
];
const EPOCHS = 4;

function numpyEpochs(): number[][][] {
  const input = RUNS.map((r) => ({
    seed: r.seed,
    ops: [
      ['normal', 0, 0.2, r.points],
      ['normal', 0, 1, r.hidden],
      ['normal', 0, Math.sqrt(1 / r.hidden), r.hidden],
      ...range(EPOCHS).map(() => ['permutation', r.points]),
    ],
  }));
  const out = spawnSync(NUMPY.python(), [SCRIPT], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`numpy-permutation.py failed: ${out.stderr}`);
  return (JSON.parse(out.stdout) as number[][][]).map((results) => results.slice(3));
}

describe.skipIf(NUMPY.skip)(`BatchSchedule follows numpy ${NUMPY.version ?? ''}`, () => {
  const perms = NUMPY.skip ? [] : numpyEpochs();
  it.each(RUNS.map((r, k) => [r.seed, r.points, r.batch, k] as const))(
    'seed %i, N = %i, B = %i: batches are slices of each epoch permutation',
    (_seed, _n, _b, k) => {
      const r = RUNS[k]!;
      const rng = new NumpyRandom(r.seed);
      for (let i = 0; i < r.points; i++) rng.normal(0, 0.2);
      for (let i = 0; i < r.hidden; i++) rng.normal(0, 1);
      for (let i = 0; i < r.hidden; i++) rng.normal(0, Math.sqrt(1 / r.hidden));
      const s = new BatchSchedule(r.points, r.batch, rng);
      const want = perms[k]!.map((perm) =>
        range(s.stepsPerEpoch).map((j) => perm.slice(j * r.batch, (j + 1) * r.batch)),
      );
      expect(epochsOf(s, EPOCHS)).toEqual(want);
    },
  );
});
