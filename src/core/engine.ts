/**
 * Which implementation trains a run: the fused WebAssembly kernel or the TypeScript core,
 * and which build of the kernel. Decided once, when the run is built.
 */
import { KERNEL_ACTIVATIONS as KERNEL_ACTIVATION_NAMES } from './kernel/kernelLayout.generated';
import {
  bestKernelBuild,
  kernelBuildSupported,
  simdSupported,
  type KernelBuild,
} from './kernel/wasmRuntime';

/**
 * Which implementation trains: 'wasm' the fused WebAssembly SIMD kernel (the tutorial's
 * 1 -> H -> 1 shape), 'ts' the generic layered TypeScript core (its reference and fallback).
 */
export type Engine = 'wasm' | 'ts';

export interface EngineOptions {
  /** 'auto' (default): the kernel when the runtime has WebAssembly SIMD, else the TS core. */
  engine?: Engine | 'auto';
  /** Which build of the kernel the 'wasm' engine runs (default: the best one here). */
  kernel?: KernelBuild;
}

/** The engine 'auto' resolves to here. */
export function defaultEngine(): Engine {
  return simdSupported() ? 'wasm' : 'ts';
}

/** The kernel's activations (as generated); any other trains on the TS core. */
const KERNEL_ACTIVATIONS: ReadonlySet<string> = new Set(KERNEL_ACTIVATION_NAMES);

/** Whether the fused kernel implements an activation. */
export function kernelSupports(activation: string): boolean {
  return KERNEL_ACTIVATIONS.has(activation);
}

/**
 * The engine and kernel build a run with this activation trains on. Throws when the
 * kernel, or a build of it, was asked for by name and this runtime cannot run it.
 */
export function chooseEngine(
  activation: string,
  options: EngineOptions,
): { engine: Engine; kernelBuild: KernelBuild | null } {
  const requested = options.engine ?? 'auto';
  const resolved = requested === 'auto' ? defaultEngine() : requested;
  // Activations the kernel lacks train on the TS core, whatever was asked for.
  const engine = resolved === 'wasm' && !kernelSupports(activation) ? 'ts' : resolved;
  if (engine === 'wasm' && !simdSupported()) {
    throw new Error(
      'the WebAssembly SIMD engine was asked for, but this runtime has no WebAssembly SIMD',
    );
  }
  const kernelBuild = engine === 'wasm' ? (options.kernel ?? bestKernelBuild()) : null;
  if (kernelBuild && !kernelBuildSupported(kernelBuild)) {
    throw new Error(`the ${kernelBuild} kernel was asked for, but this runtime cannot run it`);
  }
  return { engine, kernelBuild };
}
