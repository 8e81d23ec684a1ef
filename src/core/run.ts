/**
 * A training run built from a config and its seed: the data, the network and the
 * buffers to train and evaluate it. Shared by the worker, the command line and tests,
 * so every place builds exactly the same run from the same settings.
 */
import { makeDataset, type Dataset } from './dataset';
import type { LabeledData } from './protocol';
import { splitData } from './split';
import { MAX_RUN_STEP, type ModelConfig } from './config';
import { curveGrid } from './grid';
import { paramLength } from './insight';
import { createTutorialNetwork, createWorkspace, parametersFinite, predictInto, type Network, type Workspace } from './network';
import { FusedKernel } from './kernel/fusedKernel';
import { KERNEL_ACTIVATIONS as KERNEL_ACTIVATION_NAMES } from './kernel/kernelLayout.generated';
import { bestKernelBuild, kernelBuildSupported, kernelModule, simdSupported, type KernelBuild } from './kernel/wasmRuntime';
import { NumpyRandom } from './rng';
import { RunHistory } from './runHistory';
import { evaluateLoss, trainStepInto } from './train';

/**
 * Which implementation trains: 'wasm' the fused WebAssembly SIMD kernel (the tutorial's
 * 1 -> H -> 1 shape), 'ts' the generic layered TypeScript core (its reference and fallback).
 */
export type Engine = 'wasm' | 'ts';

export interface TrainingRunOptions {
  /** 'auto' (default): the kernel when the runtime has WebAssembly SIMD, else the TS core. */
  engine?: Engine | 'auto';
  /** Which build of the kernel the 'wasm' engine runs (default: the best one here). */
  kernel?: KernelBuild;
}

/** Summed gradients of one layer from the last step (weights [in][out], biases [out]). */
export interface LayerGradients {
  readonly w: ArrayLike<number>;
  readonly b: ArrayLike<number>;
}

/** A loss this many times the first step's is treated as divergence (it is on its way to Infinity). */
export const EXPLODE_RATIO = 1e6;
/** Floor under the first loss for that test, so a near-perfect start does not trip it. */
const MIN_REFERENCE_LOSS = 1e-6;

/** The engine 'auto' resolves to here. */
export function defaultEngine(): Engine {
  return simdSupported() ? 'wasm' : 'ts';
}

/** The run's data alone: the first draws of its generator, so the page can plot it at once. */
export function buildDataset(config: ModelConfig): Dataset {
  return makeDataset(config, new NumpyRandom(config.seed));
}

/** Draws data then weights from one generator, in the tutorial script's order. */
export function buildModel(config: ModelConfig): { data: Dataset; net: Network } {
  const rng = new NumpyRandom(config.seed);
  const data = makeDataset(config, rng);
  const net = createTutorialNetwork(config.hidden, config.activation, rng);
  return { data, net };
}

/** The kernel's activations (as generated); any other trains on the TS core. */
const KERNEL_ACTIVATIONS: ReadonlySet<string> = new Set(KERNEL_ACTIVATION_NAMES);

/** Whether the fused kernel implements an activation. */
export function kernelSupports(activation: string): boolean {
  return KERNEL_ACTIVATIONS.has(activation);
}

export class TrainingRun {
  /** The points trained on (the generated data, or the training part of data given to setData). */
  data: Dataset;
  /** The held-out points, or null when none are held out. */
  testData: Dataset | null = null;
  net: Network;
  readonly grid: Float32Array;
  /** Steps taken so far. */
  step = 0;
  /** Step at which the loss or a parameter stopped being finite, or the loss exploded; or null. */
  divergedAt: number | null = null;
  /** Step of the last known good parameters (see saveCheckpoint). */
  checkpointStep = 0;
  private checkpoint: Float32Array;
  /** Loss of the first step, the yardstick for "exploded". */
  private firstLoss: number | null = null;
  readonly engine: Engine;
  /** The kernel build the 'wasm' engine runs (null on the TS core). */
  readonly kernelBuild: KernelBuild | null;
  /** The last step's summed gradients per layer (zero before the first step). */
  gradients: readonly LayerGradients[];
  private ws: Workspace;
  private readonly gridWs: Workspace;
  private kernel: FusedKernel | null;
  /** Evaluates the held-out points (sized on data change, never per step). */
  private testWs: Workspace | null = null;
  private readonly config: ModelConfig;
  /** The learning rates and points trained with, step by step: what an exporter replays. */
  readonly history = new RunHistory();

