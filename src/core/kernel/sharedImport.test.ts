import { describe, expect, it } from 'vitest';
import { denseSharedModule } from './denseRuntime';
import { instantiateOn, sharedMemory } from './wasmRuntime';
import { withSharedMemoryImport } from './sharedImport';

/** (module (import "env" "memory" (memory 1)) (func (export "size") (result i32) memory.size)) */
const PLAIN = Uint8Array.of(
  0,
  97,
  115,
  109,
  1,
  0,
  0,
  0,
  1,
  5,
  1,
  96,
  0,
  1,
  127,
  2,
  15,
  1,
  3,
  101,
  110,
  118,
  6,
  109,
  101,
  109,
  111,
  114,
  121,
  2,
  0,
  1,
  3,
  2,
  1,
  0,
  7,
  8,
  1,
  4,
  115,
  105,
  122,
  101,
  0,
  0,
  10,
  6,
  1,
  4,
  0,
  63,
  0,
  11,
);

describe('withSharedMemoryImport', () => {
  it('declares the memory import shared, up to 65536 pages, and leaves the rest as it was', () => {
    const shared = withSharedMemoryImport(PLAIN);
    // The import section grows by the maximum’s three bytes (the flags stay one byte).
    expect([...shared.subarray(15, 17)]).toEqual([2, 18]);
    expect([...shared.subarray(29, 35)]).toEqual([2, 3, 1, 0x80, 0x80, 0x04]);
    expect([...shared.subarray(35)]).toEqual([...PLAIN.subarray(32)]);
    const memory = sharedMemory(3 * 65536);
    expect(memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    const module = new WebAssembly.Module(shared);
    expect((instantiateOn(module, memory).size as () => number)()).toBe(3);
    // The plain build refuses a shared memory.
    expect(() => instantiateOn(new WebAssembly.Module(PLAIN), memory)).toThrow();
  });

  it('makes both dense builds instantiable on a shared memory', () => {
    for (const build of ['relaxed', 'simd128'] as const) {
      const exports = instantiateOn(denseSharedModule(build), sharedMemory(1 << 20));
      expect(typeof exports.dense_forward).toBe('function');
    }
  });

  it('says so when the module has no memory import', () => {
    expect(() => withSharedMemoryImport(PLAIN.subarray(0, 15))).toThrow(/no import section/);
  });
});
