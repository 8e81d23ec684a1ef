/*
 * Divergence, and which weights a diverged run keeps. The run is declared diverged when a
 * loss or a parameter stops being finite, or a loss passes EXPLODE_RATIO times the
 * yardstick: the first step's loss. By then the weights have been growing for several steps
 * (the loss climbs for a few steps before it overflows), so the run does not keep the
 * weights of the step before the declaration: it keeps those of the last step whose loss
 * rose no more than RISE_TOLERANCE above the loss of the weights kept before it. Once the
 * loss starts to climb, the kept weights stay where the climb began; a loss that comes back
 * down to them moves them on. A loss that wiggles up once only leaves the kept weights
 * where they were: it never declares divergence.
 *
 * With mini-batches (B < N) a step's loss is one batch's, which jumps around: a lucky batch
 * would pin the kept weights far back, and a near-zero first batch would make any later
 * loss look exploded. So the rule judges epochs, on the mean of their batch losses
 * (weighted by the batches' sizes: the loss over the epoch's points). The weights at an
 * epoch's start are the candidate; at its end they are kept when its mean rose no more than
 * RISE_TOLERANCE above the kept loss, or did not rise above the previous epoch's mean (noise
 * around a level is not a climb; a blow-up rises epoch after epoch). The yardstick for
 * "exploded" is the first epoch's mean; until it is complete only a loss or parameter that
 * is not finite counts. With the full batch an epoch is one step: the rule above, exactly.
 */

/** A loss this many times the first step's is treated as divergence (it is on its way to Infinity). */
export const EXPLODE_RATIO = 1e6;
/** Floor under the first loss for that test, so a near-perfect start does not trip it. */
const MIN_REFERENCE_LOSS = 1e-6;
/** How far (relative) a step's loss may rise above the kept weights' loss and still move them on. */
export const RISE_TOLERANCE = 0.01;

/**
 * The kept weights and the rule that moves them on. Parameters are held in whatever
 * layout the engine saves them in; this class only compares losses and swaps buffers.
 */
export class KeptWeights {
  /** Step of the kept parameters: where the loss last stopped climbing. */
  step = 0;
  /** The kept parameters. */
  private kept: Float32Array;
  /** The parameters before the step under way; they become the kept ones if its loss did not climb. */
  private next: Float32Array;
  /**
   * Loss of the kept parameters on the data trained on (their epoch's mean), or NaN while
   * unknown (before a step on it). NaN, not null: a field that only ever holds numbers is
   * updated in place, where one that may hold null boxes each new value (an allocation every step).
   */
  private keptLoss = NaN;
  /** Mean loss of the first epoch, the yardstick for "exploded"; NaN until that epoch is complete. */
  private yardstick = NaN;
  /** Whether batches are smaller than the data (set by the run): the rule for noisy losses applies. */
  miniBatch = false;
  /** Whether an epoch is under way, its candidate saved at its first step (windowStep). */
  private windowOpen = false;
  private windowStep = 0;
  /** Sum of the epoch's batch losses times their sizes, and of the sizes. */
  private windowSum = 0;
  private windowPoints = 0;
  /** Mean of the last epoch judged, or NaN. */
  private previousMean = NaN;

  /** What else a checkpoint keeps with the parameters (core/learning.ts: optimizer, schedule), swapped with them. */
  private keptExtra: Float64Array;
  private nextExtra: Float64Array;

  constructor(length: number, extraLength = 1) {
    this.kept = new Float32Array(length);
    this.next = new Float32Array(length);
    this.keptExtra = new Float64Array(extraLength);
    this.nextExtra = new Float64Array(extraLength);
  }

  /** The kept learning state (see core/learning.ts), kept and swapped with the parameters. */
  get extra(): Float64Array {
    return this.keptExtra;
  }

  /** Where the learning state is saved before each step, with the parameters. */
  get extraCandidate(): Float64Array {
    return this.nextExtra;
  }