  /** `data`, when given, replaces the generated data (its test == 1 points are held out). */
  constructor(config: ModelConfig, grid: Float32Array = curveGrid(), options: TrainingRunOptions = {}, data?: LabeledData) {
    const built = buildModel(config);
    const requested = options.engine ?? 'auto';
    const engine = requested === 'auto' ? defaultEngine() : requested;
    // Activations the kernel lacks train on the TS core, whatever was asked for.
    this.engine = engine === 'wasm' && !kernelSupports(config.activation) ? 'ts' : engine;
    this.config = config;
    this.grid = grid;
    this.data = built.data;
    this.net = built.net;
    this.kernel = null;
    if (this.engine === 'wasm' && !simdSupported()) {
      throw new Error('the WebAssembly SIMD engine was asked for, but this runtime has no WebAssembly SIMD');
    }
    this.kernelBuild = this.engine === 'wasm' ? (options.kernel ?? bestKernelBuild()) : null;
    if (this.kernelBuild && !kernelBuildSupported(this.kernelBuild)) {
      throw new Error(`the ${this.kernelBuild} kernel was asked for, but this runtime cannot run it`);
    }
    this.ws = createWorkspace(this.net, 0);
    this.gridWs = createWorkspace(this.net, grid.length);
    this.gradients = [];
    this.checkpoint = new Float32Array(paramLength(config.hidden));
    if (data) this.setData(data);
    else this.attach(built.data, null);
    this.saveCheckpoint();
  }

  /**
   * New data for the same network: the weights are kept and training goes on from them.
   * Trains on the points with test == 0 and measures the test loss on the rest. Allocates
   * (a kernel and workspaces sized for the new N), so call it on data changes only.
   */
  setData(data: LabeledData): void {
    const { train, test } = splitData({ x: data.x, y: data.y }, data.test);
    this.history.recordData(this.step, data);
    this.attach(train, test.x.length > 0 ? test : null);
  }

  private attach(train: Dataset, test: Dataset | null): void {
    this.data = train;
    this.testData = test;
    this.testWs = test ? createWorkspace(this.net, test.x.length) : null;
    if (this.engine === 'wasm') {
      const [l1, l2] = this.net.layers;
      const kernel = new FusedKernel(train.x, train.y, this.config.hidden, this.config.activation, this.grid, kernelModule(this.kernelBuild!));
      // Copy the current parameters in (from the network, or the previous kernel's views).
      kernel.w1.set(l1!.w);
      kernel.b1.set(l1!.b);
      kernel.w2.set(l2!.w);
      kernel.b2.set(l2!.b);
      // The network's arrays are views of the kernel's memory: always current, never copied.
      this.net = { layers: [{ ...l1!, w: kernel.w1, b: kernel.b1 }, { ...l2!, w: kernel.w2, b: kernel.b2 }] };
      this.kernel = kernel;
      this.gradients = [{ w: kernel.gw1, b: kernel.gb1 }, { w: kernel.gw2, b: kernel.gb2 }];
    } else {
      const previous = this.gradients;
      this.ws = createWorkspace(this.net, train.x.length);
      // Keep reporting the last step's gradients across a data change.
      previous.forEach((g, l) => {
        this.ws.gw[l]!.set(g.w);
        this.ws.gb[l]!.set(g.b);
      });
      this.gradients = this.net.layers.map((_, l) => ({ w: this.ws.gw[l]!, b: this.ws.gb[l]! }));
    }
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
    const kernel = this.kernel;
    if (kernel) {
      for (let k = 0; k < count; k++) {
        const loss = kernel.step(learningRate);
        lossOut[offset + k] = loss;
        if (this.blewUp(loss, kernel.parametersFinite())) return k + 1;
      }
      return count;
    }
    const { x, y } = this.data;
    for (let k = 0; k < count; k++) {
      trainStepInto(this.net, this.ws, x, y, learningRate, lossOut, offset + k);
      // The float32 loss decides divergence as well as the float64 one would: a loss past
      // float32's range is Infinity, which is divergence anyway.
      if (this.blewUp(lossOut[offset + k]!, parametersFinite(this.net))) return k + 1;
    }
    return count;
  }

