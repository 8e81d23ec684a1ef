/**
 * A training run built from a config and its seed. Shared by the worker, the command line
 * and tests, so every place builds exactly the same run from the same settings.
 */
import type { ZRanges } from './layerHealth';
import type { Dataset } from './dataset';
import type { LabeledData, TrainingEngine as EngineName } from './protocol';
import { splitData } from './split';
import { MAX_RUN_STEP, type ModelConfig } from './config';
import { curveGrid } from './grid';
import { buildModel } from './buildModel';
import {
  chooseEngine,
  createEngine,
  engineName,
  movedChoice,
  type Engine,
  type EngineChoice,
  type EngineOptions,
  type KernelKind,
} from './engine';
import {
  takesBatches,
  type BatchTrainingEngine,
  type LayerGradients,
  type TrainingEngine,
} from './engines/engine';
import { KeptWeights } from './keptWeights';
import type { Network } from './network';
import type { KernelBuild } from './kernel/wasmRuntime';
import type { ThreadPool } from './threads/pool';
import { packLayers, paramLayout, unpackLayers, type ParamLayout } from './paramLayout';
import { RunHistory } from './runHistory';
import { Learning, type Batching } from './learning';
import { HeldOut } from './heldOut';
import { LastStep } from './lastStep';
import { moveEngine } from './engineMove';
import { sameOptions, type TrainingOptions } from './trainingOptions';

/**
 * A run's life: its step count, divergence and the weights it keeps, rewinding, loading
 * saved weights, and the data it trains on. Everything numeric is the engine's
 * (core/engines): a WebAssembly kernel or the TypeScript core, chosen when the run is built.
 */
export class TrainingRun {
  /** The points trained on (the generated data, or the training part of data given to setData). */
  data: Dataset;
  /** The held-out points and the test loss on them. */
  private readonly heldOut = new HeldOut();
  readonly grid: Float32Array;
  /** Where each layer's parameters sit in snapshots, frames and model files. */
  readonly layout: ParamLayout;
  /** Steps taken so far. */
  step = 0;
  /** Step at which the loss or a parameter stopped being finite, or the loss exploded; or null. */
  divergedAt: number | null = null;
  /** The weights a diverged run goes back to, and the rule that picks them (see keptWeights). */
  private readonly kept: KeptWeights;
  /** The engine training now: a run on the TS core stays there; see setTrainingOptions. */
  engine: Engine;
  /** Which kernel the 'wasm' engine runs: the fused one moves to the dense ones when the options need it. */
  kernel: KernelKind | null;
  /** The kernel build the 'wasm' engine runs (null on the TS core). */
  kernelBuild: KernelBuild | null;
  private trainer: TrainingEngine;
  /** Options, batch schedule, optimizer state, epochs (issue #20). */
  private readonly learning: Learning;
  /** The learning rates and points trained with, step by step: what an exporter replays. */
  readonly history = new RunHistory();
  /** The last step's updates and batch, as frames carry them. */
  private readonly last = new LastStep();
  /** Helper threads for large steps; kept for the engine a run moves to. */
  private readonly pool: ThreadPool | null;

  /** `data`, when given, replaces the generated data (its test == 1 points are held out). */
  constructor(
    readonly config: ModelConfig,
    grid: Float32Array = curveGrid(),
    options: EngineOptions = {},
    data?: LabeledData,
  ) {
    const built = buildModel(config);
    const choice = chooseEngine(config, options);
    this.engine = choice.engine;
    this.kernel = choice.kernel;
    this.kernelBuild = choice.kernelBuild;
    this.grid = grid;
    this.layout = paramLayout(config.layers);
    const split = data ? this.split(data) : null;
    this.data = split?.train ?? built.data;
    this.pool = options.pool ?? null;
    this.trainer = createEngine(built.net, this.data, grid, choice, this.pool);
    if (split) this.heldOut.set(split.test, this.net);
    // The generator goes on after the weights: the batches' permutations come from it.
    this.learning = new Learning(built.rng, this.trainer.net.layers, this.data.x.length);
    this.kept = new KeptWeights(this.trainer.savedLength, this.learning.savedLength);
    this.keepCurrent();
  }

  /** What trains now, as frames and the command line name it ('wasm-dense-relaxed', 'ts', ...). */
  get engineName(): EngineName {
    return engineName(this.choice);
  }

  private get choice(): EngineChoice {
    return { engine: this.engine, kernel: this.kernel, kernelBuild: this.kernelBuild };
  }

  /**
   * The network, its arrays live views of the engine's parameters, exact when read (the
   * engine syncs them first: see TrainingEngine.sync); read it again after training.
   */
  get net(): Network {
    this.trainer.sync();
    return this.trainer.net;
  }

  /** Threads each step is split across (1: the calling thread alone; see core/threads). */
  get threads(): number {
    return this.trainer.threads;
  }