  /**
   * New buffer lengths (another engine's layout, or options that keep more state): `kept`
   * becomes the kept parameters; the caller writes the kept extra state afresh.
   */
  relayout(kept: Float32Array, extraLength: number): void {
    this.kept = kept;
    this.next = new Float32Array(kept.length);
    if (extraLength !== this.keptExtra.length) {
      this.keptExtra = new Float64Array(extraLength);
      this.nextExtra = new Float64Array(extraLength);
    }
  }

  /** The kept parameters (to restore from, or to save into by keepAt). */
  get params(): Float32Array {
    return this.kept;
  }

  /** Where the engine saves the parameters before each step. */
  get candidate(): Float32Array {
    return this.next;
  }

  /** Whether the next step starts an epoch: the run saves the candidate (parameters and extra) before it. */
  get wantsCandidate(): boolean {
    return !this.windowOpen;
  }

  /**
   * Judges step `step` (counted from 0), on `points` points, ending an epoch or not: a loss
   * or parameter that is not finite, or a loss that has exploded past EXPLODE_RATIO times
   * the yardstick, means divergence (true). The loss, lossOut[index], is that of the
   * parameters before the step. At an epoch's end the candidate saved at its start is kept
   * when the epoch's loss did not climb (see above). The loss is read here, not passed: a
   * float passed to a call V8 does not inline is boxed, an allocation every step.
   */
  judge(
    lossOut: Float32Array,
    index: number,
    paramsFinite: boolean,
    step: number,
    points: number,
    epochEnd: boolean,
  ): boolean {
    const loss = lossOut[index]!;
    if (step === 0) this.yardstick = NaN;
    if (!this.windowOpen) {
      this.windowOpen = true;
      this.windowStep = step;
      this.windowSum = 0;
      this.windowPoints = 0;
    }
    this.windowSum += loss * points;
    this.windowPoints += points;
    // Exact for the full batch: a float32 loss times N, divided by N, is the loss.
    const mean = this.windowSum / this.windowPoints;
    if (epochEnd && Number.isNaN(this.yardstick)) this.yardstick = mean;
    // While the yardstick is NaN the comparison is false: nothing has exploded yet.
    const exploded = loss > EXPLODE_RATIO * Math.max(this.yardstick, MIN_REFERENCE_LOSS);
    if (epochEnd) {
      this.windowOpen = false;
      // Written out here, not in a helper, for the same reason as above.
      if (Number.isFinite(loss) && !exploded) {
        const keptLoss = this.keptLoss;
        if (
          Number.isNaN(keptLoss) ||
          mean <= keptLoss * (1 + RISE_TOLERANCE) ||
          mean <= MIN_REFERENCE_LOSS ||
          (this.miniBatch && mean <= this.previousMean)
        ) {
          this.keepCandidate(this.windowStep);
          this.keptLoss = mean;
        }
        this.previousMean = mean;
      }
    }
    return !(Number.isFinite(loss) && paramsFinite && !exploded);
  }

  /** The parameters of `step`, saved in candidate before it, become the kept ones. */
  private keepCandidate(step: number): void {
    // Swapped, not copied (nor destructured: that would allocate an array a step).
    const kept = this.next;
    this.next = this.kept;
    this.kept = kept;
    const extra = this.nextExtra;
    this.nextExtra = this.keptExtra;
    this.keptExtra = extra;
    this.step = step;
  }

  /** The parameters just saved into `params` are those of `step`, their loss not yet known. */
  keepAt(step: number): void {
    this.step = step;
    this.keptLoss = NaN;
    this.closeWindow();
  }

  /** The kept weights' loss was on other points: the next epoch's loss becomes theirs. */
  forgetLoss(): void {
    this.keptLoss = NaN;
    this.closeWindow();
  }

  /** The next epoch's loss becomes the yardstick for "exploded" (after a rewind or a load). */
  forgetFirstLoss(): void {
    this.yardstick = NaN;
    this.closeWindow();
  }

  /**
   * The epoch under way is not judged (the options changed, the parameters were set from
   * outside): the next step saves a candidate and starts counting again, from where it is.
   */
  closeWindow(): void {
    this.windowOpen = false;
    this.previousMean = NaN;
  }
}
