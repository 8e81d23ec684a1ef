/**
 * Pacing for the training loop: which steps are due at the requested speed, how long until
 * the next one, and how many steps to run between clock reads. Pure arithmetic on times and
 * step counts the loop passes in, so it needs no clock of its own.
 */

/** Target duration of one chunk of steps between clock reads, ms. */
export const CHUNK_MS = 0.5;

export class Pacer {
  /** Requested steps per second; Infinity for as fast as possible. */
  speed = 100;
  /** Steps per chunk between clock reads, adapted so a chunk takes about CHUNK_MS. */
  chunk = 1;
  /** At anchorTime the run was at anchorStep: steps are due at speed from there. */
  private anchorTime = 0;
  private anchorStep = 0;

  /** Starts counting due steps afresh from (now, step): after a pause, a change, a backlog. */
  reanchor(now: number, step: number): void {
    this.anchorTime = now;
    this.anchorStep = step;
  }

  /** Steps due now at the requested speed; the first step of a span is due at once. */
  due(now: number, step: number): number {
    if (!Number.isFinite(this.speed)) return Infinity;
    const target = Math.floor(((now - this.anchorTime) * this.speed) / 1000) + 1;
    return Math.max(0, target - (step - this.anchorStep));
  }

  /** Milliseconds from now until the next step is due (0 when one is due already). */
  untilNext(now: number, step: number): number {
    if (!Number.isFinite(this.speed) || this.due(now, step) > 0) return 0;
    return Math.max(0, this.anchorTime + ((step - this.anchorStep) * 1000) / this.speed - now);
  }

  /** After a chunk of n steps took elapsedMs: grow or shrink the chunk toward CHUNK_MS. */
  adapt(n: number, elapsedMs: number): void {
    if (elapsedMs < CHUNK_MS / 2 && n === this.chunk) this.chunk *= 2;
    else if (elapsedMs > CHUNK_MS * 2 && this.chunk > 1) this.chunk >>= 1;
  }
}

/** Window over which steps per second are measured, ms. */
const RATE_WINDOW_MS = 500;

/** Steps per second, measured over windows of at least RATE_WINDOW_MS. */
export class RateMeter {
  stepsPerSecond = 0;
  private time = 0;
  private step = 0;

  reset(now: number, step: number): void {
    this.time = now;
    this.step = step;
    this.stepsPerSecond = 0;
  }

  /** Moves the window's start to step without changing the rate (after a jump in steps). */
  rebase(step: number): void {
    this.step = step;
  }

  /** Updates the rate when a window has passed. */
  sample(now: number, step: number): void {
    if (now - this.time < RATE_WINDOW_MS) return;
    this.stepsPerSecond = ((step - this.step) * 1000) / (now - this.time);
    this.time = now;
    this.step = step;
  }
}
