/**
 * Which implementation trains a run: the fused WebAssembly kernel (the tutorial's 1 -> H -> 1
 * with its default options), the dense WebAssembly kernels (deeper networks and every other
 * option) or the TypeScript core, and which build of the kernel. Decided when the run is
 * built; an options change may move a fused-kernel run to the dense kernels (core/run.ts).
 */
import type { ModelConfig } from './config';
import type { Dataset } from './dataset';
import type { TrainingEngine } from './engines/engine';
import { DenseEngine } from './engines/denseEngine';
import { KernelEngine } from './engines/kernelEngine';
import { TsEngine } from './engines/tsEngine';
import { KERNEL_ACTIVATIONS as KERNEL_ACTIVATION_NAMES } from './kernel/kernelLayout.generated';
import type { Network } from './network';
import type { TrainingEngine as EngineName } from './protocol';
import { denseBuildSupported, denseModule, denseSharedModule } from './kernel/denseRuntime';
import type { ThreadPool } from './threads/pool';
import {
  bestKernelBuild,
  kernelBuildSupported,
  sharedMemorySupported,
  simdSupported,
  type KernelBuild,
} from './kernel/wasmRuntime';

/**
 * Which implementation trains: 'wasm' a WebAssembly SIMD kernel (the fused one for the
 * tutorial's 1 -> H -> 1 shape, the dense ones for the rest), 'ts' the generic layered
 * TypeScript core (their reference and fallback). The engines themselves are in ./engines.
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

/** Which WebAssembly kernel: the fused 1 -> H -> 1 one, or the dense layers' (any depth and option). */
export type KernelKind = 'fused' | 'dense';

/** What trains a run: the engine, and for 'wasm' which kernel and build. */
export interface EngineChoice {
  engine: Engine;
  kernel: KernelKind | null;
  kernelBuild: KernelBuild | null;
}

/** The engine as frames and the command line name it: 'wasm-relaxed', 'wasm-dense-simd128', 'ts'. */
export function engineName(choice: EngineChoice): EngineName {
  if (choice.kernelBuild === null) return 'ts';
  return choice.kernel === 'dense'
    ? `wasm-dense-${choice.kernelBuild}`
    : `wasm-${choice.kernelBuild}`;
}

/** The dense kernels' build here: the one asked for, else relaxed where supported. */
function denseBuild(requested: KernelBuild | undefined): KernelBuild {
  return requested ?? (denseBuildSupported('relaxed') ? 'relaxed' : 'simd128');
}

/**
 * The engine, kernel and build a run of this model trains on: with 'wasm' (or 'auto' where
 * the runtime has WebAssembly SIMD) the fused kernel for the shape it implements, the dense
 * kernels for every other. Throws when WebAssembly SIMD, or a build, was asked for by name
 * and this runtime cannot run it.
 */
export function chooseEngine(
  model: Pick<ModelConfig, 'layers' | 'activation'>,
  options: EngineOptions,
): EngineChoice {
  const requested = options.engine ?? 'auto';
  const engine = requested === 'auto' ? defaultEngine() : requested;
  if (engine === 'ts') return { engine, kernel: null, kernelBuild: null };
  if (!simdSupported()) {
    throw new Error(
      'the WebAssembly SIMD engine was asked for, but this runtime has no WebAssembly SIMD',
    );
  }
  const kernel: KernelKind = kernelSupports(model) ? 'fused' : 'dense';
  const kernelBuild =
    kernel === 'fused' ? (options.kernel ?? bestKernelBuild()) : denseBuild(options.kernel);
  const supported =
    kernel === 'fused' ? kernelBuildSupported(kernelBuild) : denseBuildSupported(kernelBuild);
  if (!supported) {
    throw new Error(`the ${kernelBuild} kernel was asked for, but this runtime cannot run it`);
  }
  return { engine, kernel, kernelBuild };
}

/**
 * Where a run on the fused kernel goes when its options leave the tutorial's: the dense
 * kernels in the same build (they take every option), else the TS core.
 */
export function movedChoice(from: EngineChoice): EngineChoice {
  if (from.kernelBuild !== null && denseBuildSupported(from.kernelBuild))
    return { engine: 'wasm', kernel: 'dense', kernelBuild: from.kernelBuild };
  return { engine: 'ts', kernel: null, kernelBuild: null };
}

/** The engine chosen (chooseEngine) for this network, its training points and curve grid. */
export function createEngine(
  net: Network,
  train: Dataset,
  grid: Float32Array,
  choice: EngineChoice,
  pool: ThreadPool | null = null,
): TrainingEngine {
  const { kernel, kernelBuild } = choice;
  if (kernelBuild === null) return new TsEngine(net, train, grid);
  // Both kernels split their large steps across the pool's threads.
  if (kernel === 'fused') return new KernelEngine(net, train, grid, kernelBuild, pool);
  const threads =
    pool && sharedMemorySupported() ? { pool, module: denseSharedModule(kernelBuild) } : null;
  return new DenseEngine(net, train, grid, denseModule(kernelBuild), threads);
}
