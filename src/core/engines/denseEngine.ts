/**
 * The dense WebAssembly kernels as an engine (core/kernel/denseNet.ts): any depth, every
 * activation, the full batch and mini-batches, every optimizer. The forward, the backward
 * and the gradients run in wasm; the update runs in TypeScript on the row-major weights
 * with the run's own OptimizerState (Learning's), so the optimizer's state, its save,
 * restore and reset, and the applied updates a frame shows are exactly the TS engine's.
 * The weights are written into the kernel's panels before every pass, so parameters
 * changed from outside (a rewind, a loaded model) are always the ones trained on.
 */
import type { Dataset } from '../dataset';
import { parametersFinite, type Network } from '../network';
import { paramLayout, packLayers, unpackLayers, type ParamLayout } from '../paramLayout';
import { applyUpdate } from '../train';
import type { OptimizerState, StepOptions } from '../optimizers';
import { DenseNet } from '../kernel/denseNet';
import type { WasmModule } from '../kernel/wasmRuntime';
import type { BatchTrainingEngine, LayerGradients } from './engine';

export class DenseEngine implements BatchTrainingEngine {
  private kernel: DenseNet;
  private data: Dataset;
  /** Whether the kernel's input blocks hold the training points in order (a batch gathers over them). */
  private inOrder = true;
  private batchY: Float32Array;
  private readonly gw: Float64Array[];
  private readonly gb: Float64Array[];
  private readonly layout: ParamLayout;
  readonly gradients: readonly LayerGradients[];
  /** The dense kernels train on the calling thread alone (only the fused kernel splits). */
  readonly threads = 1;

  constructor(
    readonly net: Network,
    train: Dataset,
    private readonly grid: Float32Array,
    private readonly module: WasmModule,
  ) {
    this.layout = paramLayout(net.layers.slice(0, -1).map((l) => l.outDim));
    this.data = train;
    this.kernel = this.bind(train);
    this.batchY = new Float32Array(train.y.length);
    this.gw = net.layers.map((l) => new Float64Array(l.inDim * l.outDim));
    this.gb = net.layers.map((l) => new Float64Array(l.outDim));
    this.gradients = net.layers.map((_, l) => ({ w: this.gw[l]!, b: this.gb[l]! }));
  }

  private bind(train: Dataset): DenseNet {
    const kernel = new DenseNet(this.module, this.net.layers, train.x.length, this.grid);
    kernel.setInputs(train.x);
    this.inOrder = true;
    return kernel;
  }

  /** The full batch in order into the input blocks, unless a batch has moved them. */
  private inputsInOrder(): void {
    if (!this.inOrder) this.kernel.setInputs(this.data.x);
    this.inOrder = true;
  }

  /** Forward and backward over `count` samples (inputs in place), the gradients read back. */
  private pass(count: number, y: Float32Array, lossOut: Float32Array, index: number): void {
    const kernel = this.kernel;
    kernel.setWeights(this.net.layers);
    kernel.forward(count);
    kernel.lossAndBackward(count, y, lossOut, index);
    for (let l = 0; l < this.gw.length; l++) kernel.readGradients(l, this.gw[l]!, this.gb[l]!);
  }

  /** The tutorial's step: full batch, summed gradients, w += lr gw (then the flush). */
  step(learningRate: number, lossOut: Float32Array, index: number): void {
    this.inputsInOrder();
    this.pass(this.data.x.length, this.data.y, lossOut, index);
    const layers = this.net.layers;
    for (let l = 0; l < layers.length; l++)
      applyUpdate(layers[l]!, this.gw[l]!, this.gb[l]!, learningRate);
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
    optimizer.step(this.net.layers, this.gw, this.gb, batch, learningRate, options);
  }

  /** Takes over another engine's last gradients (a run moving here from the fused kernel). */
  setGradients(from: readonly LayerGradients[]): void {
    from.forEach((g, l) => {
      const gw = this.gw[l]!;
      const gb = this.gb[l]!;
      for (let i = 0; i < gw.length; i++) gw[i] = g.w[i]!;
      for (let j = 0; j < gb.length; j++) gb[j] = g.b[j]!;
    });
  }

  parametersFinite(): boolean {
    return parametersFinite(this.net);
  }

  loss(): number {
    const n = this.data.x.length;
    if (n === 0) return NaN;
    this.inputsInOrder();
    this.kernel.setWeights(this.net.layers);
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
    this.kernel.setWeights(this.net.layers);
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
    this.kernel.setWeights(this.net.layers);
    this.kernel.curve(out);
  }

  setData(train: Dataset): void {
    this.data = train;
    this.kernel = this.bind(train);
    this.batchY = new Float32Array(train.y.length);
  }

  get savedLength(): number {
    return this.layout.length;
  }

  saveParams(out: Float32Array): void {
    packLayers(this.layout, this.net.layers, out);
  }

  restoreParams(saved: Float32Array): void {
    unpackLayers(this.layout, saved, this.net.layers);
  }
}
