/**
 * Each layer's gradient size over the steps of one run, one sample per frame, bounded in
 * memory: when full, every second sample is dropped and the history keeps going at half
 * the density (the chart shows the shape of a long run, not each frame).
 */

/** Samples kept before halving. */
export const GRAD_HISTORY_CAPACITY = 1024;

export class GradHistory {
  /** Series per sample: one per hidden layer, then the output layer. */
  readonly series: number;
  readonly steps = new Float64Array(GRAD_HISTORY_CAPACITY);
  /** Row-major [sample][series]. */
  readonly values: Float64Array;
  length = 0;
  /** Keep one sample in `stride` frames (doubles at each halving). */
  private stride = 1;
  private skipped = 0;

  constructor(series: number) {
    this.series = series;
    this.values = new Float64Array(GRAD_HISTORY_CAPACITY * series);
  }

  get lastStep(): number {
    return this.length > 0 ? this.steps[this.length - 1]! : -Infinity;
  }

  /** Adds a sample at `step` (ignored unless it is past the last one). */
  append(step: number, sample: ArrayLike<number>): void {
    if (step <= this.lastStep) return;
    if (this.length > 0 && ++this.skipped < this.stride) return;
    this.skipped = 0;
    if (this.length === GRAD_HISTORY_CAPACITY) this.halve();
    const k = this.series;
    this.steps[this.length] = step;
    for (let s = 0; s < k; s++) this.values[this.length * k + s] = sample[s]!;
    this.length++;
  }

  /** Sample i of series s. */
  at(i: number, s: number): number {
    return this.values[i * this.series + s]!;
  }

  /** Drops every sample past `step` (the run went back to it). */
  truncate(step: number): void {
    while (this.length > 0 && this.steps[this.length - 1]! > step) this.length--;
    this.skipped = 0;
  }

  private halve(): void {
    const k = this.series;
    // Keeps samples 0, 2, 4, ...: the first step stays, where a run's gradients start.
    let n = 0;
    for (let i = 0; i < this.length; i += 2, n++) {
      this.steps[n] = this.steps[i]!;
      this.values.copyWithin(n * k, i * k, i * k + k);
    }
    this.length = n;
    this.stride *= 2;
  }
}

/**
 * One layer's gradient size as the chart draws it: the root mean square over all its
 * parameters, from the RMS of its weight gradient (fanIn * width entries) and of its bias
 * gradient (width entries).
 */
export function layerRms(rms: { w: number; b: number }, fanIn: number, width: number): number {
  const nw = fanIn * width;
  return Math.sqrt((nw * rms.w * rms.w + width * rms.b * rms.b) / (nw + width));
}
