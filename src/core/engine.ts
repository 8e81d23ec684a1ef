/**
 * Which implementation trains a run: the fused WebAssembly kernel or the TypeScript core,
 * and which build of the kernel. Decided once, when the run is built.
 */
import type { ModelConfig } from './config';
import type { Dataset } from './dataset';
import type { TrainingEngine } from './engines/engine';
import { KernelEngine } from './engines/kernelEngine';
import { TsEngine } from './engines/tsEngine';
import { KERNEL_ACTIVATIONS as KERNEL_ACTIVATION_NAMES } from './kernel/kernelLayout.generated';
import type { Network } from './network';
import type { ThreadPool } from './threads/pool';
import {
  bestKernelBuild,
  kernelBuildSupported,
  simdSupported,
  type KernelBuild,
} from './kernel/wasmRuntime';

/**
 * Which implementation trains: 'wasm' the fused WebAssembly SIMD kernel (the tutorial's
 * 1 -> H -> 1 shape), 'ts' the generic layered TypeScript core (its reference and fallback).
 * The engines themselves are in ./engines.
 */
export type Engine = 'wasm' | 'ts';

export interface EngineOptions {
  /** 'auto' (default): the kernel when the runtime has WebAssembly SIMD, else the TS core. */
  engine?: Engine | 'auto';
  /** Which build of the kernel the 'wasm' engine runs (default: the best one here). */
  kernel?: KernelBuild;
  /**
   * Helper threads the kernel splits large steps across (docs/threads.md); none (the
   * default) trains on the calling thread alone.
   */
  pool?: ThreadPool | null;
}

/** The engine 'auto' resolves to here. */
export function defaultEngine(): Engine {
  return simdSupported() ? 'wasm' : 'ts';
}

/** The kernel's activations (as generated); any other trains on the TS core. */
const KERNEL_ACTIVATIONS: ReadonlySet<string> = new Set(KERNEL_ACTIVATION_NAMES);

/** Whether the fused kernel trains this network: one hidden layer, an activation it implements. */
export function kernelSupports(model: Pick<ModelConfig, 'layers' | 'activation'>): boolean {
  return model.layers.length === 1 && KERNEL_ACTIVATIONS.has(model.activation);
}

/**
 * The engine and kernel build a run of this model trains on. Throws when the kernel, or a
 * build of it, was asked for by name and this runtime cannot run it.
 */
export function chooseEngine(
  model: Pick<ModelConfig, 'layers' | 'activation'>,
  options: EngineOptions,
): { engine: Engine; kernelBuild: KernelBuild | null } {
  const requested = options.engine ?? 'auto';
  const resolved = requested === 'auto' ? defaultEngine() : requested;
  // Networks the kernel does not implement train on the TS core, whatever was asked for.
  const engine = resolved === 'wasm' && !kernelSupports(model) ? 'ts' : resolved;
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

/** The engine chosen (chooseEngine) for this network, its training points and curve grid. */
export function createEngine(
  net: Network,
  train: Dataset,
  grid: Float32Array,
  kernelBuild: KernelBuild | null,
  pool: ThreadPool | null = null,
): TrainingEngine {
  return kernelBuild
    ? new KernelEngine(net, train, grid, kernelBuild, pool)
    : new TsEngine(net, train, grid);
}
