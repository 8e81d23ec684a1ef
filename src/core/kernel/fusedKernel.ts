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
  type KernelPointer,
  type KernelSize,
} from './kernelLayout.generated';
import { instantiateKernel, kernelModule, type WasmModule } from './wasmRuntime';
import {
  ALIGN_BYTES,
  exported,
  gridPointers,
  paddedSamples,
  roundUp,
  TutorialKernel,
} from './tutorialKernel';

type StepFn = (learningRate: number, train: number) => number;

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

export class FusedKernel extends TutorialKernel {
  private readonly stepFn: StepFn;
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
    const np = paddedSamples(n);
    const hp = roundUp(hidden, LANES);
    const { ptrs, end } = layOut(np, hp);
    const { gridPtr, gridOutPtr, bytes } = gridPointers(end, grid.length);
    const { memory, exports } = instantiateKernel(bytes, module);
    // configure() takes the sizes, then the pointers, in the generated order.
    const sizes: Record<KernelSize, number> = { n, np, h: hidden, hp };
    const args = [...KERNEL_SIZES.map((k) => sizes[k]), ...KERNEL_BUFFERS.map((b) => ptrs[b.name])];
    exported<(...args: number[]) => void>(exports, 'configure')(...args);
    super({ memory, exports, ptrs, hidden, x, y, grid, gridPtr, gridOutPtr, activation });
    this.stepFn = exported<StepFn>(exports, `step_${activation}`);
    this.clampSkippedFn = exported<() => number>(exports, 'clampSkipped');
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
}
