/**
 * `npm run bench`: our WebAssembly kernel (both builds: relaxed SIMD with fused
 * multiply-add, which the app runs where it can, and plain SIMD128) against our TypeScript core, TensorFlow.js (cpu
 * and wasm backends) and the numpy tutorial's own code (when python3 with numpy is found),
 * one process per configuration, same data and initial weights for all. Checks that all
 * give the same first losses, then times them. `--json` prints machine-readable output;
 * `--markdown` prints the table and writes it to a record in bench/results/ (record.ts);
 * `--pipes` times the kernel's vector operations alone and in pairs instead (see pipes.ts);
 * `--only relu-1000x1000,...` times those configurations alone (activation-NxH); deep
 * configurations are named deep-sgd-256x3-1000 (deepKey), and naming deep implementations
 * (wasm-dense, wasm-dense-2threads, numpy, ...) times only those.
 * After the kernel's table comes the deep table (deep.ts, issue #21's configurations);
 * `--deep` runs only that one, and `--quick` (or BENCH_QUICK=1) runs only it with fewer,
 * shorter timed runs, a check that takes minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildResult } from './child';
import { measureCeiling } from './ceiling';
import { printPipes } from './pipes';
import { RELAXED_SIMD_FLAG, relaxedSimdFlags, relaxedSimdHere } from '../scripts/relaxed-simd.mjs';
import { flopsPerStep, type BenchConfig } from './problem';
import { recordContext, writeRecord } from './record';
import { deepMarkdown, runDeep, type DeepRun } from './deep';
import { DEEP_IMPLEMENTATIONS } from './deepImpls';
import { deepKey } from './deepProblem';
import { measureSyncMicroseconds } from './threadSync';
import { argsProblem, usage } from './usage';

const SIZES = [
  [30, 10],
  [200, 100],
  [1000, 1000],
  [2000, 4000],
] as const;
const ACTS = ['relu', 'tanh'] as const;
/**
 * Every size for relu and tanh (the issue's list), and sigmoid where the issue sets its
 * target (1000 x 1000, with tanh's).
 */
const CONFIGS: BenchConfig[] = SIZES.flatMap(([points, hidden]) => [
  ...ACTS.map((activation) => ({ points, hidden, activation })),
  ...(points === 1000 && hidden === 1000
    ? [{ points, hidden, activation: 'sigmoid' as const }]
    : []),
]);
/** Largest relative difference from the TS core's first losses that counts as the same. */
const LOSS_TOLERANCE = 1e-4;
/** Seconds of timed steps per implementation and configuration. */
const BUDGET_SECONDS = 1.5;
/** Node 20 has relaxed SIMD (which Chromium ships) behind a flag; later Nodes need none. */
const NODE_FLAGS = relaxedSimdFlags();

const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > 0 ? new Set(process.argv[onlyAt + 1]?.split(',')) : null;
const DEEP_IMPLS: readonly string[] = [...DEEP_IMPLEMENTATIONS, 'numpy'];
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
/** Only the deep table: `--deep`, or `--quick`. */
const deepOnly =
  quick ||
  process.argv.includes('--deep') ||
  (ONLY !== null && [...ONLY].every((t) => t.startsWith('deep-') || DEEP_IMPLS.includes(t)));
/** The deep table's seconds of timed steps and timed runs per implementation and configuration. */
const DEEP_BUDGET_SECONDS = quick ? 0.5 : BUDGET_SECONDS;
const DEEP_REPEATS = quick ? 2 : 5;

const chosen = (c: BenchConfig) => !ONLY || ONLY.has(`${c.activation}-${c.points}x${c.hidden}`);
const onlyDeep = ONLY ? [...ONLY].filter((t) => t.startsWith('deep-')) : [];
const onlyDeepImpls = ONLY ? [...ONLY].filter((t) => DEEP_IMPLS.includes(t)) : [];
/** With --only: the deep configurations named (none named: all), the implementations named (none: all). */
const DEEP_SELECTION = {
  configs: (c: Parameters<typeof deepKey>[0]) =>
    onlyDeep.length === 0 || onlyDeep.includes(deepKey(c)),
  impls: onlyDeepImpls.length ? onlyDeepImpls : null,
};

const json = process.argv.includes('--json');
const markdown = process.argv.includes('--markdown');
const log = (line = '') => {
  if (!json && !markdown) console.log(line);
};

