/**
 * numpy's legacy global generator (`np.random.seed(s)` with an integer seed):
 * MT19937 seeded by `init_genrand`, doubles from two 32-bit draws (`random_sample`),
 * normals by the legacy polar Box-Muller method that caches its second value, and
 * permutations by the legacy `shuffle` (masked rejection sampling of bounded integers).
 * Reproducing it draw for draw lets a run here be replayed in Python and vice versa.
 */

/** Size of the Mersenne Twister state, in 32-bit words. */
const STATE_WORDS = 624;
const PERIOD_OFFSET = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** Largest seed numpy's legacy seeding takes as a single integer. */
export const MAX_SEED = 0xffffffff;

/** A seeded source of normal draws, the only randomness the core uses. */
export interface Rng {
  /** One draw from Normal(loc, scale), as `np.random.normal(loc, scale)`. */
  normal(loc: number, scale: number): number;
}

export class NumpyRandom implements Rng {
  private readonly mt = new Uint32Array(STATE_WORDS);
  private index = STATE_WORDS;
  private hasGauss = false;
  private gauss = 0;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < STATE_WORDS; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  /** Next raw 32-bit output (`genrand_int32`). */
  nextUint32(): number {
    if (this.index >= STATE_WORDS) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits, as `np.random.random_sample()`. */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A standard normal draw, as numpy's `legacy_gauss`. */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  normal(loc: number, scale: number): number {
    return loc + scale * this.standardNormal();
  }

  /**
   * A uniform integer in [0, max], as numpy's `random_interval(max)`: 32-bit words masked
   * to the smallest all-ones mask covering max, rejected while above max. No draw when
   * max is 0. numpy takes 64-bit words past 2^32 - 1; our bounds (array indices) never are.
   */
  randomInterval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > MAX_SEED) {
      throw new RangeError(`interval bound must be an integer from 0 to ${MAX_SEED}, got ${max}`);
    }
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /**
   * Writes `np.random.permutation(n)` into out[0..n): legacy `shuffle(arange(n))`, a
   * Fisher-Yates from the end. It draws only raw words, so a cached Gaussian (numpy's
   * `has_gauss`) survives it, as in numpy. Allocates nothing.
   */
  permutationInto(out: Int32Array, n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > out.length) {
      throw new RangeError(
        `permutation length must be an integer from 0 to ${out.length}, got ${n}`,
      );
    }
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.randomInterval(i);
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
  }

  /** Length of the state saveState writes: the 624 words, the position and the cached normal. */
  static readonly STATE_LENGTH = STATE_WORDS + 3;

  /** The whole generator state into out[at..at + STATE_LENGTH) (a checkpoint keeps it). */
  saveState(out: Float64Array, at: number): void {
    for (let i = 0; i < STATE_WORDS; i++) out[at + i] = this.mt[i]!;
    out[at + STATE_WORDS] = this.index;
    out[at + STATE_WORDS + 1] = this.hasGauss ? 1 : 0;
    out[at + STATE_WORDS + 2] = this.gauss;
  }

  /** Back to a state saveState wrote. */
  restoreState(saved: Float64Array, at: number): void {
    for (let i = 0; i < STATE_WORDS; i++) this.mt[i] = saved[at + i]!;
    this.index = saved[at + STATE_WORDS]!;
    this.hasGauss = saved[at + STATE_WORDS + 1] === 1;
    this.gauss = saved[at + STATE_WORDS + 2]!;
  }

  /** `np.random.permutation(n)`, in a new array. */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
      throw new RangeError(
        `permutation length must be an integer from 0 to ${0x7fffffff}, got ${n}`,
      );
    }
    const out = new Int32Array(n);
    this.permutationInto(out, n);
    return out;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < STATE_WORDS; i++) {
      const y = (mt[i]! & UPPER_MASK) | (mt[(i + 1) % STATE_WORDS]! & LOWER_MASK);
      let next = mt[(i + PERIOD_OFFSET) % STATE_WORDS]! ^ (y >>> 1);
      if (y & 1) next ^= MATRIX_A;
      mt[i] = next >>> 0;
    }
    this.index = 0;
  }
}
