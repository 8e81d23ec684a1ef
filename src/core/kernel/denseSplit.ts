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
import {
  instantiateOn,
  sharedMemory,
  type WasmExports,
  type WasmMemory,
  type WasmModule,
} from './wasmRuntime';

type KernelFn = (...args: number[]) => void;

/** One layer as a thread runs it: byte offsets of its block-0 buffers and its exports' names. */
export interface DenseThreadLayer {
  kp: number;
  jp: number;
  input: number;
  out: number;
  dz: number;
  deriv: number;
  /** What the delta from above reads for act' (DenseNet's `stored`). */
  stored: number;
  wf: number;
  wb: number;
  b: number;
  storesGrad: boolean;
  forward: string;
  delta: string | null;
  /** Per thread, where its weight and bias gradients go (thread 0: the DenseNet's own). */
  g: number[];
  gb: number[];
}

/** Everything a thread needs to run its share: postable (numbers and names only). */
export interface DensePlan {
  threads: number;
  layers: DenseThreadLayer[];
  /** Int32 cells: [the step's sample count, the phase (PASS or REDUCE)]. */
  cells: number;
  /** Float64 per thread: its samples' summed squared errors. */
  losses: number;
  /** The step's targets y[0..count), float32. */
  y: number;
}

const PASS = 0;
const REDUCE = 1;
/** Floats a thread's reduction slice is rounded to: one cache line, no two threads share one. */
const SLICE_FLOATS = 16;
const BLOCK_BYTES = DENSE_BLOCK * 4;

/** Thread t's blocks of `blocks` (split as evenly as whole blocks allow, in thread order). */
export function blockRange(blocks: number, threads: number, t: number): [number, number] {
  return [Math.floor((blocks * t) / threads), Math.floor((blocks * (t + 1)) / threads)];
}

/** One thread's side of the split step, on its own instance of the module. */
export class DenseThread {
  private readonly f32: Float32Array;
  private readonly f64: Float64Array;
  private readonly cells: Int32Array;
  private readonly forwards: KernelFn[];
  private readonly deltas: (KernelFn | null)[];
  private readonly grad: KernelFn;
  /** The top layer's outputs and dOut (float indices of block 0, sample 0). */
  private readonly outAt: number;
  private readonly dOutAt: number;
  /** This thread's reduction slice: [segment, from, to) float ranges over the gradients. */
  private readonly slice: { dst: number; srcs: number[]; length: number }[];

  constructor(
    exports: WasmExports,
    buffer: ArrayBufferLike,
    private readonly plan: DensePlan,
    private readonly t: number,
  ) {
    const fn = (name: string): KernelFn => {
      const f = exports[name];
      if (typeof f !== 'function') throw new Error(`the dense module has no ${name}`);
      return f as KernelFn;
    };
    this.f32 = new Float32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.cells = new Int32Array(buffer, plan.cells, 2);
    this.forwards = plan.layers.map((l) => fn(l.forward));
    this.deltas = plan.layers.map((l) => (l.delta === null ? null : fn(l.delta)));
    this.grad = fn('dense_weight_grad');
    const top = plan.layers[plan.layers.length - 1]!;
    this.outAt = top.out / 4;
    this.dOutAt = top.dz / 4;
    this.slice = reductionSlice(plan, t);
  }

  /** Runs the phase the caller set (a pool's step command). */
  run(): void {
    if (this.cells[1] === REDUCE) this.reduce();
    else this.pass(this.cells[0]!);
  }

