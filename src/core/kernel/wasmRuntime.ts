/**
 * The little of the WebAssembly JS API the kernel needs, typed here because the core's
 * lib (ES2022, no DOM) does not declare it. Found on globalThis at run time, so the same
 * code runs in the worker, the page, Node and Vitest.
 */
import {
  KERNEL_RELAXED_WASM_BASE64,
  KERNEL_SHARED_MEMORY_PATCH,
  KERNEL_WASM_BASE64,
} from './kernelWasm.generated';
import { decodeBase64 } from './base64';

export interface WasmMemory {
  /** A SharedArrayBuffer for a shared memory. */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
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
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
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

const sharedCompiled: Partial<Record<KernelBuild, WasmModule>> = {};

/**
 * A build of the kernel importing a shared memory (the bytes patched as build-kernel.mjs
 * describes), for the step split across threads; compiled once per realm.
 */
export function sharedKernelModule(build: KernelBuild = bestKernelBuild()): WasmModule {
  kernelModule(build);
  return (sharedCompiled[build] ??= new (wasmApi()!.Module)(sharedBytes(build)));
}

function sharedBytes(build: KernelBuild): Uint8Array {
  const plain = decodeBase64(BASE64[build]);
  const { at, remove, insert } = KERNEL_SHARED_MEMORY_PATCH;
  const patch = decodeBase64(insert);
  const out = new Uint8Array(plain.length - remove + patch.length);
  out.set(plain.subarray(0, at));
  out.set(patch, at);
  out.set(plain.subarray(at + remove), at + patch.length);
  return out;
}

/**
 * Whether this realm can share a memory between threads: SharedArrayBuffer exists (in a
 * page, only when it is cross-origin isolated) and a shared WebAssembly memory can be made.
 */
export function sharedMemorySupported(): boolean {
  if (typeof SharedArrayBuffer !== 'function' || !simdSupported()) return false;
  try {
    return (
      new (wasmApi()!.Memory)({ initial: 1, maximum: 1, shared: true }).buffer instanceof
      SharedArrayBuffer
    );
  } catch {
    return false;
  }
}

/** A shared memory of at least `bytes` bytes, which cannot grow (no thread's views go stale). */
export function sharedMemory(bytes: number): WasmMemory {
  const pages = Math.ceil(bytes / WASM_PAGE_BYTES);
  return new (wasmApi()!.Memory)({ initial: pages, maximum: pages, shared: true });
}

/** An instance of a module on a memory made elsewhere (a shared one). */
export function instantiateOn(module: WasmModule, memory: WasmMemory): WasmExports {
  return new (wasmApi()!.Instance)(module, { env: { memory } }).exports;
}
