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
  type KernelPointer,
  type KernelSize,
} from './kernelLayout.generated';
import { instantiateOn, sharedKernelModule, sharedMemory, type KernelBuild } from './wasmRuntime';
import {
  ALIGN_BYTES,
  exported,
  gridPointers,
  paddedSamples,
  roundUp,
  TutorialKernel,
} from './tutorialKernel';

type Fn = (...args: number[]) => number;

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

export class SplitKernel extends TutorialKernel {
  readonly threads: number;
  private readonly pool: ThreadPool;
  private readonly grads: Fn;
  private readonly apply: Fn;
  private readonly stepFn: Fn;
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
    pool: ThreadPool,
    build: KernelBuild,
  ) {
    const n = x.length;
    const np = paddedSamples(n);
    const hp = roundUp(hidden, LANES);
    const threads = pool.threads;
    const { ptrs, stride, end } = layOut(np, hp, threads);
    const { gridPtr, gridOutPtr, bytes } = gridPointers(end, grid.length);
    const module = sharedKernelModule(build);
    const memory = sharedMemory(bytes);
    const sizes: Record<KernelSize, number> = { n, np, h: hidden, hp };
    const args = (t: number) => [
      ...KERNEL_SIZES.map((k) => sizes[k]),
      ...KERNEL_BUFFERS.map((b) => ptrs[b.name] + (b.thread ? t * stride : 0)),
    ];
    const exports = instantiateOn(module, memory);
    exported(exports, 'configure')(...args(0));
    // The gradient views are thread 0's accumulators, which apply_ leaves summed and finished.
    super({ memory, exports, ptrs, hidden, x, y, grid, gridPtr, gridOutPtr, activation });
    this.pool = pool;
    this.threads = threads;
    this.stride = stride;
    this.grads = exported(exports, `grads_${activation}`);
    this.apply = exported(exports, `apply_${activation}`);
    this.stepFn = exported(exports, `step_${activation}`);
    ({ lo: this.lo, hi: this.hi } = sampleRange(np, threads, 0));
    this.helpers = Array.from({ length: threads - 1 }, (_, i) => ({
      type: 'attach',
      module,
      memory,
      configure: args(i + 1),
      grads: `grads_${activation}`,
      ...sampleRange(np, threads, i + 1),
    }));
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
}
