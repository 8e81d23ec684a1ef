/*
 * Divergence, and which weights a diverged run keeps. The run is declared diverged when a
 * loss or a parameter stops being finite, or a loss passes EXPLODE_RATIO times the first.
 * By then the weights have been growing for several steps (the loss climbs for a few steps
 * before it overflows), so the run does not keep the weights of the step before the
 * declaration: it keeps those of the last step whose loss rose no more than RISE_TOLERANCE
 * above the loss of the weights kept before it. Once the loss starts to climb, the kept
 * weights stay where the climb began; a loss that comes back down to them moves them on.
 * A loss that wiggles up once only leaves the kept weights where they were: it never
 * declares divergence.
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
   * Loss of the kept parameters on the data trained on, or NaN while unknown (before a step
   * on it). NaN, not null: a field that only ever holds numbers is updated in place, where
   * one that may hold null boxes each new value (an allocation every step).
   */
  private keptLoss = NaN;
  /** Loss of the first step, the yardstick for "exploded". */
  private firstLoss: number | null = null;

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

  /**
   * Judges step `step` (counted from 0): a loss or parameter that is not finite, or a loss
   * that has exploded past EXPLODE_RATIO times the first one, means divergence (true). The
   * loss, lossOut[index], is that of the candidate parameters, which are kept when it did
   * not climb (see RISE_TOLERANCE). It is read here, not passed: a float passed to a call
   * V8 does not inline is boxed, an allocation every step.
   */
  judge(lossOut: Float32Array, index: number, paramsFinite: boolean, step: number): boolean {
    const loss = lossOut[index]!;
    if (step === 0 || this.firstLoss === null) this.firstLoss = loss;
    const exploded = loss > EXPLODE_RATIO * Math.max(this.firstLoss, MIN_REFERENCE_LOSS);
    // The candidate's loss did not climb: it becomes the kept one (written out here for the same reason).
    if (Number.isFinite(loss) && !exploded) {
      const keptLoss = this.keptLoss;
      if (
        Number.isNaN(keptLoss) ||
        loss <= keptLoss * (1 + RISE_TOLERANCE) ||
        loss <= MIN_REFERENCE_LOSS
      ) {
        this.keepCandidate(step);
        this.keptLoss = loss;
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
  }

  /** The kept weights' loss was on other points: the next step's loss is the new yardstick. */
  forgetLoss(): void {
    this.keptLoss = NaN;
  }

  /** The next step's loss becomes the yardstick for "exploded" (after a rewind or a load). */
  forgetFirstLoss(): void {
    this.firstLoss = null;
  }
}
