/**
 * The dense-layer kernels' module (scripts/kernel/dense.mjs, embedded by
 * scripts/build-kernel.mjs), in the same two builds as the fused kernel and chosen the same
 * way: relaxed SIMD where this runtime validates it, else plain SIMD128.
 */
import { DENSE_RELAXED_WASM_BASE64, DENSE_WASM_BASE64 } from './denseWasm.generated';
import { decodeBase64 } from './base64';
import { withSharedMemoryImport } from './sharedImport';
import { simdSupported, type KernelBuild, type WasmModule } from './wasmRuntime';

interface ModuleApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
}

const BASE64: Record<KernelBuild, string> = {
  relaxed: DENSE_RELAXED_WASM_BASE64,
  simd128: DENSE_WASM_BASE64,
};

const compiled: Partial<Record<KernelBuild, WasmModule>> = {};
let relaxedValid: boolean | undefined;

function api(): ModuleApi {
  return (globalThis as unknown as { WebAssembly: ModuleApi }).WebAssembly;
}

/** Whether this runtime can load this build of the dense module. */
export function denseBuildSupported(build: KernelBuild): boolean {
  if (!simdSupported()) return false;
  if (build === 'simd128') return true;
  relaxedValid ??= api().validate(decodeBase64(DENSE_RELAXED_WASM_BASE64));
  return relaxedValid;
}

/** A build of the dense module, compiled once per realm. */
export function denseModule(build: KernelBuild): WasmModule {
  if (!denseBuildSupported(build))
    throw new Error(`this runtime cannot run the ${build} dense WebAssembly kernel`);
  return (compiled[build] ??= new (api().Module)(decodeBase64(BASE64[build])));
}

const sharedCompiled: Partial<Record<KernelBuild, WasmModule>> = {};

/**
 * A build of the dense module importing a shared memory, for steps split across threads
 * (denseSplit.ts); compiled once per realm.
 */
export function denseSharedModule(build: KernelBuild): WasmModule {
  denseModule(build);
  return (sharedCompiled[build] ??= new (api().Module)(
    withSharedMemoryImport(decodeBase64(BASE64[build])),
  ));
}