  /**
   * Counts the step and checks it: a loss or parameter that is not finite, or a loss that
   * has exploded past EXPLODE_RATIO times the first one, marks the run diverged.
   */
  private blewUp(loss: number, paramsFinite: boolean): boolean {
    if (this.step === 0 || this.firstLoss === null) this.firstLoss = loss;
    this.step++;
    const exploded = loss > EXPLODE_RATIO * Math.max(this.firstLoss, MIN_REFERENCE_LOSS);
    if (Number.isFinite(loss) && paramsFinite && !exploded) return false;
    this.divergedAt = this.step;
    // Keep the last good weights rather than the blown-up ones: the learner can resume from them.
    this.setParams(this.checkpoint);
    return true;
  }

  /** Writes parameters in the snapshotParams layout back into the network (or kernel). */
  setParams(params: Float32Array): void {
    const [l1, l2] = this.net.layers;
    const h = l1!.outDim;
    l1!.w.set(params.subarray(0, h));
    l1!.b.set(params.subarray(h, 2 * h));
    l2!.w.set(params.subarray(2 * h, 3 * h));
    l2!.b[0] = params[3 * h]!;
  }

  /** Remembers the current parameters and step as the last known good ones. */
  saveCheckpoint(): void {
    if (this.divergedAt !== null) return;
    this.snapshotParams(this.checkpoint);
    this.checkpointStep = this.step;
  }

  /** Back to the last checkpoint: its parameters and step; the run can train again. */
  rewind(): void {
    this.history.rewindTo(this.checkpointStep);
    this.firstLoss = null;
    this.setParams(this.checkpoint);
    this.step = this.checkpointStep;
    this.divergedAt = null;
  }

  /** The run has reached the last step a run can reach (MAX_RUN_STEP) and trains no further. */
  get atLastStep(): boolean {
    return this.step >= MAX_RUN_STEP;
  }

  /** Loss of the current parameters (what the next step will record). */
  currentLoss(): number {
    if (this.data.x.length === 0) return NaN;
    if (this.kernel) return this.kernel.loss();
    return evaluateLoss(this.net, this.ws, this.data.x, this.data.y);
  }

  /** Mean squared error of the current parameters on the held-out points, or null when none. */
  testLoss(): number | null {
    if (!this.testData || !this.testWs) return null;
    return evaluateLoss(this.net, this.testWs, this.testData.x, this.testData.y);
  }

  /** Length of the flat parameter vector [w1, b1, w2, b2] (3H + 1): see core/insight. */
  paramLength(): number {
    return paramLength(this.net.layers[0]!.outDim);
  }

  /** Current parameters as [w1 (H), b1 (H), w2 (H), b2] into out (length paramLength()). */
  snapshotParams(out: Float32Array): void {
    const [l1, l2] = this.net.layers;
    const h = l1!.outDim;
    out.set(l1!.w, 0);
    out.set(l1!.b, h);
    out.set(l2!.w, 2 * h);
    out[3 * h] = l2!.b[0]!;
  }

  /** Loads saved parameters reached at `step` (model import) as the new good checkpoint; false when the length is wrong. */
  load(params: Float32Array, step: number): boolean {
    if (params.length !== this.paramLength()) return false;
    this.setParams(params);
    this.history.load(step, params);
    this.step = step;
    this.divergedAt = null;
    this.firstLoss = null;
    this.saveCheckpoint();
    return true;
  }

  /** The last step's summed gradients (the tutorial's gw, gb) in the same layout; zeros before the first step. */
  lastGradients(out: Float32Array): void {
    const [g1, g2] = this.gradients;
    const h = this.net.layers[0]!.outDim;
    out.set(g1!.w, 0);
    out.set(g1!.b, h);
    out.set(g2!.w, 2 * h);
    out[3 * h] = g2!.b[0]!;
  }

  /** The fitted curve on the grid, into out (length grid.length). */
  curve(out: Float32Array): void {
    if (this.kernel) return this.kernel.curve(out);
    predictInto(this.net, this.gridWs, this.grid, out);
  }
}