interface Row extends BenchConfig {
  impl: string;
  stepsPerSecond: number;
  gflops: number;
  ratioToKernel: number;
  fractionOfCeiling: number;
  maxLossDiff: number;
  sameLosses: boolean;
  error?: string;
}

/** The record's table: one line per configuration and implementation. */
function markdownTable(
  rows: Row[],
  plainCeiling: number,
  fusedCeiling: number,
  ceilings: readonly { gflops: number }[],
): string {
  const inRounds = ceilings.map((c) => c.gflops);
  const lines = [
    `WebAssembly SIMD ceiling on this machine: ${plainCeiling.toFixed(1)} GFLOP/s (SIMD128 multiply then add), ${fusedCeiling ? `${fusedCeiling.toFixed(1)} GFLOP/s` : 'not measured'} (relaxed SIMD fused multiply-add); "% of ceiling" is of the higher. The kernels' "% of ceiling" is of the ceiling timed in alternation with them (${Math.min(...inRounds).toFixed(1)}–${Math.max(...inRounds).toFixed(1)} GFLOP/s across the configurations), the other implementations' of the higher ceiling measured at the start.`,
    '',
    '| config | implementation | steps/s | GFLOP/s | vs kernel | % of ceiling |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.activation} ${r.points}×${r.hidden} | ${r.impl} | ${r.stepsPerSecond.toPrecision(4)} | ${r.gflops.toFixed(2)} | ${r.ratioToKernel.toPrecision(3)}× | ${(100 * r.fractionOfCeiling).toFixed(1)}% |`,
    );
  }
  return lines.join('\n');
}