  /** The last step's summed gradients per layer (zero before the first step), synced as `net`. */
  get gradients(): readonly LayerGradients[] {
    this.trainer.sync();
    return this.trainer.gradients;
  }

  /** Step of the kept parameters: where the loss last stopped climbing (see RISE_TOLERANCE). */
  get checkpointStep(): number {
    return this.kept.step;
  }

  /**
   * New data for the same network: the weights are kept and training goes on from them.
   * Trains on the points with test == 0 and measures the test loss on the rest. Allocates
   * (a kernel and workspaces sized for the new N), so call it on data changes only.
   */
  setData(data: LabeledData): void {
    const { train, test } = this.split(data);
    this.heldOut.set(test, this.net);
    this.data = train;
    this.trainer.setData(train);
    this.learning.setPoints(train.x.length);
    this.relayoutKept();
    this.kept.forgetLoss();
    this.kept.miniBatch = this.learning.batchSize < train.x.length;
  }

  /** The training and held-out parts of labelled data, recorded in the run's history. */
  private split(data: LabeledData): { train: Dataset; test: Dataset } {
    this.history.recordData(this.step, data);
    this.last.setData(data.test, data.x.length);
    return splitData({ x: data.x, y: data.y }, data.test);
  }

  /** The held-out points, or null when none are held out. */
  get testData(): Dataset | null {
    return this.heldOut.data;
  }

  /**
   * Trains up to `count` steps, writing each step's loss (before its update) into
   * lossOut from `offset`. Stops early on divergence and at MAX_RUN_STEP; returns the steps taken.
   */
  train(count: number, learningRate: number, lossOut: Float32Array, offset: number): number {
    // No points to train on: nothing to step (callers must not wait for progress).
    if (this.divergedAt !== null || this.data.x.length === 0) return 0;
    count = Math.min(count, MAX_RUN_STEP - this.step);
    if (count > 0) this.history.recordRate(this.step, learningRate);
    const trainer = this.trainer;
    const learning = this.learning;
    const plain = learning.isDefault;
    const points = this.data.x.length;
    if (count > 0) this.last.took(learningRate, plain);
    for (let k = 0; k < count; k++) {
      // With mini-batches a candidate is saved at an epoch's start only (see keptWeights).
      if (this.kept.wantsCandidate) {
        trainer.saveParams(this.kept.candidate);
        learning.save(this.kept.extraCandidate);
      }
      if (plain) {
        trainer.step(learningRate, lossOut, offset + k);
        learning.epochs++;
        // Not the default options: setTrainingOptions has moved the run off the fused kernel.
      } else learning.step(trainer as BatchTrainingEngine, learningRate, lossOut, offset + k);
      // The float32 loss decides divergence as well as the float64 one would: a loss past
      // float32's range is Infinity, which is divergence anyway.
      // The kept weights judge the step by its loss, read from lossOut (a float passed to a
      // call V8 does not inline is boxed: an allocation every step).
      const batch = plain ? points : learning.batchPoints;
      const epochEnd = plain || learning.epochEnded;
      const finite = trainer.parametersFinite();
      if (this.kept.judge(lossOut, offset + k, finite, this.step++, batch, epochEnd)) {
        this.diverge();
        return k + 1;
      }
    }
    return count;
  }

  /** Diverged: back to the weights from before the climb, not the blown-up ones (the learner resumes from them). */
  private diverge(): void {
    this.divergedAt = this.step;
    this.trainer.restoreParams(this.kept.params);
    this.learning.restore(this.kept.extra);
  }

  /** The current parameters and step become the kept ones, their loss not yet known. */
  private keepCurrent(): void {
    this.trainer.saveParams(this.kept.params);
    this.learning.save(this.kept.extra);
    this.kept.keepAt(this.step);
  }

  /** Epochs so far and how the batches go now (the batch size clamped to N). */
  get batching(): Batching {
    return this.learning.batching;
  }

  /** The L1/L2 term of the current weights (0 without a penalty): see Learning.penalty. */
  penalty(): number {
    return this.learning.penalty(this.net.layers);
  }

  /**
   * New training options, live, without a restart (like the learning rate); throws a
   * RangeError on options validateTrainingOptions refuses. The fused kernel trains only the
   * default options: any other moves the run with its parameters to the dense kernels (the
   * TS engine where they cannot run), and it stays there (coming back would change the
   * rounding mid-run, and the fused kernel is only faster, not different).
   */
  setTrainingOptions(options: TrainingOptions): void {
    // The same options again change nothing (and leave the history as it is).
    if (sameOptions(options, this.learning.options)) return;
    const replaced = this.learning.setOptions(options);
    this.history.recordOptions(this.step, this.learning.options, replaced);
    // The epoch under way is not judged: its candidate's learning state may be of another kind.
    this.kept.closeWindow();
    this.kept.miniBatch = this.learning.batchSize < this.data.x.length;
    if (!this.learning.isDefault && !takesBatches(this.trainer)) this.moveOffFused();
    else this.relayoutKept(replaced.schedule || replaced.optimizer);
  }

