// Prints the x64 machine code V8's optimizing compiler (TurboFan) makes of a kernel function:
//   node scripts/kernel-asm.mjs fwd_tanh_store [--plain] [--dense]
// (a name from scripts/kernel/generate.mjs: fwd_<act>, fwd_<act>_store, bwd_<act>,
// step_<act>; --plain for the SIMD128 build; --dense for the dense-layer module of
// scripts/kernel/dense.mjs, whose functions go by their export names, e.g.
// dense_weight_grad). Reading it is how the kernel's spills, dead
// loads and per-array address arithmetic were found: V8 has no disassembler in Node's
// release build, but --perf-prof writes every compiled function's bytes to a jitdump file
// (Linux perf's format), and binutils' objdump disassembles them. Needs objdump; x64 only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import wabtInit from 'wabt';
import { generateDenseWat } from './kernel/dense.mjs';
import { generateWat } from './kernel/generate.mjs';
import { relaxedSimdFlags } from './relaxed-simd.mjs';

const [wanted, ...flags] = process.argv.slice(2);
if (!wanted) {
  console.error('usage: node scripts/kernel-asm.mjs <function, e.g. bwd_relu> [--plain]');
  process.exit(2);
}
const relaxedMadd = !flags.includes('--plain');
const generate = flags.includes('--dense') ? generateDenseWat : generateWat;

// The kernel with its function names kept (the committed bytes drop them), so V8 reports them.
const wabt = await wabtInit();
const parsed = wabt.parseWat(
  'kernel.wat',
  generate({ relaxedMadd }),
  relaxedMadd ? { simd: true, relaxed_simd: true } : { simd: true },
);
const bytes = parsed.toBinary({ write_debug_names: true }).buffer;
parsed.destroy();

const dir = mkdtempSync(join(tmpdir(), 'kernel-asm-'));
try {
  writeFileSync(join(dir, 'kernel.wasm'), bytes);
  // Compiles every function with TurboFan up front (no baseline tier, nothing lazy) and
  // writes jit-<pid>.dump into the working directory.
  const load = `new WebAssembly.Instance(new WebAssembly.Module(require('fs').readFileSync('kernel.wasm')), { env: { memory: new WebAssembly.Memory({ initial: 1 }) } })`;
  execFileSync(
    process.execPath,
    [
      ...(relaxedMadd ? relaxedSimdFlags() : []),
      '--perf-prof',
      '--no-liftoff',
      '--no-wasm-lazy-compilation',
      '-e',
      load,
    ],
    { cwd: dir },
  );
  const dump = readFileSync(
    join(
      dir,
      readdirSync(dir).find((f) => f.startsWith('jit-') && f.endsWith('.dump')),
    ),
  );

  // jitdump: a header (its size at byte 8), then records of [id u32, size u32, timestamp u64,
  // body]; a code load (id 0) is [pid, tid u32; vma, code address, code size, index u64;
  // name, NUL; code bytes].
  let found = 0;
  for (let at = dump.readUInt32LE(8); at + 16 <= dump.length; at += dump.readUInt32LE(at + 4)) {
    if (dump.readUInt32LE(at) !== 0) continue;
    const size = Number(dump.readBigUInt64LE(at + 40));
    const nameAt = at + 56;
    const nameEnd = dump.indexOf(0, nameAt);
    const name = dump.toString('utf8', nameAt, nameEnd);
    if (!new RegExp(`[^\\w]${wanted}[^\\w]`).test(`-${name}-`.replace(/-turbofan/, ''))) continue;
    found++;
    const file = join(dir, `code${found}.bin`);
    writeFileSync(file, dump.subarray(nameEnd + 1, nameEnd + 1 + size));
    console.log(`;; ${name}, ${size} bytes (${relaxedMadd ? 'relaxed' : 'SIMD128'} build)`);
    const text = execFileSync(
      'objdump',
      ['-D', '-b', 'binary', '-m', 'i386:x86-64', '-M', 'intel', '--no-show-raw-insn', file],
      { encoding: 'utf8' },
    );
    console.log(
      text
        .split('\n')
        .filter((l) => /^\s+[0-9a-f]+:/.test(l))
        .join('\n'),
    );
  }
  if (!found) {
    console.error(`no compiled function named ${wanted}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
