/**
 * The fused WebAssembly kernel as an engine: the tutorial's 1 -> H -> 1 network, full
 * batch. The network it exposes is a view of the kernel's memory: always current, never
 * copied. A data change makes a kernel sized for the new N and copies the parameters over.
 */
import type { Dataset } from '../dataset';
import type { Network } from '../network';
import { FusedKernel } from '../kernel/fusedKernel';
import { SplitKernel } from '../kernel/splitKernel';
import { kernelModule, type KernelBuild } from '../kernel/wasmRuntime';
import type { ThreadPool } from '../threads/pool';
import type { LayerGradients, TrainingEngine } from './engine';

/**
 * Samples times hidden units from which a step is split across a pool's threads: below
 * it, the helpers' wake-up and the reduction cost more than the shared work saves
 * (docs/threads.md).
 */
export const SPLIT_MIN_WORK = 1 << 18;

/** Whether a step over n points and h hidden units is split across the pool's threads. */
export function splitsStep(pool: ThreadPool | null, n: number, h: number): pool is ThreadPool {
  return pool !== null && n * h >= SPLIT_MIN_WORK;
}

export class KernelEngine implements TrainingEngine {
  private kernel: FusedKernel | SplitKernel;
  net: Network;
  gradients: readonly LayerGradients[];

  /** `net` must have one hidden layer with an activation the kernel implements (core/engine chooses). */
  constructor(
    net: Network,
    train: Dataset,
    private readonly grid: Float32Array,
    private readonly build: KernelBuild,
    /** Helper threads for large steps (splitsStep), or null for one thread. */
    private readonly pool: ThreadPool | null = null,
  ) {
    this.kernel = this.bind(net, train);
    this.net = this.viewNetwork(net);
    this.gradients = this.gradientViews();
  }

  /** A kernel for these points holding the network's current parameters. Allocates. */
  private bind(net: Network, train: Dataset): FusedKernel | SplitKernel {
    const [l1, l2] = net.layers;
    const { x, y } = train;
    const pool = this.pool;
    const kernel = splitsStep(pool, x.length, l1!.outDim)
      ? new SplitKernel(x, y, l1!.outDim, l1!.activation, this.grid, pool, this.build)
      : new FusedKernel(x, y, l1!.outDim, l1!.activation, this.grid, kernelModule(this.build));
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

  get threads(): number {
    return this.kernel instanceof SplitKernel ? this.kernel.threads : 1;
  }

  step(learningRate: number, lossOut: Float32Array, index: number): void {
    lossOut[index] = this.kernel.step(learningRate);
  }

  /** Its arrays are always its own: nothing to hand back. */
  sync(): void {}

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
