/**
 * A run's stop step (a preset's step count): a playing run pauses there, as the tutorial's
 * loop ends, and the stop is used up, so Play or Step go on beyond it. Reset brings back
 * the stop the run started with.
 */
export class StopStep {
  /** The stop given at start (or set since), restored by a reset. */
  private initial: number | null = null;
  /** The stop still ahead of this run, or null. */
  ahead: number | null = null;
  /** The run paused at its stop step since the last frame. */
  reached = false;

  /** A new stop for this run and the runs a reset rebuilds. */
  set(stopAt: number | null): void {
    this.initial = stopAt;
    this.ahead = stopAt;
  }

  /** A new run (start or reset): the initial stop is ahead again. */
  restart(): void {
    this.ahead = this.initial;
    this.reached = false;
  }

  /**
   * At or past the stop step the stop is used up; returns whether a playing run must pause
   * here (it is exactly at the stop).
   */
  check(step: number, playing: boolean): boolean {
    if (this.ahead === null || step < this.ahead) return false;
    const pause = playing && step === this.ahead;
    if (pause) this.reached = true;
    this.ahead = null;
    return pause;
  }
}
