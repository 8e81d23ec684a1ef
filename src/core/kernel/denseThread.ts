/**
 * One thread's side of a split dense step (denseSplit.ts): the plan every thread receives
 * (postable: numbers and export names only), its range of sample blocks, and its pass and
 * reduction slice on its own instance of the dense module over the shared memory.
 */
import { DENSE_BLOCK } from './denseNet';
import { padTo } from './denseLayout';
import type { WasmExports } from './wasmRuntime';

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

export const PASS = 0;
export const REDUCE = 1;
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
