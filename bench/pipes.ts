/**
 * `npm run bench -- --pipes`: throughput of the f32x4 operations the kernel is made of,
 * alone and in pairs, as this core runs them from WebAssembly. Each loop keeps CHAINS
 * independent chains of one operation (enough to hide its latency, few enough to stay in
 * x64's 16 vector registers), so the figure is issue throughput. Two operations that share
 * execution pipes run no faster together than either alone; two on separate pipes add up.
 * This is how the README's account of the kernel's limits was measured (which operations
 * compete for which pipes), and it reruns anywhere.
 */
import wabtInit from 'wabt';

/** One step of a chain: the operation applied to accumulator `a` (operands $m, $c). */
const OPS: Record<string, (a: string) => string> = {
  'relaxed_madd': (a) => `(f32x4.relaxed_madd ${a} (local.get $m) (local.get $c))`,
  mul: (a) => `(f32x4.mul ${a} (local.get $m))`,
  add: (a) => `(f32x4.add ${a} (local.get $c))`,
  pmax: (a) => `(f32x4.pmax ${a} (local.get $c))`,
  'f32x4.gt': (a) => `(f32x4.gt ${a} (local.get $c))`,
  'i32x4.gt_s': (a) => `(i32x4.gt_s ${a} (local.get $c))`,
  and: (a) => `(v128.and ${a} (local.get $m))`,
  div: (a) => `(f32x4.div ${a} (local.get $m))`,
};

/**
 * A loop: `chains` independent chains of each operation. At most 13 chains in all, so they
 * and the 2 operands stay in x64's 16 vector registers (V8 keeps one spare).
 */
type Loop = readonly (readonly [op: string, chains: number])[];

/** Chains that keep 2 pipes busy: latency (4 cycles fused, 3 add) times 2. */
const FMA_CHAINS = 8;
const ADD_CHAINS = 6;
/** Chains of the operation added to a full loop: if it shares that loop's pipes, 4 more make the loop 1.5x (fused) or 1.67x (add) as long. */
const EXTRA_CHAINS = 4;

function loopWat(loop: Loop): string {
  const ops = loop.flatMap(([op, chains]) => Array<string>(chains).fill(op));
  const ids = ops.map((_, i) => i);
  return `(module (func (export "run") (param $n i32) (result f32) ${ids.map((i) => `(local $a${i} v128)`).join(' ')} (local $m v128) (local $c v128)
    (local.set $m (f32x4.splat (f32.const 0.999))) (local.set $c (f32x4.splat (f32.const 0.001)))
    ${ids.map((i) => `(local.set $a${i} (f32x4.splat (f32.const ${1 + i / 100})))`).join(' ')}
    (loop $l ${ops.map((op, i) => `(local.set $a${i} ${OPS[op]!(`(local.get $a${i})`)})`).join(' ')}
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32x4.extract_lane 0 ${ids.map((i) => `(local.get $a${i})`).reduce((s, v) => `(f32x4.add ${s} ${v})`)})))`;
}

/** Nanoseconds per iteration of a loop: the median of 5 runs of 2 million iterations. */
async function nsPerIteration(loop: Loop): Promise<number> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('pipes.wat', loopWat(loop), { simd: true, relaxed_simd: true });
  const bytes = Uint8Array.from(mod.toBinary({}).buffer);
  mod.destroy();
  const run = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports.run as (n: number) => number;
  run(1e5);
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
 * Prints, for each operation, its throughput alone (in fused multiply-adds' terms: 1.0 is
 * as many per second), and how much longer a loop that keeps the fused multiply-add pipes
 * busy, or the add pipes, takes with EXTRA_CHAINS chains of it added.
 */
export async function printPipes(): Promise<void> {
  const fmaLoop: Loop = [['relaxed_madd', FMA_CHAINS]];
  const addLoop: Loop = [['add', ADD_CHAINS]];
  const fmaNs = await nsPerIteration(fmaLoop);
  const addNs = await nsPerIteration(addLoop);
  const perFma = fmaNs / FMA_CHAINS;
  console.log(`f32x4 operations: throughput alone (${FMA_CHAINS} chains; 1.00 = as many as fused multiply-adds),`);
  console.log(`and the time of a loop that fills the fused multiply-add pipes (${FMA_CHAINS} chains) or the add pipes`);
  console.log(`(${ADD_CHAINS} chains) with ${EXTRA_CHAINS} chains of the operation added: about 1.0 if it runs on other pipes,`);
  console.log(`1.5 (fused) or 1.67 (add) if it shares theirs. Fused multiply-add alone: ${(FMA_CHAINS / fmaNs).toFixed(2)} G/s.`);
  console.log(`  ${'operation'.padEnd(14)} ${'alone'.padStart(6)} ${'+ to fused'.padStart(11)} ${'+ to add'.padStart(9)}`);
  for (const op of Object.keys(OPS)) {
    const alone = perFma / ((await nsPerIteration([[op, FMA_CHAINS]])) / FMA_CHAINS);
    const withFma = (await nsPerIteration([...fmaLoop, [op, EXTRA_CHAINS]])) / fmaNs;
    const withAdd = (await nsPerIteration([...addLoop, [op, EXTRA_CHAINS]])) / addNs;
    console.log(`  ${op.padEnd(14)} ${alone.toFixed(2).padStart(6)} ${withFma.toFixed(2).padStart(11)} ${withAdd.toFixed(2).padStart(9)}`);
  }
}
