/**
 * The fused WebAssembly SIMD training step for the tutorial's 1 -> H -> 1 network with
 * full-batch SGD (scripts/kernel/generate.mjs writes it). Same semantics as trainStep in
 * ../train.ts, which is its reference and fallback.
 *
 * No allocation per step, by construction: every buffer lives in one WebAssembly memory
 * sized and laid out once here; step() passes two numbers and gets one back. The layout
 * (which buffers, their sizes and configure()'s parameter order) and the export names come
 * from kernelLayout.generated.ts, which the generator writes beside the kernel itself.
 */
import {
  KERNEL_BUFFERS,
  KERNEL_LANES as LANES,
  KERNEL_SIZES,
  type KernelActivation,
  type KernelExport,
  type KernelPointer,
  type KernelSize,
} from './kernelLayout.generated';
import { instantiateKernel, kernelModule, type WasmExports, type WasmModule } from './wasmRuntime';

/** Every buffer starts on a cache line. */
const ALIGN_BYTES = 64;

const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;

type StepFn = (learningRate: number, train: number) => number;
type PredictFn = (xPtr: number, outPtr: number, count: number) => void;

function exported<T>(exports: WasmExports, name: KernelExport): T {
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`the training kernel has no export "${name}"`);
  return fn as T;
}

/**
 * Addresses of the kernel's buffers, laid out in the generated order (kernelLayout.generated.ts)
 * from byte ALIGN_BYTES (address 0 left unused), and the bytes used up to the end of the last.
 */
function layOut(np: number, hp: number): { ptrs: Record<KernelPointer, number>; end: number } {
  const ptrs = {} as Record<KernelPointer, number>;
  let top = ALIGN_BYTES;
  for (const buffer of KERNEL_BUFFERS) {
    ptrs[buffer.name] = top;
    top = roundUp(top + (buffer.hp * hp + buffer.np * np + buffer.fixed) * 4, ALIGN_BYTES);
  }
  return { ptrs, end: top };
}

export class FusedKernel {
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
  private readonly stepFn: StepFn;
  private readonly predictFn: PredictFn;
  private readonly paramSumFn: () => number;
  private readonly clampSkippedFn: () => number;

  constructor(
    x: Float32Array,
    y: Float32Array,
    hidden: number,
    activation: KernelActivation,
    grid: Float32Array,
    /** Which build of the kernel (kernelModule(build)); the best one here by default. */
    module: WasmModule = kernelModule(),
  ) {
    const n = x.length;
    // At least one (masked) vector, so no data (N = 0) still lays out valid buffers.
    const np = Math.max(roundUp(n, LANES), LANES);
    const hp = roundUp(hidden, LANES);
    const gp = roundUp(grid.length, LANES);
    const { ptrs, end } = layOut(np, hp);
    this.gridPtr = end;
    this.gridOutPtr = roundUp(end + gp * 4, ALIGN_BYTES);

    const { memory, exports } = instantiateKernel(this.gridOutPtr + gp * 4, module);
    const view = (ptr: number, length: number) => new Float32Array(memory.buffer, ptr, length);
    // configure() takes the sizes, then the pointers, in the generated order.
    const sizes: Record<KernelSize, number> = { n, np, h: hidden, hp };
    const args = [...KERNEL_SIZES.map((k) => sizes[k]), ...KERNEL_BUFFERS.map((b) => ptrs[b.name])];
    exported<(...args: number[]) => void>(exports, 'configure')(...args);
    this.stepFn = exported<StepFn>(exports, `step_${activation}`);
    this.predictFn = exported<PredictFn>(exports, `predict_${activation}`);
    this.paramSumFn = exported<() => number>(exports, 'paramSum');
    this.clampSkippedFn = exported<() => number>(exports, 'clampSkipped');

    view(ptrs.pX, n).set(x);
    view(ptrs.pY, n).set(y);
    view(ptrs.pM, n).fill(1); // padded samples keep weight 0
    // max |x|, with which each step checks whether its activation's input clamp can be
    // skipped (clampBound in scripts/kernel/activations.mjs); x never changes after this.
    exported<() => void>(exports, 'measureX')();
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

  /** One full-batch step; returns the loss before the update. Allocates nothing. */
  step(learningRate: number): number {
    return this.stepFn(learningRate, 1);
  }

  /** Loss of the current parameters, without touching them or the gradients. */
  loss(): number {
    return this.stepFn(0, 0);
  }

  /**
   * Whether the last step's forward pass went without its activation's input clamp, because
   * no input could reach it (clampBound in scripts/kernel/activations.mjs; tanh, sigmoid).
   */
  clampSkipped(): boolean {
    return this.clampSkippedFn() !== 0;
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
