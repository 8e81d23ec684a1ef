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
import {
  createTutorialNetwork,
  createWorkspace,
  parametersFinite,
  predictInto,
  type Network,
  type Workspace,
} from './network';
import { FusedKernel } from './kernel/fusedKernel';
import { KERNEL_ACTIVATIONS as KERNEL_ACTIVATION_NAMES } from './kernel/kernelLayout.generated';
import {
  bestKernelBuild,
  kernelBuildSupported,
  kernelModule,
  simdSupported,
  type KernelBuild,
} from './kernel/wasmRuntime';
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

/*
 * Divergence, and which weights a diverged run keeps. The run is declared diverged when a
 * loss or a parameter stops being finite, or a loss passes EXPLODE_RATIO times the first.
 * By then the weights have been growing for several steps (the loss climbs for a few steps
 * before it overflows), so the run does not keep the weights of the step before the
 * declaration: it keeps those of the last step whose loss rose no more than RISE_TOLERANCE
 * above the loss of the weights kept before it. Once the loss starts to climb, the kept
 * weights stay where the climb began; a loss that comes back down to them moves them on.
 * A loss that wiggles up once only leaves the kept weights where they were: it never
 * declares divergence.
 */

/** A loss this many times the first step's is treated as divergence (it is on its way to Infinity). */
export const EXPLODE_RATIO = 1e6;
/** Floor under the first loss for that test, so a near-perfect start does not trip it. */
const MIN_REFERENCE_LOSS = 1e-6;
/** How far (relative) a step's loss may rise above the kept weights' loss and still move them on. */
export const RISE_TOLERANCE = 0.01;

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
  /** Step of the kept parameters: where the loss last stopped climbing (see RISE_TOLERANCE). */
  checkpointStep = 0;
  /** The kept parameters, in the engine's own layout (see saveParams). */
  private checkpoint: Float32Array;
  /** The parameters before the step under way; they become the kept ones if its loss did not climb. */
  private candidate: Float32Array;
  /**
   * Loss of the kept parameters on the data trained on, or NaN while unknown (before a step
   * on it). NaN, not null: a field that only ever holds numbers is updated in place, where
   * one that may hold null boxes each new value (an allocation every step).
   */
  private checkpointLoss = NaN;
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
  constructor(
    config: ModelConfig,
    grid: Float32Array = curveGrid(),
    options: TrainingRunOptions = {},
    data?: LabeledData,
  ) {
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
      throw new Error(
        'the WebAssembly SIMD engine was asked for, but this runtime has no WebAssembly SIMD',
      );
    }
    this.kernelBuild = this.engine === 'wasm' ? (options.kernel ?? bestKernelBuild()) : null;
    if (this.kernelBuild && !kernelBuildSupported(this.kernelBuild)) {
      throw new Error(
        `the ${this.kernelBuild} kernel was asked for, but this runtime cannot run it`,
      );
    }
    this.ws = createWorkspace(this.net, 0);
    this.gridWs = createWorkspace(this.net, grid.length);
    this.gradients = [];
    if (data) this.setData(data);
    else this.attach(built.data, null);
    this.checkpoint = new Float32Array(this.savedParamsLength());
    this.candidate = new Float32Array(this.savedParamsLength());
    this.keepCurrent();
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
    // The kept weights' loss was on other points: the next step's loss is the new yardstick.
    this.checkpointLoss = NaN;
  }

  private attach(train: Dataset, test: Dataset | null): void {
    this.data = train;
    this.testData = test;
    this.testWs = test ? createWorkspace(this.net, test.x.length) : null;
    if (this.engine === 'wasm') {
      const [l1, l2] = this.net.layers;
      const kernel = new FusedKernel(
        train.x,
        train.y,
        this.config.hidden,
        this.config.activation,
        this.grid,
        kernelModule(this.kernelBuild!),
      );
      // Copy the current parameters in (from the network, or the previous kernel's views).
      kernel.w1.set(l1!.w);
      kernel.b1.set(l1!.b);
      kernel.w2.set(l2!.w);
      kernel.b2.set(l2!.b);
      // The network's arrays are views of the kernel's memory: always current, never copied.
      this.net = {
        layers: [
          { ...l1!, w: kernel.w1, b: kernel.b1 },
          { ...l2!, w: kernel.w2, b: kernel.b2 },
        ],
      };
      this.kernel = kernel;
      this.gradients = [
        { w: kernel.gw1, b: kernel.gb1 },
        { w: kernel.gw2, b: kernel.gb2 },
      ];
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
        this.saveParams(this.candidate);
        lossOut[offset + k] = kernel.step(learningRate);
        if (this.blewUp(lossOut, offset + k, kernel.parametersFinite())) return k + 1;
      }
      return count;
    }
    const { x, y } = this.data;
    for (let k = 0; k < count; k++) {
      this.saveParams(this.candidate);
      trainStepInto(this.net, this.ws, x, y, learningRate, lossOut, offset + k);
      // The float32 loss decides divergence as well as the float64 one would: a loss past
      // float32's range is Infinity, which is divergence anyway.
      if (this.blewUp(lossOut, offset + k, parametersFinite(this.net))) return k + 1;
    }
    return count;
  }

  /**
   * Counts the step and checks it: a loss or parameter that is not finite, or a loss that
   * has exploded past EXPLODE_RATIO times the first one, marks the run diverged. The loss,
   * lossOut[index], is that of the parameters before the step (in `candidate`), which are
   * kept when it did not climb (see RISE_TOLERANCE). It is read here, not passed: a float
   * passed to a call V8 does not inline is boxed, an allocation every step.
   */
  private blewUp(lossOut: Float32Array, index: number, paramsFinite: boolean): boolean {
    const loss = lossOut[index]!;
    if (this.step === 0 || this.firstLoss === null) this.firstLoss = loss;
    const before = this.step;
    this.step++;
    const exploded = loss > EXPLODE_RATIO * Math.max(this.firstLoss, MIN_REFERENCE_LOSS);
    // The candidate's loss did not climb: it becomes the kept one (written out here for the same reason).
    if (Number.isFinite(loss) && !exploded) {
      const keptLoss = this.checkpointLoss;
      if (
        Number.isNaN(keptLoss) ||
        loss <= keptLoss * (1 + RISE_TOLERANCE) ||
        loss <= MIN_REFERENCE_LOSS
      ) {
        this.keepCandidate(before);
        this.checkpointLoss = loss;
      }
    }
    if (Number.isFinite(loss) && paramsFinite && !exploded) return false;
    this.divergedAt = this.step;
    // Back to the weights from before the climb, not the blown-up ones: the learner resumes from them.
    this.restoreParams(this.checkpoint);
    return true;
  }

  /** The parameters of `step`, saved in candidate before it, become the kept ones. */
  private keepCandidate(step: number): void {
    // Swapped, not copied (nor destructured: that would allocate an array a step).
    const kept = this.candidate;
    this.candidate = this.checkpoint;
    this.checkpoint = kept;
    this.checkpointStep = step;
  }

  /** Copies the parameters in the engine's layout: the kernel's memory block whole (one copy a step), or [w1, b1, w2, b2]. */
  private saveParams(out: Float32Array): void {
    if (this.kernel) out.set(this.kernel.params);
    else this.snapshotParams(out);
  }

  /** Length of saveParams' layout: the same for every kernel of this H, so it outlives setData. */
  private savedParamsLength(): number {
    return this.kernel ? this.kernel.params.length : this.paramLength();
  }

  private restoreParams(saved: Float32Array): void {
    if (this.kernel) this.kernel.params.set(saved);
    else this.setParams(saved);
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

  /** The current parameters and step become the kept ones, their loss not yet known. */
  private keepCurrent(): void {
    this.saveParams(this.checkpoint);
    this.checkpointStep = this.step;
    this.checkpointLoss = NaN;
  }

  /** Back to the kept parameters and their step (from before the loss began to climb); the run can train again. */
  rewind(): void {
    this.history.rewindTo(this.checkpointStep);
    this.firstLoss = null;
    this.restoreParams(this.checkpoint);
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
    this.keepCurrent();
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
