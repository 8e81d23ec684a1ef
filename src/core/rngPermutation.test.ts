/**
 * `NumpyRandom.permutation` against numpy's legacy `np.random.permutation`, exactly: alone
 * after seeding, and interleaved with normal draws the way a run makes them (the data's
 * noise, the weights, then a permutation per epoch), including across a cached Gaussian.
 * scripts/numpy-permutation.py makes numpy's draws, once for the whole file.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import { NumpyRandom } from './rng';

/** Skipped without numpy, except on CI, where it fails (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();
const SCRIPT = fileURLToPath(new URL('../../scripts/numpy-permutation.py', import.meta.url));

type Op = ['normal', number, number, number] | ['permutation', number];
interface Case {
  name: string;
  seed: number;
  ops: Op[];
}

const SEEDS = [0, 1, 42, 12345, 2 ** 32 - 1];
/** Sizes from the trivial to large, with 1025 and 65537 just past a power of two (the mask doubles). */
const SIZES = [1, 2, 3, 7, 30, 1000, 1025, 5000, 65537];

const CASES: Case[] = [];
for (const seed of SEEDS)
  for (const n of SIZES)
    CASES.push({ name: `seed ${seed}, n ${n}`, seed, ops: [['permutation', n]] });
/** A run's draws: the data's noise, a 1 -> H -> 1 network's weights, epochs, then more normals. */
for (const [seed, points, hidden] of [
  [0, 30, 10],
  [7, 31, 10],
  [42, 25, 7],
  [2 ** 32 - 1, 1001, 33],
] as const) {
  const ops: Op[] = [
    ['normal', 0, 0.2, points],
    ['normal', 0, 1, hidden],
    ['normal', 0, Math.sqrt(1 / hidden), hidden],
  ];
  for (let epoch = 0; epoch < 5; epoch++) ops.push(['permutation', points]);
  ops.push(['normal', 0, 1, 3]);
  ops.push(['permutation', points]);
  ops.push(['normal', 0.5, 2, 4]);
  CASES.push({ name: `run: seed ${seed}, ${points} points, ${hidden} hidden`, seed, ops });
}
/** An odd number of normals leaves numpy's second Gaussian cached across each permutation. */
CASES.push({
  name: 'cached Gaussian across permutations',
  seed: 3,
  ops: [
    ['normal', 0, 1, 1],
    ['permutation', 9],
    ['normal', 0, 1, 1],
    ['normal', 0, 1, 3],
    ['permutation', 2],
    ['permutation', 1],
    ['normal', 0, 1, 2],
  ],
});

function numpyResults(): number[][][] {
  const out = spawnSync(NUMPY.python(), [SCRIPT], {
    input: JSON.stringify(CASES.map(({ seed, ops }) => ({ seed, ops }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`numpy-permutation.py failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as number[][][];
}

/**
 * Normals agree to a few ulps, not always exactly: V8's Math.log is not correctly rounded
 * where glibc's is (see rng.test.ts). The rejection loop does not use the log, so a miss
 * there cannot shift the stream, and the permutations after it stay exact.
 */
const NORMAL_RTOL = 1e-15;
function expectSameNormals(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i]!;
    if (Math.abs(g - w) > NORMAL_RTOL * Math.abs(w)) expect(g).toBe(w);
  });
}

function ours(c: Case): number[][] {
  const rng = new NumpyRandom(c.seed);
  return c.ops.map((op) => {
    if (op[0] === 'permutation') return Array.from(rng.permutation(op[1]));
    const [, loc, scale, count] = op;
    return Array.from({ length: count }, () => rng.normal(loc, scale));
  });
}

describe.skipIf(NUMPY.skip)(`permutation equals numpy ${NUMPY.version ?? ''} draw for draw`, () => {
  const expected = NUMPY.skip ? [] : numpyResults();
  it.each(CASES.map((c, k) => [c.name, k] as const))('%s', (_name, k) => {
    const c = CASES[k]!;
    const got = ours(c);
    const want = expected[k]!;
    expect(got.length).toBe(want.length);
    c.ops.forEach((op, i) => {
      if (op[0] === 'permutation') expect(got[i]).toEqual(want[i]);
      else expectSameNormals(got[i]!, want[i]!);
    });
  });
});

describe('permutation', () => {
  it('is a permutation of 0..n-1', () => {
    const p = new NumpyRandom(5).permutation(500);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('draws nothing for n = 0 or 1', () => {
    const a = new NumpyRandom(9);
    const b = new NumpyRandom(9);
    expect(Array.from(a.permutation(0))).toEqual([]);
    expect(Array.from(a.permutation(1))).toEqual([0]);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('permutationInto fills only the first n entries and matches permutation(n)', () => {
    const out = new Int32Array(12).fill(-1);
    new NumpyRandom(11).permutationInto(out, 10);
    expect(Array.from(out.subarray(0, 10))).toEqual(
      Array.from(new NumpyRandom(11).permutation(10)),
    );
    expect(Array.from(out.subarray(10))).toEqual([-1, -1]);
  });

  it('rejects a length that does not fit', () => {
    const rng = new NumpyRandom(0);
    expect(() => rng.permutationInto(new Int32Array(3), 4)).toThrow(RangeError);
    expect(() => rng.permutation(-1)).toThrow(RangeError);
    expect(() => rng.permutation(2.5)).toThrow(RangeError);
  });

  it('randomInterval stays in [0, max] and rejects by the mask', () => {
    const rng = new NumpyRandom(1);
    for (const max of [1, 2, 5, 8, 1000, 2 ** 31, 2 ** 32 - 1])
      for (let k = 0; k < 200; k++) {
        const v = rng.randomInterval(max);
        expect(v >= 0 && v <= max && Number.isInteger(v)).toBe(true);
      }
    expect(() => rng.randomInterval(2 ** 32)).toThrow(RangeError);
  });
});
