/**
 * A loss history of bounded size however long a run goes. Recent and old points share
 * one resolution: when the buffer fills, every four stored points become two (the
 * group's minimum and maximum, in step order), and new losses arrive in buckets of the
 * same width, so spikes and the curve's envelope survive decimation.
 */

/** Default number of stored points; plenty for a plot a few thousand pixels wide. */
export const DEFAULT_HISTORY_CAPACITY = 4096;

export class LossHistory {
  readonly capacity: number;
  /** Step index of each stored point. */
  readonly steps: Float64Array;
  /** Loss of each stored point. */
  readonly losses: Float32Array;
  length = 0;
  /** Raw losses per emitted bucket: 1 before the first compaction, then 4, 8, 16, ... */
  private bucketSize = 1;
  private pendingCount = 0;
  private minStep = 0;
  private minLoss = Infinity;
  private maxStep = 0;
  private maxLoss = -Infinity;
  /** Most recent raw value, so the newest loss is always visible. */
  lastStep = -1;
  lastLoss = NaN;

  constructor(capacity = DEFAULT_HISTORY_CAPACITY) {
    if (capacity < 8 || capacity % 4 !== 0)
      throw new RangeError('capacity must be a multiple of 4, at least 8');
    this.capacity = capacity;
    this.steps = new Float64Array(capacity);
    this.losses = new Float32Array(capacity);
  }

  clear(): void {
    this.length = 0;
    this.bucketSize = 1;
    this.resetPending();
    this.lastStep = -1;
    this.lastLoss = NaN;
  }

  /** Forgets every loss recorded after `step` (a run rewound to it goes on from there). */
  truncateAfter(step: number): void {
    let n = this.length;
    while (n > 0 && this.steps[n - 1]! > step) n--;
    this.length = n;
    this.resetPending();
    this.lastStep = n > 0 ? this.steps[n - 1]! : -1;
    this.lastLoss = n > 0 ? this.losses[n - 1]! : NaN;
  }

  /** Appends losses recorded at consecutive steps, the first at `firstStep`. */
  append(firstStep: number, values: ArrayLike<number>): void {
    for (let k = 0; k < values.length; k++) this.push(firstStep + k, values[k]!);
  }

  push(step: number, loss: number): void {
    this.lastStep = step;
    this.lastLoss = loss;
    // NaN ranks above every number (see isAbove), so it is kept as the bucket's maximum.
    const first = this.pendingCount === 0;
    if (first || isBelow(loss, this.minLoss)) {
      this.minLoss = loss;
      this.minStep = step;
    }
    if (first || isAbove(loss, this.maxLoss)) {
      this.maxLoss = loss;
      this.maxStep = step;
    }
    if (++this.pendingCount >= this.bucketSize) this.flushBucket();
  }

  /** Raw losses represented per stored pair (1 until the first compaction). */
  get resolution(): number {
    return this.bucketSize;
  }

  /**
   * Copies the stored points plus the newest raw point (if not yet stored) into the
   * given arrays, returning how many were written. Arrays need capacity + 1 entries.
   */
  snapshot(stepsOut: Float64Array, lossesOut: Float32Array): number {
    stepsOut.set(this.steps.subarray(0, this.length));
    lossesOut.set(this.losses.subarray(0, this.length));
    let n = this.length;
    // The newest loss is missing while its bucket is pending, and also when its full
    // bucket was just stored as a (min, max) pair that does not include it.
    if (this.pendingCount > 0 || (n > 0 && this.steps[n - 1] !== this.lastStep)) {
      stepsOut[n] = this.lastStep;
      lossesOut[n] = this.lastLoss;
      n++;
    }
    return n;
  }

  private flushBucket(): void {
    if (this.length + 2 > this.capacity) this.compact();
    if (this.bucketSize === 1 || this.minStep === this.maxStep) {
      this.store(this.maxStep, this.maxLoss);
    } else if (this.minStep < this.maxStep) {
      this.store(this.minStep, this.minLoss);
      this.store(this.maxStep, this.maxLoss);
    } else {
      this.store(this.maxStep, this.maxLoss);
      this.store(this.minStep, this.minLoss);
    }
    this.resetPending();
  }

  private store(step: number, loss: number): void {
    this.steps[this.length] = step;
    this.losses[this.length] = loss;
    this.length++;
  }

  /** Halves the stored points: each group of four keeps its min and max, in step order. */
  private compact(): void {
    const { steps, losses } = this;
    let w = 0;
    for (let r = 0; r < this.length; r += 4) {
      const end = Math.min(r + 4, this.length);
      let lo = r;
      let hi = r;
      for (let k = r + 1; k < end; k++) {
        if (isBelow(losses[k]!, losses[lo]!)) lo = k;
        if (isAbove(losses[k]!, losses[hi]!)) hi = k;
      }
      const first = Math.min(lo, hi);
      const second = Math.max(lo, hi);
      steps[w] = steps[first]!;
      losses[w] = losses[first]!;
      w++;
      if (second !== first) {
        steps[w] = steps[second]!;
        losses[w] = losses[second]!;
        w++;
      }
    }
    this.length = w;
    this.bucketSize = this.bucketSize === 1 ? 4 : this.bucketSize * 2;
  }

  private resetPending(): void {
    this.pendingCount = 0;
    this.minLoss = Infinity;
    this.maxLoss = -Infinity;
  }
}

/** a > b in an order that ranks NaN above every number, so a divergence is never dropped. */
function isAbove(a: number, b: number): boolean {
  return a > b || (Number.isNaN(a) && !Number.isNaN(b));
}

/** a < b in the same order (a number is below NaN). */
function isBelow(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}
