/**
 * The dense WebAssembly kernels as an engine (core/kernel/denseNet.ts): any depth, every
 * activation, the full batch and mini-batches, every optimizer. A step is all wasm: the
 * forward, the backward, the gradients and the optimizer's update (then Wᵀ), on weights
 * and moments the kernel keeps across steps.
 *
 * Who owns what (docs/kernel-deep.md, "The engine"): while the engine trains, the kernel's
 * weights, gradients and the borrowed moments of the run's OptimizerState are the truth;
 * net.layers, `gradients` and the state's arrays fall behind. sync() hands everything
 * back (the row-major weights, the float64 gradients, the moments and applied updates)
 * and the engine takes it all again, from those arrays, at its next step, loss or curve. So:
 *  - TrainingRun calls sync() before anything outside reads or writes net or gradients
 *    (its `net` and `gradients` getters do); the engine's own saveParams, restoreParams
 *    and setData do too;
 *  - the OptimizerState takes its moments back by itself whenever it is written or its
 *    updates are read (restore, reset, updates: OptimizerState.lend / reclaim), and copies
 *    them when saved (save, saveAt: the engine keeps them).
 * saveParams reads the panels directly (the flat layout), so a checkpoint at every epoch's
 * start hands nothing back.
 * An external write needs no extra call: after sync() the engine reloads what it finds.
 * Given a pool, a large step's forward and backward are split across its threads
 * (kernel/denseSplit.ts); the update stays on the calling thread.
 */
import type { Dataset } from '../dataset';
import { parametersFinite, type Network } from '../network';
import { paramLayout, packLayers, unpackLayers, type ParamLayout } from '../paramLayout';
import type { OptimizerState, StateKeeper, StepOptions } from '../optimizers';
import { DEFAULT_TRAINING_OPTIONS } from '../trainingOptions';
import { DenseNet } from '../kernel/denseNet';
import { DenseSplit, splitsDenseStep } from '../kernel/denseSplit';
import {
  panelsFinite,
  readApplied,
  readMoments,
  readParams,
  readWeights,
  setMoments,
} from '../kernel/denseState';
import type { WasmModule } from '../kernel/wasmRuntime';
import type { ThreadPool } from '../threads/pool';
import type { BatchTrainingEngine, LayerGradients } from './engine';

/** Helper threads for large steps, and the dense module's shared-memory build they run. */
export interface DenseThreads {
  pool: ThreadPool;
  module: WasmModule;
}

/** The tutorial's plain step as the kernel's update: sgd on the summed gradient, no penalty. */
const PLAIN: StepOptions = DEFAULT_TRAINING_OPTIONS;

export class DenseEngine implements BatchTrainingEngine, StateKeeper {
  private kernel: DenseNet;
  /** The pass split across the pool's threads, when the full batch is large enough. */
  private split: DenseSplit | null = null;
  private lastThreads = 1;
  /** Σ fan_in · fan_out: a step's work per sample. */
  private readonly weights: number;
  private data: Dataset;
  /** Whether the kernel's input blocks hold the training points in order (a batch gathers over them). */
  private inOrder = true;
  private batchY: Float32Array;
  private readonly gw: Float64Array[];
  private readonly gb: Float64Array[];
  private readonly layout: ParamLayout;
  readonly gradients: readonly LayerGradients[];
  /** Whether the kernel's weights are the truth (net.layers may be behind): until sync(). */
  private holdsWeights = false;
  /** Whether the kernel's gradients are newer than gw, gb. */
  private gradientsAhead = false;
  /** The OptimizerState whose moments the kernel holds (lent to it), or null. */
  private heldState: OptimizerState | null = null;
  /** Whether an update since the state was lent kept the previous weights (readApplied). */
  private updatedState = false;

  /** Threads the last step ran on (before any step, the full batch's). */
  get threads(): number {
    return this.lastThreads;
  }

