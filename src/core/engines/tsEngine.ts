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
import { evaluateLoss, trainStepInto } from '../train';
import type { LayerGradients, TrainingEngine } from './engine';

export class TsEngine implements TrainingEngine {
  private ws: Workspace;
  private readonly gridWs: Workspace;
  private data: Dataset;
  private readonly layout: ParamLayout;
  gradients: readonly LayerGradients[];

  constructor(
    readonly net: Network,
    train: Dataset,
    private readonly grid: Float32Array,
  ) {
    this.layout = paramLayout(net.layers.slice(0, -1).map((l) => l.outDim));
    this.data = train;
    this.ws = createWorkspace(net, train.x.length);
    this.gridWs = createWorkspace(net, grid.length);
    this.gradients = this.gradientViews();
  }

  private gradientViews(): LayerGradients[] {
    return this.net.layers.map((_, l) => ({ w: this.ws.gw[l]!, b: this.ws.gb[l]! }));
  }

  step(learningRate: number, lossOut: Float32Array, index: number): void {
    trainStepInto(this.net, this.ws, this.data.x, this.data.y, learningRate, lossOut, index);
  }

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
