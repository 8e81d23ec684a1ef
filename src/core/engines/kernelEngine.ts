/**
 * The fused WebAssembly kernel as an engine: the tutorial's 1 -> H -> 1 network, full
 * batch. The network it exposes is a view of the kernel's memory: always current, never
 * copied. A data change makes a kernel sized for the new N and copies the parameters over.
 */
import type { Dataset } from '../dataset';
import type { Network } from '../network';
import { FusedKernel } from '../kernel/fusedKernel';
import { kernelModule, type KernelBuild } from '../kernel/wasmRuntime';
import type { LayerGradients, TrainingEngine } from './engine';

export class KernelEngine implements TrainingEngine {
  private kernel: FusedKernel;
  net: Network;
  gradients: readonly LayerGradients[];

  /** `net` must have one hidden layer with an activation the kernel implements (core/engine chooses). */
  constructor(
    net: Network,
    train: Dataset,
    private readonly grid: Float32Array,
    private readonly build: KernelBuild,
  ) {
    this.kernel = this.bind(net, train);
    this.net = this.viewNetwork(net);
    this.gradients = this.gradientViews();
  }

  /** A kernel for these points holding the network's current parameters. Allocates. */
  private bind(net: Network, train: Dataset): FusedKernel {
    const [l1, l2] = net.layers;
    const kernel = new FusedKernel(
      train.x,
      train.y,
      l1!.outDim,
      l1!.activation,
      this.grid,
      kernelModule(this.build),
    );
    kernel.w1.set(l1!.w);
    kernel.b1.set(l1!.b);
    kernel.w2.set(l2!.w);
    kernel.b2.set(l2!.b);
    return kernel;
  }

  private viewNetwork(net: Network): Network {
    const [l1, l2] = net.layers;
    const k = this.kernel;
    return {
      layers: [
        { ...l1!, w: k.w1, b: k.b1 },
        { ...l2!, w: k.w2, b: k.b2 },
      ],
    };
  }

  private gradientViews(): LayerGradients[] {
    const k = this.kernel;
    return [
      { w: k.gw1, b: k.gb1 },
      { w: k.gw2, b: k.gb2 },
    ];
  }

  step(learningRate: number, lossOut: Float32Array, index: number): void {
    lossOut[index] = this.kernel.step(learningRate);
  }

  parametersFinite(): boolean {
    return this.kernel.parametersFinite();
  }

  loss(): number {
    return this.kernel.loss();
  }

  curve(out: Float32Array): void {
    this.kernel.curve(out);
  }

  setData(train: Dataset): void {
    const previous = this.kernel;
    this.kernel = this.bind(this.net, train);
    // Keep reporting the last step's gradients across a data change.
    this.kernel.gw1.set(previous.gw1);
    this.kernel.gb1.set(previous.gb1);
    this.kernel.gw2.set(previous.gw2);
    this.kernel.gb2.set(previous.gb2);
    this.net = this.viewNetwork(this.net);
    this.gradients = this.gradientViews();
  }

  /** The kernel's parameter block whole, padding included: the same for every N at this H. */
  get savedLength(): number {
    return this.kernel.params.length;
  }

  saveParams(out: Float32Array): void {
    out.set(this.kernel.params);
  }

  restoreParams(saved: Float32Array): void {
    this.kernel.params.set(saved);
  }
}
