/**
 * The held-out test loss sampled on core/testLossGrid's steps while a run trains, kept until
 * the next frame carries them. The grid alone is cheap (a few hundred samples in a long
 * run), but the test loss is a forward pass over the held-out points on the TypeScript core,
 * which a large network on the kernel trains far faster: once the samples have taken
 * FREE_TEST_MS, the stride's floor becomes the finest power of two at which they take at
 * most TEST_COST_SHARE of the training time, from the mean costs per sample and per step.
 * The cost per sample is the median of the last RECENT ones, not a mean: a first (cold)
 * sample, or one the thread was descheduled in, can cost a hundred others and would set the
 * floor far coarser than needed (and a coarse clock that reads most cheap samples as 0 ms
 * only matters where samples are cheap). The cost per step is the mean over the run.
 */
import type { TrainingRun } from '../core/run';
import { MIN_TEST_STRIDE, nextTestStep } from '../core/testLossGrid';

/** Most of the training time the test-loss samples may take. */
export const TEST_COST_SHARE = 0.03;
/** Sampling time (median cost times samples) before the share applies, ms: short runs get the whole grid. */
export const FREE_TEST_MS = 20;
/** Recent sample costs whose median is the cost per sample; none is judged on fewer. */
const RECENT = 7;
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
  private tests = 0;
  /** The last RECENT samples' costs, ms (a ring), and a scratch copy to sort. */
  private readonly recent = new Float64Array(RECENT);
  private readonly sorted = new Float64Array(RECENT);

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
    this.recent[this.tests % RECENT] = this.now() - t0;
    this.tests++;
    if (loss === null) return;
    this.values[this.count] = loss;
    this.at[this.count] = run.step;
    this.count++;
    this.judgeFloor();
  }

  /** The finest floor at which a sample every `floor` steps keeps within its share. */
  private judgeFloor(): void {
    if (this.tests < RECENT || this.trainSteps === 0) return;
    this.sorted.set(this.recent);
    const perSample = this.sorted.sort()[RECENT >> 1]!;
    if (perSample * this.tests < FREE_TEST_MS) return;
    const perStep = this.trainMs / this.trainSteps;
    let floor = MIN_TEST_STRIDE;
    while (floor < MAX_FLOOR && perSample > TEST_COST_SHARE * perStep * floor) floor *= 2;
    this.floor = floor;
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
    this.tests = 0;
  }

  /** Copies of the samples and their steps (for a frame, which transfers them). */
  copy(): { losses: Float32Array; steps: Float64Array } {
    return { losses: this.values.slice(0, this.count), steps: this.at.slice(0, this.count) };
  }
}
