/**
 * The dense kernels' forward and backward split by sample blocks across the threads of a
 * pool (docs/kernel-deep.md, "More than one thread"). The DenseNet is laid out in one
 * shared memory: the weights, the inputs and every block buffer once; each thread runs the
 * forward, its samples' loss and dOut, and the backward over its own contiguous range of
 * blocks (so its activations and deltas are its own), into its own weight and bias
 * gradient buffers (thread 0's are the DenseNet's). Then each thread sums one slice of the
 * parameters across every thread's buffers, in thread order (0 + 1 + ...), into thread 0's:
 * deterministic for a given thread count, and the reduction itself parallel. The losses are
 * summed in thread order by the caller. The update stays with the caller (the engine).
 */
import type { DenseLayer } from '../network';
import type { ThreadPool, DenseAttachMessage } from '../threads/pool';
import { backwardName, DENSE_BLOCK, DenseNet, forwardName } from './denseNet';
import { padTo } from './denseLayout';
import { DenseThread, PASS, REDUCE, type DensePlan } from './denseThread';
import {
  instantiateOn,
  sharedMemory,
  type WasmExports,
  type WasmMemory,
  type WasmModule,
} from './wasmRuntime';

/** The DenseNet of a split step, its plan, and the caller's side of each pass. */
export class DenseSplit {
  readonly net: DenseNet;
  readonly threads: number;
  /** The threads' plan and the shared memory (a benchmark times each thread's share alone). */
  readonly plan: DensePlan;
  readonly memory: WasmMemory;
  private readonly self: DenseThread;
  private readonly helpers: DenseAttachMessage[];
  private readonly cells: Int32Array;
  private readonly losses: Float64Array;
  private readonly y: Float32Array;

  constructor(
    module: WasmModule,
    layers: readonly DenseLayer[],
    n: number,
    grid: Float32Array,
    private readonly pool: ThreadPool,
  ) {
    const threads = pool.threads;
    this.threads = threads;
    let memory: ReturnType<typeof sharedMemory> | null = null;
    let exports: WasmExports | null = null;
    let base = 0;
    // Room after the DenseNet's regions for threads 1.. gradients, the cells, losses and y.
    const extra =
      (threads - 1) *
        layers.reduce((s, l) => s + (padTo(l.inDim, 4) + 1) * padTo(l.outDim, 4) * 4 + 128, 0) +
      64 +
      threads * 8 +
      padTo(Math.max(n, 1), 16) * 4 +
      256;
    this.net = new DenseNet(module, layers, n, grid, (bytes, m) => {
      base = padTo(bytes, 64);
      memory = sharedMemory(base + extra);
      exports = instantiateOn(m, memory);
      return { memory, exports };
    });
    let top = base;
    const region = (bytes: number) => {
      const at = top;
      top = padTo(top + bytes, 64);
      return at;
    };
    const own = this.net.layers.map((r) => ({
      g: [r.g, ...Array.from({ length: threads - 1 }, () => region(r.kp * r.jp * 4))],
      gb: [r.gb, ...Array.from({ length: threads - 1 }, () => region(r.jp * 4))],
    }));
    const cells = region(8);
    const losses = region(threads * 8);
    const y = region(Math.max(n, 1) * 4);
    this.plan = {
      threads,
      cells,
      losses,
      y,
      layers: this.net.layers.map((r, i) => ({
        kp: r.kp,
        jp: r.jp,
        input: r.input,
        out: r.out,
        dz: r.dz,
        deriv: r.deriv,
        stored: r.stored,
        wf: r.wf,
        wb: r.wb,
        b: r.b,
        storesGrad: r.storesGrad,
        forward: forwardName(layers[i]!.activation),
        delta: i > 0 ? backwardName(layers[i - 1]!.activation) : null,
        ...own[i]!,
      })),
    };
    const shared = memory as ReturnType<typeof sharedMemory> | null;
    if (!shared || !exports || top > base + extra) throw new Error('the split layout overflows');
    this.memory = shared;
    this.cells = new Int32Array(shared.buffer, cells, 2);
    this.losses = new Float64Array(shared.buffer, losses, threads);
    this.y = new Float32Array(shared.buffer, y, Math.max(n, 1));
    this.self = new DenseThread(exports, shared.buffer, this.plan, 0);
    this.helpers = Array.from({ length: threads - 1 }, (_, i) => ({
      type: 'attachDense',
      module,
      memory: shared,
      plan: this.plan,
      thread: i + 1,
    }));
  }

  /**
   * The forward and backward over the first `count` samples (inputs in place) on every
   * thread, the gradients summed into the DenseNet's, the mean squared error into
   * lossOut[index]: what DenseNet's forward and lossAndBackward do on one thread.
   */
  pass(count: number, y: Float32Array, lossOut: Float32Array, index: number): void {
    const { pool, cells } = this;
    const shared = this.y;
    for (let i = 0; i < count; i++) shared[i] = y[i]!;
    pool.attach(this, this.helpers);
    cells[0] = count;
    cells[1] = PASS;
    pool.startStep();
    try {
      this.self.pass(count);
    } finally {
      // Never start another phase while a helper is still in this one.
      pool.finishStep();
    }
    cells[1] = REDUCE;
    pool.startStep();
    try {
      this.self.reduce();
    } finally {
      pool.finishStep();
    }
    let sum = 0;
    for (let t = 0; t < this.threads; t++) sum += this.losses[t]!;
    lossOut[index] = sum / count;
  }
}

/**
 * Samples times weights (Σ fan_in · fan_out) from which a dense step is split across a
 * pool's threads: below it, two wake-ups of the helpers and the reduction cost more than
 * the shared work saves (docs/threads.md).
 */
export const DENSE_SPLIT_MIN_WORK = 1 << 21;

/** Whether a step over `count` samples of a network of `weights` weights splits across `threads`. */
export function splitsDenseStep(threads: number, count: number, weights: number): boolean {
  return (
    threads > 1 &&
    Math.ceil(count / DENSE_BLOCK) >= threads &&
    count * weights >= DENSE_SPLIT_MIN_WORK
  );
}
