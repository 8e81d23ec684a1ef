/**
 * How a run learns beyond the tutorial's full-batch gradient descent (issue #20): the
 * training options, the batch schedule drawing its permutations from the run's generator,
 * the optimizer's state and the epoch count, with save and restore for checkpoints.
 * The default options need none of it: the run then takes the engine's plain step.
 */
import { BatchSchedule } from './batches';
import type { BatchTrainingEngine } from './engines/engine';
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

/** How a run's epochs and batches go now (the batch size clamped to N). */
export interface Batching {
  /** Epochs started so far (with the full batch, one per step). */
  epochs: number;
  batchSize: number;
  stepsPerEpoch: number;
  stepsIntoEpoch: number;
}

export class Learning {
  options: Readonly<TrainingOptions> = DEFAULT_TRAINING_OPTIONS;
  /** Epochs started so far (with the full batch, one per step). */
  epochs = 0;
  /** Points in the last step()'s batch, and whether that step ended its epoch (the kept weights judge epochs). */
  batchPoints = 0;
  epochEnded = true;
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

  /** Steps in an epoch, ceil(N / B): 1 with the full batch. */
  get stepsPerEpoch(): number {
    return this.schedule && !this.isDefault ? this.schedule.stepsPerEpoch : 1;
  }

  /** Steps taken in the current epoch so far (0 before the first; with the full batch, 1 after it). */
  get stepsIntoEpoch(): number {
    if (!this.schedule || this.isDefault) return this.epochs > 0 ? 1 : 0;
    return this.schedule.stepInEpoch + 1;
  }

  get batching(): Batching {
    const { epochs, batchSize, stepsPerEpoch, stepsIntoEpoch } = this;
    return { epochs, batchSize, stepsPerEpoch, stepsIntoEpoch };
  }

  /**
   * The regularisation term of the weights, l1 * sum|w| + (l2 / 2) * sum w^2 (its gradient
   * is what the optimizer adds to g_w), in float64; 0 when neither is set. The layers are
   * passed: the run's network is another after it moves engine.
   */
  penalty(layers: readonly LayerParams[]): number {
    const { l1, l2 } = this.options;
    if (l1 === 0 && l2 === 0) return 0;
    let abs = 0;
    let squares = 0;
    for (const { w } of layers) {
      for (let i = 0; i < w.length; i++) {
        const v = w[i]!;
        abs += Math.abs(v);
        squares += v * v;
      }
    }
    return l1 * abs + 0.5 * l2 * squares;
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
   * One step under options other than the default, on an engine that takes batches (the
   * dense kernels or the TS engine): the schedule's next batch and the optimizer's update. Kept out of TrainingRun.train's loop so the default
   * step there is compiled as before (a bigger loop changes what V8 inlines, and a float
   * boxed at a call is an allocation every step).
   */
  step(
    engine: BatchTrainingEngine,
    learningRate: number,
    lossOut: Float32Array,
    index: number,
  ): void {
    const schedule = this.schedule!;
    const batch = schedule.next();
    if (schedule.stepInEpoch === 0) {
      this.epochs++;
      if (!schedule.fullBatch) this.drewOrders = true;
    }
    this.batchPoints = batch.length;
    this.epochEnded = schedule.stepInEpoch === schedule.stepsPerEpoch - 1;
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
