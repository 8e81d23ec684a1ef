/**
 * The held-out test loss sampled on core/testLossGrid's steps while a run trains, kept until
 * the next frame carries them. The stride's floor rises (in powers of two) until the samples,
 * at their mean cost, take at most TEST_COST_SHARE of the training time at its mean cost per
 * step (the test loss is a forward pass over the held-out points on the TypeScript core,
 * which a large network on the kernel trains far faster). Judged on mean costs, not on the
 * stretch before one sample: after a rise, the next sample is on the old grid, as little as
 * half the new floor away, which would raise the floor once more than needed.
 */
import type { TrainingRun } from '../core/run';
import { MIN_TEST_STRIDE, nextTestStep } from '../core/testLossGrid';

/** Most of the training time the test-loss samples may take. */
export const TEST_COST_SHARE = 0.03;
/** The coarsest floor: a sample at least every this many steps however costly. */
const MAX_FLOOR = 1 << 16;
/** Samples kept between frames (the grid puts far fewer than this in any run). */
const CAPACITY = 4096;

export class TestSamples {
  private readonly values = new Float32Array(CAPACITY);
  private readonly at = new Float64Array(CAPACITY);
  count = 0;
  private floor = MIN_TEST_STRIDE;
  /** Training time and steps, and sampling time and samples, since the last reset. */
  private trainMs = 0;
  private trainSteps = 0;
  private testMs = 0;
  private tests = 0;

  constructor(private readonly now: () => number) {}

  /** The next step to sample at, after `step`. */
  nextStep(step: number): number {
    return nextTestStep(step, this.floor);
  }

  /** Training `steps` steps took ms (what the samples' cost is weighed against). */
  trained(ms: number, steps: number): void {
    this.trainMs += ms;
    this.trainSteps += steps;
  }

  /** Samples the run's test loss at its step (nothing when none are held out or it diverged). */
  sample(run: TrainingRun): void {
    if (run.divergedAt !== null || this.count >= CAPACITY) return;
    const t0 = this.now();
    const loss = run.testLoss();
    this.testMs += this.now() - t0;
    this.tests++;
    if (loss === null) return;
    this.values[this.count] = loss;
    this.at[this.count] = run.step;
    this.count++;
    this.raiseFloor();
  }

  /** The finest floor at which a sample every `floor` steps keeps within its share. */
  private raiseFloor(): void {
    if (this.trainSteps === 0) return;
    const perSample = this.testMs / this.tests;
    const perStep = this.trainMs / this.trainSteps;
    while (this.floor < MAX_FLOOR && perSample > TEST_COST_SHARE * perStep * this.floor)
      this.floor *= 2;
  }

  /** Drops what was taken since the last frame. */
  clear(): void {
    this.count = 0;
  }

  /** A new run, or its parameters or data changed: samples and costs start afresh. */
  reset(): void {
    this.clear();
    this.floor = MIN_TEST_STRIDE;
    this.trainMs = 0;
    this.trainSteps = 0;
    this.testMs = 0;
    this.tests = 0;
  }

  /** Copies of the samples and their steps (for a frame, which transfers them). */
  copy(): { losses: Float32Array; steps: Float64Array } {
    return { losses: this.values.slice(0, this.count), steps: this.at.slice(0, this.count) };
  }
}
