/**
 * The fused WebAssembly SIMD training step for the tutorial's 1 -> H -> 1 network with
 * full-batch SGD (scripts/kernel/generate.mjs writes it). Same semantics as trainStep in
 * ../train.ts, which is its reference and fallback.
 *
 * No allocation per step, by construction: every buffer lives in one WebAssembly memory
 * sized and laid out once here; step() passes two numbers and gets one back.
 */
import type { ActivationName } from '../activations';
import { instantiateKernel, kernelModule, type WasmExports, type WasmModule } from './wasmRuntime';

/** Samples are processed 4 to a vector and hidden units 4 to a vector. */
const LANES = 4;
/** Samples per block, as BLOCK in scripts/kernel/generate.mjs (sizes the scratch buffer). */
const BLOCK = 32;
/** Every buffer starts on a cache line. */
const ALIGN_BYTES = 64;

const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;

type StepFn = (learningRate: number, train: number) => number;
type PredictFn = (xPtr: number, outPtr: number, count: number) => void;

function exported<T>(exports: WasmExports, name: string): T {
  const fn = exports[name];
  if (typeof fn !== 'function') throw new Error(`the training kernel has no export "${name}"`);
  return fn as T;
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
    activation: ActivationName,
    grid: Float32Array,
    /** Which build of the kernel (kernelModule(build)); the best one here by default. */
    module: WasmModule = kernelModule(),
  ) {
    const n = x.length;
    // At least one (masked) vector, so no data (N = 0) still lays out valid buffers.
    const np = Math.max(roundUp(n, LANES), LANES);
    const hp = roundUp(hidden, LANES);
    const gp = roundUp(grid.length, LANES);
    let top = ALIGN_BYTES; // address 0 left unused
    const alloc = (floats: number) => {
      const ptr = top;
      top = roundUp(top + floats * 4, ALIGN_BYTES);
      return ptr;
    };
    const ptrs = {
      pW1: alloc(hp), pB1: alloc(hp), pW2: alloc(hp), pB2: alloc(LANES),
      pGW1: alloc(hp), pGB1: alloc(hp), pGW2: alloc(hp), pGB2: alloc(LANES),
      pX: alloc(np), pY: alloc(np), pM: alloc(np), pO: alloc(np),
      // One record [d, x d, x, 0] per sample, for the backward pass.
      pS: alloc(4 * np),
      // BLOCK sample vectors per unit vector, whatever N (the kernel strides by BLOCK, or by
      // SMALL_BLOCK for large H: see scripts/kernel/wat.mjs); then
      // as many again for activations that store their derivative too (storesGrad in
      // scripts/kernel/activations.mjs).
      pA: alloc(2 * BLOCK * hp),
      // w1 and b1 times an activation's input scale (inputScale in scripts/kernel/activations.mjs).
      pSW1: alloc(hp), pSB1: alloc(hp),
    };
    this.gridPtr = alloc(gp);
    this.gridOutPtr = alloc(gp);

    const { memory, exports } = instantiateKernel(top, module);
    const view = (ptr: number, length: number) => new Float32Array(memory.buffer, ptr, length);
    exported<(...args: number[]) => void>(exports, 'configure')(
      n, np, hidden, hp,
      ptrs.pW1, ptrs.pB1, ptrs.pW2, ptrs.pB2, ptrs.pGW1, ptrs.pGB1, ptrs.pGW2, ptrs.pGB2,
      ptrs.pX, ptrs.pY, ptrs.pM, ptrs.pO, ptrs.pS, ptrs.pA, ptrs.pSW1, ptrs.pSB1,
    );
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
