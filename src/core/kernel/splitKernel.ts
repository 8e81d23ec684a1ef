/**
 * The fused kernel's full-batch step split by samples across the threads of a pool
 * (docs/threads.md): one shared memory holds the parameters and data once and each thread's
 * accumulators, scratch and sums; each thread's grads_ covers a contiguous range of samples,
 * then this thread's apply_ sums the accumulators in thread order (0 + 1 + ...) and applies
 * one update. Same surface as FusedKernel; for a given number of threads, deterministic.
 */
import type { ThreadPool, AttachMessage } from '../threads/pool';
import {
  KERNEL_BUFFERS,
  KERNEL_LANES as LANES,
  KERNEL_SIZES,
  type KernelActivation,
  type KernelExport,
  type KernelPointer,
  type KernelSize,
} from './kernelLayout.generated';
import {
  instantiateOn,
  sharedKernelModule,
  sharedMemory,
  type KernelBuild,
  type WasmExports,
  type WasmMemory,
} from './wasmRuntime';

/** Every buffer starts on a cache line (and threads' buffers never share one). */
const ALIGN_BYTES = 64;
const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;

type Fn = (...args: number[]) => number;

function exported(exports: WasmExports, name: KernelExport): Fn {
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`the training kernel has no export "${name}"`);
  return fn as Fn;
}

/** Shared buffers first, then one region per thread of every `thread` buffer, `stride` bytes apart. */
function layOut(np: number, hp: number, threads: number) {
  const ptrs = {} as Record<KernelPointer, number>;
  const size = (b: (typeof KERNEL_BUFFERS)[number]) => (b.hp * hp + b.np * np + b.fixed) * 4;
  let top = ALIGN_BYTES;
  for (const b of KERNEL_BUFFERS.filter((b) => !b.thread)) {
    ptrs[b.name] = top;
    top = roundUp(top + size(b), ALIGN_BYTES);
  }
  const region = top;
  for (const b of KERNEL_BUFFERS.filter((b) => b.thread)) {
    ptrs[b.name] = top;
    top = roundUp(top + size(b), ALIGN_BYTES);
  }
  const stride = top - region;
  return { ptrs, stride, end: region + stride * threads };
}

/** Thread t's samples of np (vectors of LANES split as evenly as whole vectors allow), byte offsets. */
export function sampleRange(np: number, threads: number, t: number): { lo: number; hi: number } {
  const vectors = np / LANES;
  const at = (k: number) => Math.floor((k * vectors) / threads) * LANES * 4;
  return { lo: at(t), hi: at(t + 1) };
}

export class SplitKernel {
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: Float32Array;
  /** w1, b1, w2 and b2 with the padding between them, one contiguous view. */
  readonly params: Float32Array;
  /** The last step's gradients (thread 0's accumulators, summed and finished). */
  readonly gw1: Float32Array;
  readonly gb1: Float32Array;
  readonly gw2: Float32Array;
  readonly gb2: Float32Array;
  readonly threads: number;
  private readonly memory: WasmMemory;
  private readonly gridX: Float32Array;
  private readonly gridOut: Float32Array;
  private readonly gridPtr: number;
  private readonly gridOutPtr: number;
  private readonly grads: Fn;
  private readonly apply: Fn;
  private readonly stepFn: Fn;
  private readonly predictFn: Fn;
  private readonly paramSumFn: Fn;
  private readonly lo: number;
  private readonly hi: number;
  private readonly stride: number;
  private readonly helpers: AttachMessage[];

  constructor(
    x: Float32Array,
    y: Float32Array,
    hidden: number,
    activation: KernelActivation,
    grid: Float32Array,
    private readonly pool: ThreadPool,
    build: KernelBuild,
  ) {
    const n = x.length;
    const np = Math.max(roundUp(n, LANES), LANES);
    const hp = roundUp(hidden, LANES);
    const gp = roundUp(grid.length, LANES);
    const threads = pool.threads;
    this.threads = threads;
    const { ptrs, stride, end } = layOut(np, hp, threads);
    this.stride = stride;
    this.gridPtr = end;
    this.gridOutPtr = roundUp(end + gp * 4, ALIGN_BYTES);
    const module = sharedKernelModule(build);
    this.memory = sharedMemory(this.gridOutPtr + gp * 4);
    const sizes: Record<KernelSize, number> = { n, np, h: hidden, hp };
    const args = (t: number) => [
      ...KERNEL_SIZES.map((k) => sizes[k]),
      ...KERNEL_BUFFERS.map((b) => ptrs[b.name] + (b.thread ? t * stride : 0)),
    ];
    const exports = instantiateOn(module, this.memory);
    exported(exports, 'configure')(...args(0));
    this.grads = exported(exports, `grads_${activation}`);
    this.apply = exported(exports, `apply_${activation}`);
    this.stepFn = exported(exports, `step_${activation}`);
    this.predictFn = exported(exports, `predict_${activation}`);
    this.paramSumFn = exported(exports, 'paramSum');

    const view = (ptr: number, length: number) => new Float32Array(this.memory.buffer, ptr, length);
    view(ptrs.pX, n).set(x);
    view(ptrs.pY, n).set(y);
    view(ptrs.pM, n).fill(1);
    exported(exports, 'measureX')();
    ({ lo: this.lo, hi: this.hi } = sampleRange(np, threads, 0));
    this.helpers = Array.from({ length: threads - 1 }, (_, i) => ({
      type: 'attach',
      module,
      memory: this.memory,
      configure: args(i + 1),
      grads: `grads_${activation}`,
      ...sampleRange(np, threads, i + 1),
    }));
    this.w1 = view(ptrs.pW1, hidden);
    this.b1 = view(ptrs.pB1, hidden);
    this.w2 = view(ptrs.pW2, hidden);
    this.b2 = view(ptrs.pB2, 1);
    this.params = view(ptrs.pW1, (ptrs.pB2 - ptrs.pW1) / 4 + 1);
    this.gw1 = view(ptrs.pGW1, hidden);
    this.gb1 = view(ptrs.pGB1, hidden);
    this.gw2 = view(ptrs.pGW2, hidden);
    this.gb2 = view(ptrs.pGB2, 1);
    this.gridX = view(this.gridPtr, grid.length);
    this.gridX.set(grid);
    this.gridOut = view(this.gridOutPtr, grid.length);
  }

  /** One full-batch step on every thread; returns the loss before the update. Allocates nothing once attached. */
  step(learningRate: number): number {
    const pool = this.pool;
    pool.attach(this, this.helpers);
    pool.startStep();
    try {
      this.grads(this.lo, this.hi);
    } finally {
      // Never start another step while a helper is still in this one.
      pool.finishStep();
    }
    return this.apply(learningRate, this.threads, this.stride);
  }

  /** Loss of the current parameters, on this thread alone (the one-thread step without training). */
  loss(): number {
    return this.stepFn(0, 0);
  }

  parametersFinite(): boolean {
    return Number.isFinite(this.paramSumFn());
  }

  curve(out: Float32Array): void {
    this.predictFn(this.gridPtr, this.gridOutPtr, roundUp(this.gridX.length, LANES));
    out.set(this.gridOut);
  }
}
