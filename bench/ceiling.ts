/**
 * This machine's WebAssembly SIMD ceiling: f32x4 multiply-then-add chains (SIMD128), or
 * relaxed SIMD's fused multiply-add chains, enough of them independent to hide the
 * latency, so the core's vector pipes stay full. The module is hand-assembled here (a loop
 * of CHAINS `acc = acc * m + c`), with no memory traffic, so the figure is pure arithmetic
 * throughput.
 */
import wabtInit from 'wabt';

/**
 * Independent chains: mul and add latency (3 + 3 cycles) times 2 mul + 2 add pipes; fused,
 * 4 cycles times 2 FMA pipes needs only 8, and 12 still fit x64's 16 vector registers.
 */
export const CHAINS = 12;
/** Floating-point operations per chain per iteration: 4 lanes x (mul + add). */
const FLOPS_PER_CHAIN = 8;

function ceilingWat(chains: number, fused: boolean): string {
  const ids = Array.from({ length: chains }, (_, i) => i);
  const locals = ids.map((i) => `(local $a${i} v128)`).join(' ');
  const init = ids
    .map((i) => `(local.set $a${i} (f32x4.splat (f32.const ${1 + i / 100})))`)
    .join('\n');
  const madd = (i: number) =>
    fused
      ? `(f32x4.relaxed_madd (local.get $a${i}) (local.get $m) (local.get $c))`
      : `(f32x4.add (f32x4.mul (local.get $a${i}) (local.get $m)) (local.get $c))`;
  const body = ids.map((i) => `(local.set $a${i} ${madd(i)})`).join('\n');
  const sum = ids.map((i) => `(local.get $a${i})`).reduce((s, v) => `(f32x4.add ${s} ${v})`);
  return `(module (func (export "run") (param $n i32) (result f32) ${locals} (local $m v128) (local $c v128)
    (local.set $m (f32x4.splat (f32.const 0.999))) (local.set $c (f32x4.splat (f32.const 0.001)))
    ${init}
    (loop $l ${body} (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32x4.extract_lane 0 ${sum})))`;
}

/** The ceiling loop, compiled: run(iterations) and the floating-point operations one iteration does. */
export interface CeilingLoop {
  run: (iterations: number) => number;
  flopsPerIteration: number;
}

/** Compiles the ceiling loop (fused: relaxed_madd chains, which needs relaxed SIMD here). */
export async function ceilingLoop(fused: boolean): Promise<CeilingLoop> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('ceiling.wat', ceilingWat(CHAINS, fused), {
    simd: true,
    relaxed_simd: fused,
  });
  const bytes = mod.toBinary({}).buffer;
  mod.destroy();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(bytes)), {});
  return {
    run: instance.exports.run as (n: number) => number,
    flopsPerIteration: CHAINS * FLOPS_PER_CHAIN,
  };
}

/** Median GFLOP/s of `repeats` timed runs of about `seconds` each (fused: relaxed_madd chains). */
export async function measureCeiling(fused = false, repeats = 7, seconds = 0.2): Promise<number> {
  const { run, flopsPerIteration } = await ceilingLoop(fused);
  run(1e6); // warm up and tier up
  let iterations = 1e6;
  for (;;) {
    const t = performance.now();
    run(iterations);
    const dt = (performance.now() - t) / 1000;
    if (dt > seconds / 2) {
      iterations = Math.round((iterations * seconds) / dt);
      break;
    }
    iterations *= 4;
  }
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    run(iterations);
    rates.push((iterations * flopsPerIteration) / ((performance.now() - t) / 1000) / 1e9);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}
