// Shared builders of the kernel's WebAssembly text: the memory layout's globals, the
// locals that hoist them, and small i32/shuffle helpers (see generate.mjs).

/** Samples per block: the stored activations of a block (BLOCK x H floats) stay in L2. */
export const BLOCK = 32;
/**
 * Samples per block when BLOCK's would store more than SCRATCH_BYTES: a smaller block keeps
 * its stored values in cache, at the price of paying the fixed cost per block (the
 * backward's accumulators loaded and stored) twice as often, so it is taken only for large H.
 * The two sizes have their own forward and backward functions, since a block's layout
 * strides by its size (BLOCK's stride with half the samples leaves each row half used).
 * Measurements: docs/kernel.md.
 */
export const SMALL_BLOCK = 16;
export const SCRATCH_BYTES = 256 * 1024;
// SCRATCH: a block's stored values, unit-vector-major: the 4 units at byte offset j of a
// parameter vector keep their `block` sample vectors contiguous at j * block. The backward
// then streams each unit vector's samples from consecutive addresses; sample-major rows
// (H floats apart: about 4 KB at H = 1000) put loads where they alias in L1 (docs/kernel.md).

/**
 * Whether the training forward stores something per (sample, unit) for the backward: a (and
 * for some act'). Piecewise-linear activations store nothing: their backward computes the
 * mask again (see backwardUnits in generate.mjs).
 */
export const stores = (act) => 'grad' in act;

/** Floats in one v128: samples and hidden units go 4 to a vector, padded to a multiple of 4. */
export const LANES = 4;
/**
 * The buffers configure() gets pointers to, in its parameter order (after SIZES), with their
 * lengths in floats: so many per padded hidden unit (hp) and per padded sample (np), plus a
 * fixed count. `thread`: each thread of a split step has its own (its accumulators, scratch
 * and sums); the others are shared by all threads (docs/threads.md). The TypeScript side
 * lays memory out from this table, which build-kernel.mjs writes to
 * src/core/kernel/kernelLayout.generated.ts.
 */
export const BUFFERS = {
  pW1: { hp: 1 },
  pB1: { hp: 1 },
  pW2: { hp: 1 },
  pB2: { fixed: LANES },
  pGW1: { hp: 1, thread: true },
  pGB1: { hp: 1, thread: true },
  pGW2: { hp: 1, thread: true },
  pGB2: { fixed: LANES, thread: true },
  pX: { np: 1 },
  pY: { np: 1 },
  pM: { np: 1 },
  pO: { np: 1 },
  // One record [d, x d, x, 0] per sample, for the backward pass.
  pS: { np: 4 },
  // A block's stored values (SCRATCH): BLOCK sample vectors per unit vector whatever N (a
  // SMALL_BLOCK block fits in the same room), then as many again for activations that store
  // their derivative too (storesGrad in activations.mjs).
  pA: { hp: 2 * BLOCK, thread: true },
  // w1 and b1 times an activation's input scale (inputScale in activations.mjs).
  pSW1: { hp: 1, thread: true },
  pSB1: { hp: 1, thread: true },
  // A thread's float64 sums over its samples for the split step: the loss, sum d, sum x d.
  pSums: { fixed: 8, thread: true },
};
/** Pointer globals set by configure(), in its parameter order. */
export const POINTERS = Object.keys(BUFFERS);
/** Size globals set by configure() before the pointers: N, N padded, H, H padded. */
export const SIZES = ['n', 'np', 'h', 'hp'];

export const g = (name) => `(global.get $${name})`;
/** A global read through a local copied at function entry (V8 reloads globals on every use). */
export const G = (name) => `(local.get $G${name})`;
const HOISTED = [...'n np h hp hb'.split(' '), ...POINTERS];
export const hoistDecl = HOISTED.map((k) => `(local $G${k} i32)`).join(' ');
export const hoistInit = HOISTED.map((k) => `(local.set $G${k} (global.get $${k}))`).join(' ');
export const L = (name) => `(local.get $${name})`;
/** Bytes from an activation in the scratch buffer to its stored derivative (storesGrad activations), in blocks of `block`. */
export const gradOffset = (block) => `(i32.mul ${G('hb')} (i32.const ${block}))`;
export const add = (a, b) => `(i32.add ${a} ${b})`;
export const i32 = (v) => `(i32.const ${v})`;

/** Declares v128 locals on first use, so snippets can ask for scratch registers freely. */
export class Locals {
  constructor() {
    this.v128 = new Set();
  }
  v(name) {
    this.v128.add(name);
    return `$${name}`;
  }
  decl() {
    return [...this.v128].map((n) => `(local $${n} v128)`).join(' ');
  }
}

/** The 4 lanes of f32x4 local `v` folded by a scalar f32 op: (op (op l0 l1) (op l2 l3)). */
export const fold4 = (op, v) => {
  const l = (i) => `(f32x4.extract_lane ${i} (local.get ${v}))`;
  return `(${op} (${op} ${l(0)} ${l(1)}) (${op} ${l(2)} ${l(3)}))`;
};
/** The sum of the 2 lanes of f64x2 local `v`. */
export const sum2 = (v) =>
  `(f64.add (f64x2.extract_lane 0 (local.get ${v})) (f64x2.extract_lane 1 (local.get ${v})))`;

/** Byte shuffle indices for 32-bit lanes (0-3 from the first operand, 4-7 from the second). */
export const lanes = (...ls) => ls.flatMap((l) => [0, 1, 2, 3].map((b) => l * 4 + b)).join(' ');

/**
 * After each update, a parameter smaller than this in magnitude is set to exactly 0, b2
 * included, in the kernel and in the TypeScript core alike (PARAM_FLUSH_BELOW in
 * src/core/train.ts must equal it): a unit shrinking toward 0 would otherwise compute with
 * float32 subnormals, which some CPUs handle very slowly, and WebAssembly has no
 * flush-to-zero mode. Why this bound, and what it costs: docs/kernel.md.
 */
export const FLUSH_BELOW = 2 ** -50;