  /** The same parameters (and kept ones) on an engine that takes batches. Allocates: on an options change only. */
  private moveOffFused(): void {
    const choice = movedChoice(this.choice);
    const moved = moveEngine(
      this.trainer,
      this.layout,
      this.kept.params,
      this.data,
      this.grid,
      (net, data, grid) => createEngine(net, data, grid, choice, this.pool) as BatchTrainingEngine,
    );
    this.trainer = moved.engine;
    this.engine = choice.engine;
    this.kernel = choice.kernel;
    this.kernelBuild = choice.kernelBuild;
    this.kept.relayout(moved.kept, this.learning.savedLength);
    // The kept step's learning state is not known in the new shape: it is the current one.
    this.learning.save(this.kept.extra);
  }

  /**
   * The kept learning state after the options or data changed what it holds (its length,
   * or `replaced`: a new schedule or optimizer): the current state, as the old one is of
   * another kind. The kept parameters stay.
   */
  private relayoutKept(replaced = false): void {
    if (this.kept.extra.length !== this.learning.savedLength)
      this.kept.relayout(this.kept.params, this.learning.savedLength);
    else if (!replaced) return;
    this.learning.save(this.kept.extra);
  }

  /** Back to the kept parameters and their step (from before the loss began to climb); the run can train again. */
  rewind(): void {
    this.history.rewindTo(this.kept.step);
    this.kept.forgetFirstLoss();
    this.trainer.restoreParams(this.kept.params);
    this.learning.restore(this.kept.extra);
    this.step = this.kept.step;
    this.divergedAt = null;
  }

  /** The run has reached the last step a run can reach (MAX_RUN_STEP) and trains no further. */
  get atLastStep(): boolean {
    return this.step >= MAX_RUN_STEP;
  }

  /**
   * Each hidden layer's pre-activation range over the training points, from the engine's own
   * forward where it has a fast one (the dense kernels), for core/layerHealth; else null.
   */
  get zRanges(): ZRanges | null {
    const trainer = this.trainer;
    if (!trainer.hiddenZRanges || this.data.x.length === 0) return null;
    return (zMin, zMax) => trainer.hiddenZRanges!(zMin, zMax);
  }

  /**
   * The network over the run's grid in the engine's own forward where it has a fast one:
   * output into out, hidden activations into a[l] ([point][unit]); null without one.
   */
  get gridForward(): ((a: readonly Float32Array[], out: Float32Array) => void) | null {
    const trainer = this.trainer;
    if (!trainer.gridForward) return null;
    return (a, out) => trainer.gridForward!(a, out);
  }

  /** Loss of the current parameters (what the next step will record). */
  currentLoss(): number {
    if (this.data.x.length === 0) return NaN;
    return this.trainer.loss();
  }

  /** Mean squared error of the current parameters on the held-out points, or null when none. */
  testLoss(): number | null {
    return this.heldOut.loss(this.net);
  }

  /** Length of the flat parameter vector (see core/paramLayout). */
  paramLength(): number {
    return this.layout.length;
  }

  /** Current parameters in the flat layout (core/paramLayout) into out (length paramLength()). */
  snapshotParams(out: Float32Array): void {
    packLayers(this.layout, this.net.layers, out);
  }

  /**
   * Loads saved parameters reached at `step` (model import) as the new good checkpoint;
   * false when the length is wrong. The optimizer starts with fresh state (zero moments,
   * t from 1): a model file carries the weights, not the optimizer's moments.
   */
  load(params: Float32Array, step: number): boolean {
    if (params.length !== this.paramLength()) return false;
    unpackLayers(this.layout, params, this.net.layers);
    this.learning.freshOptimizer();
    this.history.load(step, params, !this.learning.drewOrders);
    this.step = step;
    this.divergedAt = null;
    this.kept.forgetFirstLoss();
    this.keepCurrent();
    return true;
  }

  /** The last step's summed gradients (the tutorial's gw, gb) in the same layout; zeros before the first step. */
  lastGradients(out: Float32Array): void {
    packLayers(this.layout, this.gradients, out);
  }

  /** What the last step did to each parameter, w_after - w_before, in the same layout (see LastStep.updates). */
  lastUpdates(out: Float32Array): void {
    this.last.updates(out, this.layout, this.gradients, this.learning.optimizer);
  }

  /** The last step's batch as the page's point indices, or null with the full batch (see LastStep.batch). */
  lastBatch(): Int32Array | null {
    return this.last.batch(this.learning.schedule);
  }

  /** The fitted curve on the grid, into out (length grid.length). */
  curve(out: Float32Array): void {
    this.trainer.curve(out);
  }
}
