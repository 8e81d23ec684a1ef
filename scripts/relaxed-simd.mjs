// The Node flag that turns WebAssembly relaxed SIMD on, for the processes that test or time
// the kernel's relaxed build (Vitest's workers, the allocation probe, the benchmark). Node 20
// has relaxed SIMD behind --experimental-wasm-relaxed-simd; Node 22 and later have it on and
// reject the flag as a bad option, so it is passed only where it is needed.

export const RELAXED_SIMD_FLAG = '--experimental-wasm-relaxed-simd';

/** (module (func (result v128) (f32x4.relaxed_madd <three zero vectors>))), as wabt writes it. */
const PROBE = Uint8Array.of(
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
  61,
  1,
  59,
  0, // code section, one body of 59 bytes, no locals
  ...[0, 1, 2].flatMap(() => [253, 12, ...new Array(16).fill(0)]), // v128.const 0, three times
  253,
  133,
  2,
  11, // f32x4.relaxed_madd, end
);

/** Whether this process runs relaxed SIMD. */
export function relaxedSimdHere() {
  return WebAssembly.validate(PROBE);
}

/** Flags a child Node process needs for relaxed SIMD: none where Node has it on by default. */
export function relaxedSimdFlags() {
  const byDefault = relaxedSimdHere() && !process.execArgv.includes(RELAXED_SIMD_FLAG);
  return byDefault ? [] : [RELAXED_SIMD_FLAG];
}
