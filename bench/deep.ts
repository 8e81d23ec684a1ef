/**
 * The deep table of `npm run bench` (issue #21's targets): each DEEP_CONFIGS entry in its
 * own process (deepChild.ts), numpy, TF.js and our TS engine side by side, with steps/s,
 * GFLOP/s (6 x batch x fan_in x fan_out per layer per step) and the ratio to numpy.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DeepChildResult } from './deepChild';
import { fitStepsPerSecond } from './deepFit';
import { deepTargets, targetLines, targetMarkdown } from './deepTargets';
import { DEEP_CONFIGS, deepFlopsPerStep, deepLabel, type DeepConfig } from './deepProblem';

/** Which configurations and implementations a run times (`--only`); null: all. */
export interface DeepSelection {
  configs: (c: DeepConfig) => boolean;
  impls: readonly string[] | null;
}

/** Largest relative difference from the TS engine's first losses that counts as the same. */
export const DEEP_LOSS_TOLERANCE = 1e-4;

export interface DeepRow {
  config: string;
  impl: string;
  stepsPerSecond: number;
  gflops: number;
  /** Steps/s over numpy's in the same configuration (NaN without numpy). */
  ratioToNumpy: number;
  /** Steps/s over TF.js wasm's in the same configuration (NaN without it). */
  ratioToTfjsWasm: number;
  maxLossDiff: number;
  sameLosses: boolean;
  error?: string;
}

export interface DeepRun {
  rows: DeepRow[];
  /** Adam's steps/s over SGD's at the same network and batch, per implementation. */
  adamVsSgd: { config: string; impl: string; ratio: number }[];
  /** The dense engine's Adam / SGD timed in alternation in one process (deepChild.ts), per Adam configuration. */
  adamVsSgdInTurn: { config: string; ratio: number }[];
  skipped: { config: string; impl: string; reason: string }[];
  allSame: boolean;
  /** `npm run fit`'s steps/s beyond its startup (deepFit.ts) over the dense engine's in the table. */
  fitVsEngine: { config: string; fit: number; engine: number; ratio: number }[];
}

