/**
 * `npm run bench -- --pipes`: throughput of the f32x4 operations the kernel is made of,
 * alone and added to loops that keep one pair of execution pipes busy, as this core runs
 * them from WebAssembly. Chains are independent (enough of them to hide latency, few enough
 * to stay in x64's 16 vector registers), so the figures are issue throughput: an operation
 * that shares a loop's pipes makes it longer, one on other pipes does not. This is how
 * docs/kernel.md's account of the kernel's limits was measured, and it reruns anywhere.
 */
import wabtInit from 'wabt';

/** One step of a chain: the operation applied to accumulator `a` (operands $m, $c). */
const OPS: Record<string, (a: string) => string> = {
  relaxed_madd: (a) => `(f32x4.relaxed_madd ${a} (local.get $m) (local.get $c))`,
  mul: (a) => `(f32x4.mul ${a} (local.get $m))`,
  add: (a) => `(f32x4.add ${a} (local.get $c))`,
  pmax: (a) => `(f32x4.pmax ${a} (local.get $c))`,
  'f32x4.gt': (a) => `(f32x4.gt ${a} (local.get $c))`,
  'i32x4.gt_s': (a) => `(i32x4.gt_s ${a} (local.get $c))`,
  and: (a) => `(v128.and ${a} (local.get $m))`,
  div: (a) => `(f32x4.div ${a} (local.get $m))`,
};

/**
 * A loop: for each entry, `chains` independent chains of the operation, each applying it
 * `depth` times per iteration. At most 12 chains in all, so they and the 2 operands stay in
 * x64's 16 vector registers (V8 keeps one spare).
 */
type Loop = readonly (readonly [op: string, chains: number, depth: number])[];

/**
 * The two full loops: 10 chains, each 2 operations deep per iteration, keep 2 pipes busy
 * (20 operations, 10 cycles an iteration) with room to spare over a chain's latency (8
 * cycles fused, 6 add), so the loop is bound by its pipes and not by its chains; and any
 * added chain but a division's finishes within an iteration too.
 */
const FMA_LOOP: Loop = [['relaxed_madd', 10, 2]];
const ADD_LOOP: Loop = [['add', 10, 2]];
/** Chains added to a full loop (2, each 2 deep): on the same pipes they make it 1.2x as long. */
const EXTRA: (op: string) => Loop[number] = (op) => [op, 2, 2];
/** Operations whose latency passes the full loops' iteration: timed alone only. */
const ALONE_ONLY = new Set(['div']);

function loopWat(loop: Loop): string {
  const chains = loop.flatMap(([op, count, depth]) =>
    Array.from({ length: count }, () => ({ op, depth })),
  );
  const ids = chains.map((_, i) => i);
  const step = (i: number) => {
    let a = `(local.get $a${i})`;
    for (let d = 0; d < chains[i]!.depth; d++) a = OPS[chains[i]!.op]!(a);
    return `(local.set $a${i} ${a})`;
  };
  // m = 1 + 2^-23: repeated multiplies and divisions by it stay in the normal range for the
  // whole run (by 0.999, products went subnormal, which some cores handle in microcode).
  return `(module (func (export "run") (param $n i32) (result f32) ${ids.map((i) => `(local $a${i} v128)`).join(' ')} (local $m v128) (local $c v128)
    (local.set $m (f32x4.splat (f32.const 1.00000012))) (local.set $c (f32x4.splat (f32.const 0.001)))
    ${ids.map((i) => `(local.set $a${i} (f32x4.splat (f32.const ${1 + i / 100})))`).join(' ')}
    (loop $l ${ids.map(step).join(' ')}
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32x4.extract_lane 0 ${ids.map((i) => `(local.get $a${i})`).reduce((s, v) => `(f32x4.add ${s} ${v})`)})))`;
}

/** Nanoseconds per iteration of a loop: the median of 5 runs of 2 million iterations. */
async function nsPerIteration(loop: Loop): Promise<number> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('pipes.wat', loopWat(loop), { simd: true, relaxed_simd: true });
  const bytes = Uint8Array.from(mod.toBinary({}).buffer);
  mod.destroy();
  const run = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports.run as (
    n: number,
  ) => number;
  // Warm-up calls: optimised code replaces the baseline compiler's only from a later call.
  const warm = performance.now();
  while (performance.now() - warm < 50) run(1e5);
  const iterations = 2e6;
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    run(iterations);
    times.push(((performance.now() - t) * 1e6) / iterations);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/**
 * Prints, for each operation, its throughput alone (1.00 = as many per second as fused
 * multiply-adds) and how much longer each full loop takes with its chains added.
 */
export async function printPipes(): Promise<void> {
  const fmaNs = await nsPerIteration(FMA_LOOP);
  const addNs = await nsPerIteration(ADD_LOOP);
  const fmaOps = FMA_LOOP[0]![1] * FMA_LOOP[0]![2];
  console.log(
    'f32x4 operations: throughput alone (1.00 = as many per second as fused multiply-adds), and how',
  );
  console.log(
    'much longer a loop that fills the fused multiply-add pipes, or the add pipes, takes with 2 chains of',
  );
  console.log('the operation added: 1.00 if it runs on other pipes, 1.20 if it shares theirs.');
  console.log(`Fused multiply-adds alone: ${(fmaOps / fmaNs).toFixed(2)} G/s.`);
  console.log(
    `  ${'operation'.padEnd(14)} ${'alone'.padStart(6)} ${'+ to fused'.padStart(11)} ${'+ to add'.padStart(9)}`,
  );
  for (const op of Object.keys(OPS)) {
    const alone = fmaNs / (await nsPerIteration([[op, FMA_LOOP[0]![1], FMA_LOOP[0]![2]]]));
    const added = async (base: Loop, baseNs: number) =>
      ALONE_ONLY.has(op) ? '—' : ((await nsPerIteration([...base, EXTRA(op)])) / baseNs).toFixed(2);
    console.log(
      `  ${op.padEnd(14)} ${alone.toFixed(2).padStart(6)} ${(await added(FMA_LOOP, fmaNs)).padStart(11)} ${(await added(ADD_LOOP, addNs)).padStart(9)}`,
    );
  }
  console.log(
    "  (—: a division's latency is longer than the loops' iteration, so its chains would bound them whatever pipe it used)",
  );
}