function runChild(config: BenchConfig): ChildResult {
  const child = fileURLToPath(new URL('./child.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    [...NODE_FLAGS, '--import', 'tsx', child, JSON.stringify(config), String(BUDGET_SECONDS)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'], // tfjs prints a banner on stderr
      maxBuffer: 1 << 26,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

const pad = (s: string, n: number) => s.padStart(n);

/** The deep table alone or after the kernel's; writes its own record with --markdown. */
async function deep(context: ReturnType<typeof recordContext>): Promise<DeepRun> {
  const run = runDeep(DEEP_BUDGET_SECONDS, DEEP_REPEATS, NODE_FLAGS, log, DEEP_SELECTION);
  if (markdown) {
    const body = deepMarkdown(run);
    console.log(body);
    const title = `npm run bench -- --markdown: deep networks, steps per second of one training step, one thread${quick ? ' (quick)' : ''}`;
    console.error(`Record written to ${await writeRecord(context, title, '-deep', body)}`);
  }
  if (!run.allSame) process.exitCode = 1;
  return run;
}

async function main() {
  const context = recordContext();
  if (deepOnly) {
    log(
      `Backprop Playground benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one thread`,
    );
    const run = await deep(context);
    if (json) console.log(JSON.stringify({ node: process.version, deep: run }, null, 2));
    return;
  }
  log(
    `Backprop Playground benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one thread unless a row names threads`,
  );
  const plainCeiling = await measureCeiling(false);
  const fusedCeiling = relaxedSimdHere() ? await measureCeiling(true) : 0;
  // The kernel's "% of ceiling" is against the higher of the two: the best this core does.
  const ceiling = Math.max(plainCeiling, fusedCeiling);
  const fused = fusedCeiling
    ? `${fusedCeiling.toFixed(1)} GFLOP/s`
    : 'not measured (no relaxed SIMD here)';
  log(
    `WebAssembly SIMD ceiling (multiply-add chains): ${plainCeiling.toFixed(1)} GFLOP/s with SIMD128 mul + add, ${fused} with relaxed SIMD's fused multiply-add`,
  );
  log('');
  const rows: Row[] = [];
  const ceilings: (BenchConfig & { gflops: number; fused: boolean })[] = [];
  let allSame = true;
  for (const config of CONFIGS.filter(chosen)) {
    const { points, hidden, activation } = config;
    const { results, ceilingGflops, ceilingFused } = runChild(config);
    ceilings.push({ ...config, gflops: ceilingGflops, fused: ceilingFused });
    const reference = results.find((r) => r.impl === 'ts-core')!.losses;
    // "vs kernel": against the build the app runs here (relaxed where this Node has it).
    const kernel = results.find((r) => r.impl.startsWith('wasm-'))!.stepsPerSecond;
    log(
      `${activation} N=${points} H=${hidden}  (lr = 3/(N H), ${12 * points * hidden} flops/step; ceiling in the kernels' rounds ${ceilingGflops.toFixed(1)} GFLOP/s${ceilingFused ? ', fused' : ''})`,
    );
    log(
      `  ${'implementation'.padEnd(14)} ${pad('steps/s', 11)} ${pad('GFLOP/s', 8)} ${pad('vs kernel', 10)} ${pad('% ceiling', 9)}  same losses`,
    );
    for (const r of results) {
      const worst = r.losses.length
        ? Math.max(...r.losses.map((l, i) => Math.abs(l - reference[i]!) / reference[i]!))
        : Infinity;
      const same = worst < LOSS_TOLERANCE;
      allSame &&= same;
      const gflops = (r.stepsPerSecond * flopsPerStep(config)) / 1e9;
      // The kernels' fraction is of the ceiling timed in the same rounds (see child.ts).
      const fraction = r.fractionOfCeiling ?? gflops / ceiling;
      rows.push({
        ...config,
        impl: r.impl,
        stepsPerSecond: r.stepsPerSecond,
        gflops,
        ratioToKernel: r.stepsPerSecond / kernel,
        fractionOfCeiling: fraction,
        maxLossDiff: worst,
        sameLosses: same,
        error: r.error,
      });
      log(
        `  ${r.impl.padEnd(14)} ${pad(r.stepsPerSecond.toPrecision(4), 11)} ${pad(gflops.toFixed(2), 8)} ${pad(`${(r.stepsPerSecond / kernel).toPrecision(3)}x`, 10)} ${pad(`${(100 * fraction).toFixed(1)}%`, 9)}  ${same ? 'yes' : 'NO'} (max rel diff ${worst.toExponential(1)})`,
      );
    }
    const two = results.find((r) => r.impl === 'wasm-relaxed-2threads');
    if (two)
      log(`  2 threads / 1 thread (wasm-relaxed): ${(two.stepsPerSecond / kernel).toFixed(2)}`);
    log('');
  }
  const syncMicroseconds = await measureSyncMicroseconds(BUDGET_SECONDS);
  const syncLine = `Split-step synchronisation, 2 threads: ${syncMicroseconds.toFixed(1)} µs per step (a step of N = 4, H = 4 split, minus the same step on one thread).`;
  log(syncLine);
  log(
    allSame
      ? `All implementations agree on the first losses (within ${LOSS_TOLERANCE} relative).`
      : 'Some implementations DISAGREE: see "same losses".',
  );
  if (markdown) {
    const agreed = allSame
      ? 'All implementations agreed on the first losses'
      : 'Some implementations DISAGREED on the first losses';
    const body = `${markdownTable(rows, plainCeiling, fusedCeiling, ceilings)}\n\n${syncLine}\n\n${agreed} (tolerance ${LOSS_TOLERANCE} relative).`;
    console.log(body);
    const title =
      'npm run bench -- --markdown: steps per second of one training step, one thread unless a row names threads';
    console.error(`Record written to ${await writeRecord(context, title, '', body)}`);
  }
  if (!allSame) process.exitCode = 1;
  log('');
  // --only naming kernel configurations alone leaves the deep table out.
  const deepRun =
    ONLY && onlyDeep.length === 0 && onlyDeepImpls.length === 0 ? null : await deep(context);
  if (json)
    console.log(
      JSON.stringify(
        {
          node: process.version,
          ceilingGflops: ceiling,
          simd128CeilingGflops: plainCeiling,
          fusedCeilingGflops: fusedCeiling,
          ceilingsInRounds: ceilings,
          lossTolerance: LOSS_TOLERANCE,
          syncMicroseconds,
          rows,
          deep: deepRun,
        },
        null,
        2,
      ),
    );
}

const KERNEL_NAMES = CONFIGS.map((c) => `${c.activation}-${c.points}x${c.hidden}`);
const problem = argsProblem(process.argv.slice(2), KERNEL_NAMES);

if (process.argv.includes('--help')) {
  console.log(usage(KERNEL_NAMES));
} else if (problem !== null) {
  console.error(`npm run bench: ${problem}\n\n${usage(KERNEL_NAMES)}`);
  process.exitCode = 2;
} else if (!relaxedSimdHere() && !process.execArgv.includes(RELAXED_SIMD_FLAG)) {
  // Start again with relaxed SIMD on, so this process can measure its ceiling too.
  const again = spawnSync(
    process.execPath,
    [...NODE_FLAGS, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exitCode = again.status ?? 1;
} else if (process.argv.includes('--pipes')) {
  await printPipes();
} else {
  await main();
}
