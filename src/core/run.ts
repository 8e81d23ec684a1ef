/**
 * A training run built from a config and its seed: the data, the network and the
 * buffers to train and evaluate it. Shared by the worker, the command line and tests,
 * so every place builds exactly the same run from the same settings.
 */
import type { Dataset } from './dataset';
import type { LabeledData } from './protocol';
import { splitData } from './split';
import { MAX_RUN_STEP, type ModelConfig } from './config';
import { curveGrid } from './grid';
import { paramLength } from './insight';
import { buildModel } from './buildModel';
import { chooseEngine, type Engine, type EngineOptions } from './engine';
import {
  readFlatGradients,
  readFlatParams,
  writeFlatParams,
  type LayerGradients,
} from './flatParams';
import { bindKernel } from './kernelBinding';
import { KeptWeights } from './keptWeights';
import {
  createWorkspace,
  parametersFinite,
  predictInto,
  type Network,
  type Workspace,
} from './network';
import type { FusedKernel } from './kernel/fusedKernel';
import type { KernelBuild } from './kernel/wasmRuntime';
import { RunHistory } from './runHistory';
import { evaluateLoss, trainStepInto } from './train';

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
  /** The weights a diverged run goes back to, and the rule that picks them (see keptWeights). */
  private readonly kept: KeptWeights;
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
    options: EngineOptions = {},
    data?: LabeledData,
  ) {
    const built = buildModel(config);
    const { engine, kernelBuild } = chooseEngine(config.activation, options);
    this.engine = engine;
    this.kernelBuild = kernelBuild;
    this.config = config;
    this.grid = grid;
    this.data = built.data;
    this.net = built.net;
    this.kernel = null;
    this.ws = createWorkspace(this.net, 0);
    this.gridWs = createWorkspace(this.net, grid.length);
    this.gradients = [];
    if (data) this.attachLabeled(data);
    else this.attach(built.data, null);
    this.kept = new KeptWeights(this.savedParamsLength());
    this.keepCurrent();
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
    this.attachLabeled(data);
    this.kept.forgetLoss();
  }

  private attachLabeled(data: LabeledData): void {
    const { train, test } = splitData({ x: data.x, y: data.y }, data.test);
    this.history.recordData(this.step, data);
    this.attach(train, test.x.length > 0 ? test : null);
  }

  private attach(train: Dataset, test: Dataset | null): void {
    this.data = train;
    this.testData = test;
    this.testWs = test ? createWorkspace(this.net, test.x.length) : null;
    if (this.engine === 'wasm') {
      const bound = bindKernel(this.net, train, this.config, this.grid, this.kernelBuild!);
      this.net = bound.net;
      this.kernel = bound.kernel;
      this.gradients = bound.gradients;
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
        this.saveParams(this.kept.candidate);
        lossOut[offset + k] = kernel.step(learningRate);
        if (this.blewUp(lossOut, offset + k, kernel.parametersFinite())) return k + 1;
      }
      return count;
    }
    const { x, y } = this.data;
    for (let k = 0; k < count; k++) {
      this.saveParams(this.kept.candidate);
      trainStepInto(this.net, this.ws, x, y, learningRate, lossOut, offset + k);
      // The float32 loss decides divergence as well as the float64 one would: a loss past
      // float32's range is Infinity, which is divergence anyway.
      if (this.blewUp(lossOut, offset + k, parametersFinite(this.net))) return k + 1;
    }
    return count;
  }

  /**
   * Counts the step and has the kept weights judge it (its loss is lossOut[index], read
   * there rather than passed, so no float is boxed). A diverged run goes back to them.
   */
  private blewUp(lossOut: Float32Array, index: number, paramsFinite: boolean): boolean {
    const before = this.step;
    this.step++;
    if (!this.kept.judge(lossOut, index, paramsFinite, before)) return false;
    this.divergedAt = this.step;
    // Back to the weights from before the climb, not the blown-up ones: the learner resumes from them.
    this.restoreParams(this.kept.params);
    return true;
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
    writeFlatParams(this.net, params);
  }

  /** The current parameters and step become the kept ones, their loss not yet known. */
  private keepCurrent(): void {
    this.saveParams(this.kept.params);
    this.kept.keepAt(this.step);
  }

  /** Back to the kept parameters and their step (from before the loss began to climb); the run can train again. */
  rewind(): void {
    this.history.rewindTo(this.kept.step);
    this.kept.forgetFirstLoss();
    this.restoreParams(this.kept.params);
    this.step = this.kept.step;
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
    readFlatParams(this.net, out);
  }

  /** Loads saved parameters reached at `step` (model import) as the new good checkpoint; false when the length is wrong. */
  load(params: Float32Array, step: number): boolean {
    if (params.length !== this.paramLength()) return false;
    this.setParams(params);
    this.history.load(step, params);
    this.step = step;
    this.divergedAt = null;
    this.kept.forgetFirstLoss();
    this.keepCurrent();
    return true;
  }

  /** The last step's summed gradients (the tutorial's gw, gb) in the same layout; zeros before the first step. */
  lastGradients(out: Float32Array): void {
    readFlatGradients(this.gradients, this.net.layers[0]!.outDim, out);
  }

  /** The fitted curve on the grid, into out (length grid.length). */
  curve(out: Float32Array): void {
    if (this.kernel) return this.kernel.curve(out);
    predictInto(this.net, this.gridWs, this.grid, out);
  }
}
