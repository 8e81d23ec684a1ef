/**
 * How a run learns beyond the tutorial's full-batch gradient descent (issue #20): the
 * training options, the batch schedule drawing its permutations from the run's generator,
 * the optimizer's state and the epoch count, with save and restore for checkpoints.
 * The default options need none of it: the run then takes the engine's plain step.
 */
import { BatchSchedule } from './batches';
import type { TsEngine } from './engines/tsEngine';
import type { LayerParams } from './optimizers';
import { OptimizerState } from './optimizers';
import { NumpyRandom } from './rng';
import {
  DEFAULT_TRAINING_OPTIONS,
  validateTrainingOptions,
  type TrainingOptions,
} from './trainingOptions';

/** What an options change replaced: the batch schedule, the optimizer's state (fresh, zero). */
export interface Replaced {
  schedule: boolean;
  optimizer: boolean;
}

export class Learning {
  options: Readonly<TrainingOptions> = DEFAULT_TRAINING_OPTIONS;
  /** Epochs started so far (with the full batch, one per step). */
  epochs = 0;
  schedule: BatchSchedule | null = null;
  optimizer: OptimizerState | null = null;
  /** Some step drew a batch order from the run's generator (a replay of loaded weights needs to know). */
  drewOrders = false;

  constructor(
    private readonly rng: NumpyRandom,
    private readonly layers: readonly LayerParams[],
    private points: number,
  ) {}

  /** The batch size actually used: the option clamped to N (null is N). */
  get batchSize(): number {
    const b = this.options.batchSize;
    return b === null ? this.points : Math.min(b, this.points);
  }

  /** Whether the options are the tutorial's (full batch, sum, sgd, no penalty): the engine's plain step. */
  get isDefault(): boolean {
    const o = this.options;
    return (
      this.batchSize === this.points &&
      o.reduction === 'sum' &&
      o.optimizer === 'sgd' &&
      o.l1 === 0 &&
      o.l2 === 0
    );
  }

  /**
   * New options, live. A new batch size starts a new schedule (its first step draws a
   * permutation); a new optimizer starts from fresh state (its moments mean something else).
   * Says which was replaced, so that a checkpoint taken before holds state of another kind
   * and the run's history can replay the change.
   */
  setOptions(options: TrainingOptions): Replaced {
    const problems = validateTrainingOptions(options);
    if (problems.length > 0)
      throw new RangeError(
        `training options not acceptable: ${problems.map((p) => p.key).join(', ')}`,
      );
    const before = this.options;
    const oldBatch = this.batchSize;
    this.options = { ...options };
    const replaced = { schedule: false, optimizer: false };
    if (before.optimizer !== options.optimizer && this.optimizer) {
      this.optimizer.reset();
      replaced.optimizer = true;
    }
    if (this.isDefault) return replaced;
    // The schedule kept through a spell of default options may be of another batch size.
    if (
      !this.schedule ||
      oldBatch !== this.batchSize ||
      this.schedule.batchSize !== this.batchSize
    ) {
      this.makeSchedule();
      replaced.schedule = true;
    }
    if (!this.optimizer) {
      this.optimizer = OptimizerState.forLayers(this.layers);
      replaced.optimizer = true;
    }
    return replaced;
  }

  /**
   * One step under options other than the default, on the TS engine: the schedule's next
   * batch and the optimizer's update. Kept out of TrainingRun.train's loop so the default
   * step there is compiled as before (a bigger loop changes what V8 inlines, and a float
   * boxed at a call is an allocation every step).
   */
  step(engine: TsEngine, learningRate: number, lossOut: Float32Array, index: number): void {
    const schedule = this.schedule!;
    const batch = schedule.next();
    if (schedule.stepInEpoch === 0) {
      this.epochs++;
      if (!schedule.fullBatch) this.drewOrders = true;
    }
    engine.stepBatch(batch, learningRate, this.optimizer!, this.options, lossOut, index);
  }

  /** New training points: the schedule starts again for the new N. */
  setPoints(points: number): void {
    this.points = points;
    this.schedule = null;
    if (!this.isDefault) this.makeSchedule();
  }

  private makeSchedule(): void {
    this.schedule =
      this.points > 0 ? new BatchSchedule(this.points, this.batchSize, this.rng) : null;
  }

  /** A loaded model starts with fresh optimizer state: a model file carries weights only. */
  freshOptimizer(): void {
    this.optimizer?.reset();
  }

  /** Length of what save() writes; changes when the options or the data do. */
  get savedLength(): number {
    let n = 1;
    if (this.schedule) n += this.schedule.savedLength + NumpyRandom.STATE_LENGTH;
    if (this.optimizer) n += this.optimizer.savedLength;
    return n;
  }

  /** Epochs, schedule position and generator, optimizer state into out (length savedLength). */
  save(out: Float64Array): void {
    out[0] = this.epochs;
    let at = 1;
    if (this.schedule) {
      this.schedule.save(out, at);
      at += this.schedule.savedLength;
      this.rng.saveState(out, at);
      at += NumpyRandom.STATE_LENGTH;
    }
    this.optimizer?.saveAt(out, at);
  }

  /** Back to what save() wrote with the same options and data. */
  restore(saved: Float64Array): void {
    this.epochs = saved[0]!;
    let at = 1;
    if (this.schedule) {
      this.schedule.restore(saved, at);
      at += this.schedule.savedLength;
      this.rng.restoreState(saved, at);
      at += NumpyRandom.STATE_LENGTH;
    }
    this.optimizer?.restoreAt(saved, at);
  }
}