  constructor(
    readonly net: Network,
    train: Dataset,
    private readonly grid: Float32Array,
    private readonly module: WasmModule,
    /** Helper threads for large steps (splitsDenseStep), or null for one thread. */
    private readonly shared: DenseThreads | null = null,
  ) {
    this.weights = net.layers.reduce((s, l) => s + l.inDim * l.outDim, 0);
    this.layout = paramLayout(net.layers.slice(0, -1).map((l) => l.outDim));
    this.data = train;
    this.kernel = this.bind(train);
    this.batchY = new Float32Array(train.y.length);
    this.gw = net.layers.map((l) => new Float64Array(l.inDim * l.outDim));
    this.gb = net.layers.map((l) => new Float64Array(l.outDim));
    this.gradients = net.layers.map((_, l) => ({ w: this.gw[l]!, b: this.gb[l]! }));
  }

  private bind(train: Dataset): DenseNet {
    const n = train.x.length;
    const shared = this.shared;
    this.split =
      shared && splitsDenseStep(shared.pool.threads, n, this.weights)
        ? new DenseSplit(shared.module, this.net.layers, n, this.grid, shared.pool)
        : null;
    this.lastThreads = this.split?.threads ?? 1;
    const kernel = this.split?.net ?? new DenseNet(this.module, this.net.layers, n, this.grid);
    kernel.setInputs(train.x);
    this.inOrder = true;
    return kernel;
  }

  /** The full batch in order into the input blocks, unless a batch has moved them. */
  private inputsInOrder(): void {
    if (!this.inOrder) this.kernel.setInputs(this.data.x);
    this.inOrder = true;
  }

  /** Forward and backward over `count` samples (inputs in place), on the kernel's weights. */
  private pass(count: number, y: Float32Array, lossOut: Float32Array, index: number): void {
    const kernel = this.kernel;
    this.holdWeights();
    const split = this.split;
    if (split && splitsDenseStep(split.threads, count, this.weights)) {
      split.pass(count, y, lossOut, index);
      this.lastThreads = split.threads;
    } else {
      kernel.forward(count);
      kernel.lossAndBackward(count, y, lossOut, index);
      this.lastThreads = 1;
    }
    this.gradientsAhead = true;
  }

  /** The tutorial's step: full batch, summed gradients, w += lr gw (then the flush). */
  step(learningRate: number, lossOut: Float32Array, index: number): void {
    // The update below keeps no previous weights: a held state's applied updates first.
    if (this.heldState !== null) this.heldState.reclaim();
    const points = this.data.x.length;
    this.inputsInOrder();
    this.pass(points, this.data.y, lossOut, index);
    this.kernel.update(PLAIN, learningRate, points, 1, false);
  }

  /** One step on the points at `indices` (a batch schedule's view) with an optimizer. */
  stepBatch(
    indices: Int32Array,
    learningRate: number,
    optimizer: OptimizerState,
    options: StepOptions,
    lossOut: Float32Array,
    index: number,
  ): void {
    const batch = indices.length;
    const { x, y } = this.data;
    let by = y;
    // The full batch is the points in order, as the TS engine takes it.
    if (batch === x.length) this.inputsInOrder();
    else {
      this.kernel.gatherInputs(x, indices);
      this.inOrder = false;
      by = this.batchY;
      for (let n = 0; n < batch; n++) by[n] = y[indices[n]!]!;
    }
    this.pass(batch, by, lossOut, index);
    optimizer.lend(this);
    optimizer.steps++;
    this.kernel.update(options, learningRate, batch, optimizer.steps, true);
    this.updatedState = true;
  }

  /** The kernel's weights are the truth from here on (loaded from net.layers if they were not). */
  private holdWeights(): void {
    if (this.holdsWeights) return;
    this.kernel.setWeights(this.net.layers);
    this.holdsWeights = true;
  }

