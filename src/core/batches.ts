/**
 * Which training points each step uses (issue #20). A step is one update on one batch.
 *
 * Batch size B from 1 to N (the full batch, N, is the tutorial's). With B < N, at the start
 * of every epoch draw `perm = np.random.permutation(N)` from the run's generator (continuing
 * after the initial weights: numpy's legacy `shuffle`, Fisher–Yates from the end with its
 * masked rejection sampling of bounded integers, bit for bit); the epoch's batches are
 * consecutive slices of `perm` of size B, the last one possibly smaller. With B = N nothing
 * is drawn and the points are used in order. Held-out test points are never in a batch
 * (N counts training points only; the indices are into the training set).
 *
 * The permutation of an epoch is drawn when its first batch is asked for, so the draws
 * come in the order numpy's loop makes them:
 *
 *     for epoch in ...:
 *         perm = np.random.permutation(N)
 *         for k in range(0, N, B):
 *             idx = perm[k:k + B]
 */

/** Where the epochs' orders come from: the run's generator (`NumpyRandom`). */
export interface PermutationSource {
  /** Writes `np.random.permutation(n)` into out[0..n). */
  permutationInto(out: Int32Array, n: number): void;
}

export class BatchSchedule {
  /** Training points, N. */
  readonly points: number;
  /** Batch size, B (1..N). */
  readonly batchSize: number;
  /** Steps in an epoch: ceil(N / B). */
  readonly stepsPerEpoch: number;
  /** The current epoch's order: 0..N-1 when B = N, else its permutation (rewritten in place). */
  private readonly order: Int32Array;
  /** One view of `order` per step of an epoch, made once so a step allocates nothing. */
  private readonly views: Int32Array[];
  private readonly rng: PermutationSource;
  private epochIndex = -1;
  private stepIndex = -1;

  constructor(points: number, batchSize: number, rng: PermutationSource) {
    if (!Number.isInteger(points) || points < 1) {
      throw new RangeError(`points must be a positive integer, got ${points}`);
    }
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > points) {
      throw new RangeError(`batch size must be an integer from 1 to ${points}, got ${batchSize}`);
    }
    this.points = points;
    this.batchSize = batchSize;
    this.rng = rng;
    this.stepsPerEpoch = Math.ceil(points / batchSize);
    this.order = new Int32Array(points);
    for (let i = 0; i < points; i++) this.order[i] = i;
    this.views = [];
    for (let k = 0; k < this.stepsPerEpoch; k++) {
      const start = k * batchSize;
      this.views.push(this.order.subarray(start, Math.min(start + batchSize, points)));
    }
  }

  /** Whether every step uses all the points in order (B = N): no draws. */
  get fullBatch(): boolean {
    return this.batchSize === this.points;
  }

  /**
   * Moves to the next step and returns its batch's indices: a view valid until the next
   * epoch starts (its contents are rewritten then). Draws the epoch's permutation at an
   * epoch's first step when B < N.
   */
  next(): Int32Array {
    this.stepIndex++;
    if (this.epochIndex < 0 || this.stepIndex === this.stepsPerEpoch) {
      this.epochIndex++;
      this.stepIndex = 0;
      if (!this.fullBatch) this.rng.permutationInto(this.order, this.points);
    }
    return this.views[this.stepIndex]!;
  }

  /** The current step's batch (as last returned by next()); throws before the first step. */
  get batch(): Int32Array {
    if (this.stepIndex < 0) throw new Error('no step yet: call next() first');
    return this.views[this.stepIndex]!;
  }

  /** Epoch of the current step, from 0; -1 before the first step. */
  get epoch(): number {
    return this.epochIndex;
  }

  /** Step of the current step within its epoch, from 0; -1 before the first step. */
  get stepInEpoch(): number {
    return this.stepIndex;
  }

  /** Length of what save() writes: the epoch, the step in it, and the epoch's order. */
  get savedLength(): number {
    return 2 + this.points;
  }

  /** The position and the epoch's order into out[at..at + savedLength) (a checkpoint keeps them). */
  save(out: Float64Array, at: number): void {
    out[at] = this.epochIndex;
    out[at + 1] = this.stepIndex;
    for (let i = 0; i < this.points; i++) out[at + 2 + i] = this.order[i]!;
  }

  /** Back to what save() wrote for a schedule of the same N and B. */
  restore(saved: Float64Array, at: number): void {
    this.epochIndex = saved[at]!;
    this.stepIndex = saved[at + 1]!;
    for (let i = 0; i < this.points; i++) this.order[i] = saved[at + 2 + i]!;
  }

  /** Steps taken so far (the current one included). */
  get steps(): number {
    return this.epochIndex < 0 ? 0 : this.epochIndex * this.stepsPerEpoch + this.stepIndex + 1;
  }
}
