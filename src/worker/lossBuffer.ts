/**
 * Losses trained since the last frame, in one preallocated buffer: the run writes each
 * step's loss straight into it, and a frame takes a copy of what is there.
 */
import type { TrainingRun } from '../core/run';
import { TestSamples } from './testSamples';

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
  /** The test loss sampled on its step grid since the last frame. */
  readonly tests: TestSamples;

  /** `now` times training and test-loss samples (see TestSamples). */
  constructor(private readonly now: () => number = () => 0) {
    this.tests = new TestSamples(now);
  }

  /** Steps that still fit before the next frame. */
  get room(): number {
    return MAX_PENDING_LOSSES - this.count;
  }

  /** Drops what is buffered (sent with a frame); the next loss will be step's. */
  clear(step: number): void {
    this.start = step;
    this.count = 0;
    this.tests.clear();
  }

  /** Drops what is buffered and the last loss: the run's parameters changed other than by a step. */
  reset(step: number): void {
    this.clear(step);
    this.forgetLast();
    this.tests.reset();
  }

  /** The last loss no longer stands for the run (its data changed). */
  forgetLast(): void {
    this.last = null;
  }

  /**
   * Trains up to n steps of run at learningRate into the buffer, stopping at each step of
   * the test-loss grid to sample it; returns the steps done.
   */
  train(run: TrainingRun, n: number, learningRate: number): number {
    if (this.count === 0) this.start = run.step;
    n = Math.min(n, this.room);
    let total = 0;
    while (total < n) {
      const due = this.tests.nextStep(run.step);
      const t0 = this.now();
      const done = run.train(
        Math.min(n - total, due - run.step),
        learningRate,
        this.losses,
        this.count,
      );
      this.tests.trained(this.now() - t0, done);
      this.count += done;
      total += done;
      if (done === 0) break;
      this.last = this.losses[this.count - 1]!;
      if (run.step === due) this.tests.sample(run);
      if (run.divergedAt !== null) break;
    }
    return total;
  }

  /** A copy of the buffered losses (for a frame, which transfers it). */
  copy(): Float32Array {
    return this.losses.slice(0, this.count);
  }
}