  /** StateKeeper: the optimizer's moments into the kernel (OptimizerState.lend). */
  take(state: OptimizerState, moments: Float64Array): void {
    this.heldState?.reclaim();
    setMoments(this.kernel.layers, moments);
    this.heldState = state;
    this.updatedState = false;
  }

  /** StateKeeper: the moments and the last applied updates back (OptimizerState.reclaim). */
  giveBack(moments: Float64Array, applied: Float64Array): void {
    readMoments(this.kernel.layers, moments);
    if (this.updatedState) readApplied(this.kernel.layers, applied);
    this.heldState = null;
    this.updatedState = false;
  }

  /** StateKeeper: the moments copied out, kept (a checkpoint's OptimizerState.saveAt). */
  copyMoments(out: Float64Array, at: number): void {
    readMoments(this.kernel.layers, out, at);
  }

  /**
   * Hands everything back: net.layers, the gradients and the lent optimizer state become
   * exact again, and the engine takes them again (as it then finds them) at its next step.
   * Call before reading or writing any of them from outside.
   */
  sync(): void {
    this.heldState?.reclaim();
    if (this.holdsWeights) {
      readWeights(this.kernel.layers, this.net.layers);
      this.holdsWeights = false;
    }
    if (this.gradientsAhead) {
      for (let l = 0; l < this.gw.length; l++)
        this.kernel.readGradients(l, this.gw[l]!, this.gb[l]!);
      this.gradientsAhead = false;
    }
  }

  /** Takes over another engine's last gradients (a run moving here from the fused kernel). */
  setGradients(from: readonly LayerGradients[]): void {
    this.sync();
    from.forEach((g, l) => {
      const gw = this.gw[l]!;
      const gb = this.gb[l]!;
      for (let i = 0; i < gw.length; i++) gw[i] = g.w[i]!;
      for (let j = 0; j < gb.length; j++) gb[j] = g.b[j]!;
    });
  }

  parametersFinite(): boolean {
    return this.holdsWeights ? panelsFinite(this.kernel.layers) : parametersFinite(this.net);
  }

  loss(): number {
    const n = this.data.x.length;
    if (n === 0) return NaN;
    this.inputsInOrder();
    this.holdWeights();
    this.kernel.forward(n);
    return this.kernel.loss(n, this.data.y);
  }

  /**
   * Each hidden layer's pre-activation range over the training points (layers 1 and up; the
   * first layer's is linear in x), from one forward of the current parameters in the kernel.
   */
  hiddenZRanges(zMin: readonly Float64Array[], zMax: readonly Float64Array[]): void {
    const n = this.data.x.length;
    if (n === 0) return;
    this.inputsInOrder();
    this.holdWeights();
    this.kernel.forward(n);
    for (let l = 1; l < this.net.layers.length - 1; l++)
      this.kernel.zRange(l, n, zMin[l]!, zMax[l]!);
  }

  /**
   * The network over the grid in the kernel: its output into out, and each hidden layer's
   * activations, row-major [point][unit], into a[l].
   */
  gridForward(a: readonly Float32Array[], out: Float32Array): void {
    this.curve(out);
    for (let l = 0; l < this.net.layers.length - 1; l++) this.kernel.gridActivations(l, a[l]!);
  }

  curve(out: Float32Array): void {
    this.holdWeights();
    this.kernel.curve(out);
  }

  setData(train: Dataset): void {
    // A new kernel (new memory): the old one's weights and moments back first.
    this.sync();
    this.data = train;
    this.kernel = this.bind(train);
    this.batchY = new Float32Array(train.y.length);
  }

  get savedLength(): number {
    return this.layout.length;
  }

  saveParams(out: Float32Array): void {
    // Taken at every epoch's start: from the panels while the kernel holds the weights.
    if (this.holdsWeights) readParams(this.kernel.layers, out);
    else packLayers(this.layout, this.net.layers, out);
  }

  restoreParams(saved: Float32Array): void {
    this.sync();
    unpackLayers(this.layout, saved, this.net.layers);
  }
}