  /** Forward, loss and dOut, backward over this thread's blocks of the first `count` samples. */
  pass(count: number): void {
    const { plan, t, f32 } = this;
    const [b0, b1] = blockRange(Math.ceil(count / DENSE_BLOCK), plan.threads, t);
    const nb = b1 - b0;
    const layers = plan.layers;
    if (nb === 0) {
      for (const l of layers) {
        f32.fill(0, l.g[t]! / 4, l.g[t]! / 4 + l.kp * l.jp);
        f32.fill(0, l.gb[t]! / 4, l.gb[t]! / 4 + l.jp);
      }
      this.f64[plan.losses / 8 + t] = 0;
      return;
    }
    // Block b of a buffer of `units` padded units starts b * units * BLOCK floats in.
    const at = (ptr: number, units: number) => ptr + b0 * units * BLOCK_BYTES;
    for (let i = 0; i < layers.length; i++) {
      const l = layers[i]!;
      const f = this.forwards[i]!;
      const input = at(l.input, l.kp);
      const out = at(l.out, l.jp);
      if (l.storesGrad) f(input, l.wf, l.b, out, l.kp, l.jp, nb, at(l.deriv, l.jp));
      else f(input, l.wf, l.b, out, l.kp, l.jp, nb);
    }
    // The top layer has one unit in a panel of 4: sample s of block b at (b * BLOCK + s) * 4.
    const y = plan.y / 4;
    const end = Math.min(count, b1 * DENSE_BLOCK);
    let sum = 0;
    for (let i = b0 * DENSE_BLOCK; i < end; i++) {
      const e = f32[this.outAt + i * 4]! - f32[y + i]!;
      sum += e * e;
      f32[this.dOutAt + i * 4] = -2 * e;
    }
    for (let i = end; i < b1 * DENSE_BLOCK; i++) f32[this.dOutAt + i * 4] = 0;
    this.f64[plan.losses / 8 + t] = sum;
    for (let i = layers.length - 1; i >= 0; i--) {
      const l = layers[i]!;
      const dz = at(l.dz, l.jp);
      this.grad(at(l.input, l.kp), dz, l.g[t]!, l.gb[t]!, l.kp, l.jp, nb);
      const delta = this.deltas[i];
      if (delta) {
        const below = layers[i - 1]!;
        delta(dz, l.wb, at(below.stored, below.jp), at(below.dz, below.jp), l.jp, l.kp, nb);
      }
    }
  }

  /** This thread's slice of every gradient: thread 0's += thread 1's, += thread 2's, ... */
  reduce(): void {
    const f32 = this.f32;
    for (const { dst, srcs, length } of this.slice) {
      for (const src of srcs)
        for (let i = 0; i < length; i++) f32[dst + i] = f32[dst + i]! + f32[src + i]!;
    }
  }
}

/**
 * Thread t's share of the gradients (every layer's G then gb, flattened), as float ranges
 * of thread 0's buffers and, for each, the other threads' same range in thread order.
 */
function reductionSlice(plan: DensePlan, t: number) {
  const segments = plan.layers.flatMap((l) => [
    { ptrs: l.g, length: l.kp * l.jp },
    { ptrs: l.gb, length: l.jp },
  ]);
  const total = segments.reduce((s, g) => s + g.length, 0);
  const bound = (k: number) =>
    Math.min(total, padTo(Math.floor((total * k) / plan.threads), SLICE_FLOATS));
  const lo = bound(t);
  const hi = t === plan.threads - 1 ? total : bound(t + 1);
  const out: { dst: number; srcs: number[]; length: number }[] = [];
  let start = 0;
  for (const { ptrs, length } of segments) {
    const from = Math.max(lo, start) - start;
    const to = Math.min(hi, start + length) - start;
    if (to > from)
      out.push({
        dst: ptrs[0]! / 4 + from,
        srcs: ptrs.slice(1).map((p) => p / 4 + from),
        length: to - from,
      });
    start += length;
  }
  return out;
}

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
    this.phase(() => this.self.pass(count));
    cells[1] = REDUCE;
    this.phase(() => this.self.reduce());
    let sum = 0;
    for (let t = 0; t < this.threads; t++) sum += this.losses[t]!;
    lossOut[index] = sum / count;
  }

  private phase(own: () => void): void {
    const pool = this.pool;
    pool.startStep();
    try {
      own();
    } finally {
      // Never start another phase while a helper is still in this one.
      pool.finishStep();
    }
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
