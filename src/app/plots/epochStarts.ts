/**
 * Where the epochs of a run began, for the loss plot's epoch marks. Frames say only where
 * the current epoch began and how many steps an epoch has now; a live batch-size change
 * starts a new schedule with another epoch length, so the starts are kept as regimes
 * (a first start and a spacing), each running until the next one begins.
 */

/** What a frame says of its epochs (see core/protocol Frame). */
export interface EpochFrame {
  step: number;
  /** Loss on all training points, null with the full batch (then every step is an epoch: no marks). */
  trainLoss: number | null;
  stepsPerEpoch: number;
  stepsIntoEpoch: number;
  /** Where the newest batch schedule began, when known (core/runHistory OptionsChange.newSchedule). */
  scheduleFrom?: number;
}

interface Regime {
  start: number;
  /** Steps between starts; 0 for the full batch, where none are marked. */
  every: number;
}

export class EpochStarts {
  private regimes: Regime[] = [];
  /** The first step of the newest epoch seen. */
  private newest = -1;
  /** The step of the last frame seen. */
  private seen = 0;

  clear(): void {
    this.regimes = [];
    this.newest = -1;
    this.seen = 0;
  }

  observe(frame: EpochFrame): void {
    const batched = frame.trainLoss !== null && frame.stepsPerEpoch > 1;
    const first = batched ? frame.step - frame.stepsIntoEpoch : frame.step;
    const every = batched ? frame.stepsPerEpoch : 0;
    const last = this.regimes.at(-1);
    const continues =
      last !== undefined &&
      last.every === every &&
      first >= last.start &&
      (every === 0 || (first - last.start) % every === 0);
    if (!continues) {
      // Frames come every few steps: the epochs between the last frame (or where the
      // schedule began, when known) and this one are filled in at this spacing.
      const from = frame.scheduleFrom;
      const known = from !== undefined && from <= first && from > (last?.start ?? -1);
      const floor = known ? from : Math.min(first, this.seen);
      const start = every === 0 ? first : first - Math.floor((first - floor) / every) * every;
      this.truncateAfter(start - 1);
      this.regimes.push({ start, every });
    }
    if (batched) this.newest = Math.max(this.newest, first);
    this.seen = frame.step;
  }

  /** Forgets the epochs that began after `step` (a run rewound to it goes on from there). */
  truncateAfter(step: number): void {
    while (this.regimes.length > 0 && this.regimes.at(-1)!.start > step) this.regimes.pop();
    this.newest = Math.min(this.newest, step);
    this.seen = Math.min(this.seen, Math.max(0, step));
  }

  /**
   * The epochs' first steps within [lo, hi], in order, or null when there are more than
   * `max` of them (too many to read as marks).
   */
  within(lo: number, hi: number, max: number): number[] | null {
    const out: number[] = [];
    const end = Math.min(hi, this.newest);
    for (let i = 0; i < this.regimes.length; i++) {
      const { start, every } = this.regimes[i]!;
      if (every === 0) continue;
      const next = this.regimes[i + 1]?.start ?? Infinity;
      const from = start >= lo ? start : start + Math.ceil((lo - start) / every) * every;
      for (let s = from; s <= end && s < next; s += every) {
        if (out.length === max) return null;
        out.push(s);
      }
    }
    return out;
  }
}
