/**
 * What the tutorial's 1 -> H -> 1 kernels share, on one thread (fusedKernel.ts) or split
 * across threads (splitKernel.ts): the data written into the kernel's memory once, the
 * parameter and gradient views the engine reads and writes, and the curve on the grid.
 * The two differ only in where the buffers sit and how a step runs.
 */
import {
  KERNEL_LANES as LANES,
  type KernelActivation,
  type KernelExport,
  type KernelPointer,
} from './kernelLayout.generated';
import type { WasmExports, WasmMemory } from './wasmRuntime';

/** Every buffer starts on a cache line (and a split step's per-thread buffers never share one). */
export const ALIGN_BYTES = 64;

export const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;

type Fn = (...args: number[]) => number;

export function exported<T = Fn>(exports: WasmExports, name: KernelExport): T {
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`the training kernel has no export "${name}"`);
  return fn as T;
}

/** N padded to whole vectors, at least one (masked) vector, so no data (N = 0) still lays out valid buffers. */
export const paddedSamples = (n: number) => Math.max(roundUp(n, LANES), LANES);

/** The grid's input and output buffers, after the kernel's own buffers end. */
export function gridPointers(end: number, gridLength: number) {
  const gridPtr = end;
  const gridOutPtr = roundUp(end + roundUp(gridLength, LANES) * 4, ALIGN_BYTES);
  return { gridPtr, gridOutPtr, bytes: gridOutPtr + roundUp(gridLength, LANES) * 4 };
}

/** Where the shared buffers are and what the data and grid are. */
export interface TutorialKernelSetup {
  readonly memory: WasmMemory;
  readonly exports: WasmExports;
  /** The shared buffers' addresses (thread 0's for per-thread ones: the summed gradients). */
  readonly ptrs: Record<KernelPointer, number>;
  readonly hidden: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly grid: Float32Array;
  readonly gridPtr: number;
  readonly gridOutPtr: number;
  /** The activation the predict_ export is named after. */
  readonly activation: KernelActivation;
}

export abstract class TutorialKernel {
  /** Parameters and last-step gradients, views of the kernel's memory (length H, or 1 for b2). */
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: Float32Array;
  /** w1, b1, w2 and b2 with the padding between them, one contiguous view: saved and restored whole. */
  readonly params: Float32Array;
  readonly gw1: Float32Array;
  readonly gb1: Float32Array;
  readonly gw2: Float32Array;
  readonly gb2: Float32Array;
  /** Points the curve is evaluated at, and its values, in the kernel's memory. */
  private readonly gridX: Float32Array;
  private readonly gridOut: Float32Array;
  private readonly gridPtr: number;
  private readonly gridOutPtr: number;
  private readonly predictFn: Fn;
  private readonly paramSumFn: Fn;

  /** Call after configure(): measureX reads the data written here. */
  protected constructor(s: TutorialKernelSetup) {
    const { ptrs, hidden, x, y, grid, exports } = s;
    const view = (ptr: number, length: number) => new Float32Array(s.memory.buffer, ptr, length);
    const n = x.length;
    view(ptrs.pX, n).set(x);
    view(ptrs.pY, n).set(y);
    view(ptrs.pM, n).fill(1); // padded samples keep weight 0
    // max |x|, with which each step checks whether its activation's input clamp can be
    // skipped (clampBound in scripts/kernel/activations.mjs); x never changes after this.
    exported(exports, 'measureX')();
    this.w1 = view(ptrs.pW1, hidden);
    this.b1 = view(ptrs.pB1, hidden);
    this.w2 = view(ptrs.pW2, hidden);
    this.b2 = view(ptrs.pB2, 1);
    this.params = view(ptrs.pW1, (ptrs.pB2 - ptrs.pW1) / 4 + 1);
    this.gw1 = view(ptrs.pGW1, hidden);
    this.gb1 = view(ptrs.pGB1, hidden);
    this.gw2 = view(ptrs.pGW2, hidden);
    this.gb2 = view(ptrs.pGB2, 1);
    this.gridPtr = s.gridPtr;
    this.gridOutPtr = s.gridOutPtr;
    this.gridX = view(s.gridPtr, grid.length);
    this.gridX.set(grid);
    this.gridOut = view(s.gridOutPtr, grid.length);
    this.predictFn = exported(exports, `predict_${s.activation}`);
    this.paramSumFn = exported(exports, 'paramSum');
  }

  /** True when every parameter is finite after the last step. */
  parametersFinite(): boolean {
    return Number.isFinite(this.paramSumFn());
  }

  /** The network's output at each grid point (the grid given at construction) into out. */
  curve(out: Float32Array): void {
    this.predictFn(this.gridPtr, this.gridOutPtr, roundUp(this.gridX.length, LANES));
    out.set(this.gridOut);
  }
}
