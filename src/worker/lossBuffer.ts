/**
 * Losses trained since the last frame, in one preallocated buffer: the run writes each
 * step's loss straight into it, and a frame takes a copy of what is there.
 */
import type { TrainingRun } from '../core/run';

/** Losses buffered between frames; training waits for a frame when this is full. */
export const MAX_PENDING_LOSSES = 1 << 18;

export class LossBuffer {
  private readonly losses = new Float32Array(MAX_PENDING_LOSSES);
  /** Step index of the first buffered loss. */
  start = 0;
  count = 0;
  /**
   * The loss the last step recorded (perhaps already sent with a frame), or null when no
   * recorded loss stands for the run as it is: before its first step, or after new data,
   * loaded parameters or a rescue.
   */
  last: number | null = null;

  /** Steps that still fit before the next frame. */
  get room(): number {
    return MAX_PENDING_LOSSES - this.count;
  }

  /** Drops what is buffered (sent with a frame); the next loss will be step's. */
  clear(step: number): void {
    this.start = step;
    this.count = 0;
  }

  /** Drops what is buffered and the last loss: the run's parameters changed other than by a step. */
  reset(step: number): void {
    this.clear(step);
    this.forgetLast();
  }

  /** The last loss no longer stands for the run (its data changed). */
  forgetLast(): void {
    this.last = null;
  }

  /** Trains up to n steps of run at learningRate into the buffer; returns the steps done. */
  train(run: TrainingRun, n: number, learningRate: number): number {
    if (this.count === 0) this.start = run.step;
    const done = run.train(Math.min(n, this.room), learningRate, this.losses, this.count);
    this.count += done;
    if (done > 0) this.last = this.losses[this.count - 1]!;
    return done;
  }

  /** A copy of the buffered losses (for a frame, which transfers it). */
  copy(): Float32Array {
    return this.losses.slice(0, this.count);
  }
}
