/**
 * The little of the WebAssembly JS API the kernel needs, typed here because the core's
 * lib (ES2022, no DOM) does not declare it. Found on globalThis at run time, so the same
 * code runs in the worker, the page, Node and Vitest.
 */
import { KERNEL_RELAXED_WASM_BASE64, KERNEL_WASM_BASE64 } from './kernelWasm.generated';
import { decodeBase64 } from './base64';

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export type WasmExports = Record<string, unknown>;
interface WasmInstance {
  readonly exports: WasmExports;
}
/** An opaque compiled module. */
export interface WasmModule {
  readonly __wasmModule?: never;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => WasmInstance;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

/** Bytes per WebAssembly memory page. */
export const WASM_PAGE_BYTES = 65536;

/** The smallest module using a SIMD instruction: (func (result v128) v128.const 0). */
const SIMD_PROBE = Uint8Array.of(
  0,
  97,
  115,
  109,
  1,
  0,
  0,
  0, // magic, version
  1,
  5,
  1,
  96,
  0,
  1,
  123, // type section: () -> v128
  3,
  2,
  1,
  0, // function section
  10,
  22,
  1,
  20,
  0,
  253,
  12,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  11, // code: v128.const 0
);

function wasmApi(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return api && typeof api.validate === 'function' ? api : null;
}

/** Whether this runtime has WebAssembly with SIMD128. */
export function simdSupported(): boolean {
  const api = wasmApi();
  if (!api) return false;
  try {
    return api.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * The kernel's two builds (scripts/build-kernel.mjs): 'relaxed' with relaxed SIMD's fused
 * multiply-add (f32x4.relaxed_madd: fewer instructions for the same arithmetic where the CPU
 * has FMA), 'simd128' plain SIMD128 for runtimes without relaxed SIMD. See docs/kernel.md.
 */
export type KernelBuild = 'relaxed' | 'simd128';

const BASE64: Record<KernelBuild, string> = {
  relaxed: KERNEL_RELAXED_WASM_BASE64,
  simd128: KERNEL_WASM_BASE64,
};

let relaxedValid: boolean | undefined;

/** Whether this runtime can load a build (relaxed SIMD: the build itself validates here). */
export function kernelBuildSupported(build: KernelBuild): boolean {
  if (!simdSupported()) return false;
  if (build === 'simd128') return true;
  relaxedValid ??= wasmApi()!.validate(decodeBase64(KERNEL_RELAXED_WASM_BASE64));
  return relaxedValid;
}

/** The build the kernel uses by default here: relaxed where supported. */
export function bestKernelBuild(): KernelBuild {
  return kernelBuildSupported('relaxed') ? 'relaxed' : 'simd128';
}

const compiled: Partial<Record<KernelBuild, WasmModule>> = {};

/** A build of the kernel, compiled once per realm (synchronously: it is small and runs off the page's thread). */
export function kernelModule(build: KernelBuild = bestKernelBuild()): WasmModule {
  const api = wasmApi();
  if (!api || !kernelBuildSupported(build))
    throw new Error(`this runtime cannot run the ${build} WebAssembly kernel`);
  return (compiled[build] ??= new api.Module(decodeBase64(BASE64[build])));
}

/**
 * A fresh instance of the kernel (by default its best build here) with its own memory of
 * `bytes` bytes.
 */
export function instantiateKernel(
  bytes: number,
  module: WasmModule = kernelModule(),
): { memory: WasmMemory; exports: WasmExports } {
  const api = wasmApi()!;
  const memory = new api.Memory({ initial: Math.ceil(bytes / WASM_PAGE_BYTES) });
  const instance = new api.Instance(module, { env: { memory } });
  return { memory, exports: instance.exports };
}
