/**
 * The TypeScript engine: the generic layered core of network.ts and train.ts, for any
 * depth and every activation. It is the reference the kernel is tested against.
 */
import type { Dataset } from '../dataset';
import { paramLayout, packLayers, unpackLayers, type ParamLayout } from '../paramLayout';
import {
  createWorkspace,
  parametersFinite,
  predictInto,
  type Network,
  type Workspace,
} from '../network';
import { evaluateLoss, optimizerStepInto, trainStepInto } from '../train';
import type { OptimizerState, StepOptions } from '../optimizers';
import type { BatchTrainingEngine, LayerGradients } from './engine';

export class TsEngine implements BatchTrainingEngine {
  private ws: Workspace;
  private readonly gridWs: Workspace;
  private data: Dataset;
  /** A batch's points gathered in order, sized for N once so a step allocates nothing. */
  private batchX: Float32Array;
  private batchY: Float32Array;
  private readonly layout: ParamLayout;
  gradients: readonly LayerGradients[];
  readonly threads = 1;

  constructor(
    readonly net: Network,
    train: Dataset,
    private readonly grid: Float32Array,
  ) {
    this.layout = paramLayout(net.layers.slice(0, -1).map((l) => l.outDim));
    this.data = train;
    this.ws = createWorkspace(net, train.x.length);
    this.batchX = new Float32Array(train.x.length);
    this.batchY = new Float32Array(train.y.length);
    this.gridWs = createWorkspace(net, grid.length);
    this.gradients = this.gradientViews();
  }

  private gradientViews(): LayerGradients[] {
    return this.net.layers.map((_, l) => ({ w: this.ws.gw[l]!, b: this.ws.gb[l]! }));
  }

  step(learningRate: number, lossOut: Float32Array, index: number): void {
    trainStepInto(this.net, this.ws, this.data.x, this.data.y, learningRate, lossOut, index);
  }

  /**
   * One step on the training points at `indices` (a batch schedule's view) with an
   * optimizer and its options (issue #20). The points are gathered into the engine's
   * buffers, so the passes run over contiguous rows as the full-batch step does.
   */
  stepBatch(
    indices: Int32Array,
    learningRate: number,
    optimizer: OptimizerState,
    options: StepOptions,
    lossOut: Float32Array,
    index: number,
  ): void {
    const { x, y } = this.data;
    const batch = indices.length;
    let bx = x;
    let by = y;
    // The full batch in order needs no copy.
    if (batch !== x.length) {
      bx = this.batchX;
      by = this.batchY;
      for (let n = 0; n < batch; n++) {
        const i = indices[n]!;
        bx[n] = x[i]!;
        by[n] = y[i]!;
      }
    }
    optimizerStepInto(
      this.net,
      this.ws,
      bx,
      by,
      batch,
      learningRate,
      optimizer,
      options,
      lossOut,
      index,
    );
  }

  /** Takes over another engine's last gradients (a run moving here from the kernel). */
  setGradients(from: readonly LayerGradients[]): void {
    from.forEach((g, l) => {
      const gw = this.ws.gw[l]!;
      const gb = this.ws.gb[l]!;
      for (let i = 0; i < gw.length; i++) gw[i] = g.w[i]!;
      for (let j = 0; j < gb.length; j++) gb[j] = g.b[j]!;
    });
  }

  /** Its arrays are always its own: nothing to hand back. */
  sync(): void {}

  parametersFinite(): boolean {
    return parametersFinite(this.net);
  }

  loss(): number {
    if (this.data.x.length === 0) return NaN;
    return evaluateLoss(this.net, this.ws, this.data.x, this.data.y);
  }

  curve(out: Float32Array): void {
    predictInto(this.net, this.gridWs, this.grid, out);
  }

  setData(train: Dataset): void {
    const previous = this.ws;
    this.data = train;
    this.ws = createWorkspace(this.net, train.x.length);
    this.batchX = new Float32Array(train.x.length);
    this.batchY = new Float32Array(train.y.length);
    // Keep reporting the last step's gradients across a data change.
    previous.gw.forEach((g, l) => this.ws.gw[l]!.set(g));
    previous.gb.forEach((g, l) => this.ws.gb[l]!.set(g));
    this.gradients = this.gradientViews();
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