function runDeepChild(
  config: DeepConfig,
  budget: number,
  repeats: number,
  nodeFlags: readonly string[],
  impls: readonly string[] | null,
): DeepChildResult {
  const child = fileURLToPath(new URL('./deepChild.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    [
      ...nodeFlags,
      '--import',
      'tsx',
      child,
      JSON.stringify(config),
      String(budget),
      String(repeats),
      ...(impls ? [JSON.stringify(impls)] : []),
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'], // tfjs prints a banner on stderr
      maxBuffer: 1 << 26,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as DeepChildResult;
}

const pad = (s: string, n: number) => s.padStart(n);

/** Runs every deep configuration; `log` gets the readable report line by line. */
export function runDeep(
  budget: number,
  repeats: number,
  nodeFlags: readonly string[],
  log: (line?: string) => void,
  selection: DeepSelection = { configs: () => true, impls: null },
): DeepRun {
  const rows: DeepRow[] = [];
  const skipped: DeepRun['skipped'] = [];
  const fitVsEngine: DeepRun['fitVsEngine'] = [];
  const adamVsSgdInTurn: DeepRun['adamVsSgdInTurn'] = [];
  let allSame = true;
  log('Deep networks (issue #21): relu, He initial weights, one thread');
  log('');
  for (const config of DEEP_CONFIGS.filter(selection.configs)) {
    const label = deepLabel(config);
    const {
      results,
      skipped: left,
      adamOverSgd: inTurn,
    } = runDeepChild(config, budget, repeats, nodeFlags, selection.impls);
    if (inTurn !== undefined)
      adamVsSgdInTurn.push({ config: label.replace(/^adam /, ''), ratio: inTurn });
    // The TS engine's first losses, else (left out by --only) the one-thread kernels'.
    const reference =
      (results.find((r) => r.impl === 'ts-engine') ?? results.find((r) => r.impl === 'wasm-dense'))
        ?.losses ?? [];
    const numpy = results.find((r) => r.impl.startsWith('numpy') && !r.error)?.stepsPerSecond;
    const tfjsWasm = results.find((r) => r.impl === 'tfjs-wasm' && !r.error)?.stepsPerSecond;
    log(`${label}  (${(deepFlopsPerStep(config) / 1e6).toFixed(1)} MFLOP/step)`);
    log(
      `  ${'implementation'.padEnd(14)} ${pad('steps/s', 11)} ${pad('GFLOP/s', 8)} ${pad('vs numpy', 10)} ${pad('vs tfjs-wasm', 12)}  same losses`,
    );
    for (const r of results) {
      const worst =
        r.losses.length && reference.length
          ? Math.max(...r.losses.map((l, i) => Math.abs(l - reference[i]!) / reference[i]!))
          : Infinity;
      const same = worst < DEEP_LOSS_TOLERANCE;
      allSame &&= same;
      const gflops = (r.stepsPerSecond * deepFlopsPerStep(config)) / 1e9;
      const ratio = numpy ? r.stepsPerSecond / numpy : NaN;
      const ratioTf = tfjsWasm ? r.stepsPerSecond / tfjsWasm : NaN;
      rows.push({
        config: label,
        impl: r.impl,
        stepsPerSecond: r.stepsPerSecond,
        gflops,
        ratioToNumpy: ratio,
        ratioToTfjsWasm: ratioTf,
        maxLossDiff: worst,
        sameLosses: same,
        error: r.error,
      });
      log(
        `  ${r.impl.padEnd(14)} ${pad(r.stepsPerSecond.toPrecision(4), 11)} ${pad(gflops.toFixed(2), 8)} ${pad(`${ratio.toPrecision(3)}x`, 10)} ${pad(`${ratioTf.toPrecision(3)}x`, 12)}  ${same ? 'yes' : 'NO'} (max rel diff ${worst.toExponential(1)})${r.error ? `  ERROR: ${r.error.split('\n')[0]}` : ''}`,
      );
    }
    for (const s of left) {
      skipped.push({ config: label, ...s });
      log(`  ${s.impl.padEnd(14)} left out: ${s.reason}`);
    }
    const one = results.find((r) => r.impl === 'wasm-dense' && !r.error);
    const two = results.find((r) => r.impl === 'wasm-dense-2threads' && !r.error);
    if (one && two)
      log(
        `  2 threads / 1 thread (wasm-dense): ${(two.stepsPerSecond / one.stepsPerSecond).toFixed(2)}`,
      );
    const engine = results.find((r) => r.impl === 'wasm-dense' && !r.error)?.stepsPerSecond;
    if (engine) {
      const fit = fitStepsPerSecond(config, engine, budget, Math.max(1, repeats - 2));
      fitVsEngine.push({ config: label, fit, engine, ratio: fit / engine });
      log(
        `  ${'npm run fit'.padEnd(14)} ${pad(fit.toPrecision(4), 11)} ${pad(((fit * deepFlopsPerStep(config)) / 1e9).toFixed(2), 8)}  ${(fit / engine).toPrecision(3)}x wasm-dense (its startup aside: two step counts, the difference)`,
      );
    }
    log('');
  }
  const adamVsSgd = adamOverSgd(rows);
  for (const a of adamVsSgd)
    log(`Adam / SGD steps/s at ${a.config}: ${a.impl} ${a.ratio.toPrecision(3)}`);
  log(
    allSame
      ? `All deep implementations agree on the first losses (within ${DEEP_LOSS_TOLERANCE} relative).`
      : 'Some deep implementations DISAGREE: see "same losses".',
  );
  for (const a of adamVsSgdInTurn)
    log(
      `Adam / SGD steps/s at ${a.config}: wasm-dense ${a.ratio.toPrecision(3)} (timed in alternation in one process)`,
    );
  const run = { rows, adamVsSgd, adamVsSgdInTurn, skipped, allSame, fitVsEngine };
  log('');
  log('Issue #21 targets, from this run:');
  for (const line of targetLines(deepTargets(run))) log(line);
  return run;
}

/** For each Adam configuration with an SGD twin (same network, points and batch), each implementation's Adam / SGD steps/s. */
function adamOverSgd(rows: readonly DeepRow[]): DeepRun['adamVsSgd'] {
  const out: DeepRun['adamVsSgd'] = [];
  for (const r of rows) {
    if (!r.config.startsWith('adam') || r.error) continue;
    const twin = r.config.replace(/^adam/, 'sgd');
    const sgd = rows.find((s) => s.config === twin && s.impl === r.impl && !s.error);
    if (sgd)
      out.push({
        config: twin.replace(/^sgd /, ''),
        impl: r.impl,
        ratio: r.stepsPerSecond / sgd.stepsPerSecond,
      });
  }
  return out;
}

/** The deep record's table. */
export function deepMarkdown(run: DeepRun): string {
  const lines = [
    'Useful work counted as 6 × batch × fan_in × fan_out per layer per step; numpy with one BLAS thread.',
    '',
    '| config | implementation | steps/s | GFLOP/s | vs numpy | vs TF.js wasm |',
    '|---|---|---:|---:|---:|---:|',
  ];
  const configs = [...new Set([...run.rows, ...run.skipped].map((r) => r.config))];
  for (const config of configs) {
    for (const r of run.rows.filter((row) => row.config === config))
      lines.push(
        `| ${r.config} | ${r.impl} | ${r.stepsPerSecond.toPrecision(4)} | ${r.gflops.toFixed(2)} | ${r.ratioToNumpy.toPrecision(3)}× | ${r.ratioToTfjsWasm.toPrecision(3)}× |`,
      );
    for (const s of run.skipped.filter((row) => row.config === config))
      lines.push(`| ${s.config} | ${s.impl} | left out: ${s.reason} | | | |`);
  }
  if (run.adamVsSgd.length || run.adamVsSgdInTurn.length) {
    lines.push('', '| Adam / SGD steps/s | implementation | ratio |', '|---|---|---:|');
    for (const a of run.adamVsSgdInTurn)
      lines.push(`| ${a.config} | wasm-dense, timed in alternation | ${a.ratio.toPrecision(3)} |`);
    for (const a of run.adamVsSgd)
      lines.push(`| ${a.config} | ${a.impl}, the table's rows | ${a.ratio.toPrecision(3)} |`);
  }
  if (run.fitVsEngine.length) {
    lines.push(
      '',
      '| `npm run fit`, startup aside | steps/s | wasm-dense steps/s | fit / wasm-dense |',
      '|---|---:|---:|---:|',
    );
    for (const f of run.fitVsEngine)
      lines.push(
        `| ${f.config} | ${f.fit.toPrecision(4)} | ${f.engine.toPrecision(4)} | ${f.ratio.toPrecision(3)} |`,
      );
  }
  const agreed = run.allSame
    ? 'All implementations agreed on the first losses'
    : 'Some implementations DISAGREED on the first losses';
  lines.push('', `${agreed} (tolerance ${DEEP_LOSS_TOLERANCE} relative).`);
  lines.push('', ...targetMarkdown(deepTargets(run)));
  return lines.join('\n');
}
