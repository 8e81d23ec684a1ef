/**
 * Issue #21's targets for the deep table, judged from one run's own rows (the figures were
 * measured side by side in that run), so the record says what was met rather than leaving
 * it to prose typed by hand. A target whose rows the run did not time (--only, no numpy)
 * says so instead of passing.
 */
import type { DeepRun } from './deep';

export interface TargetResult {
  target: string;
  /** The measured figure, as the target states it. */
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

const SGD_64 = 'sgd 1->64x3->1 N=1000';
const SGD_256 = 'sgd 1->256x3->1 N=1000';
const SGD_1024 = 'sgd 1->1024x2->1 N=2000';
const ADAM_256 = 'adam 1->256x3->1 N=1000';
const ADAM_B32 = 'adam b=32 1->64x3->1 N=1000';

export function deepTargets(run: DeepRun): TargetResult[] {
  const rate = (config: string, impl: string) =>
    run.rows.find((r) => r.config === config && r.impl === impl && !r.error)?.stepsPerSecond;
  /** a / b against `at least`, or not measured. */
  const ratio = (target: string, a?: number, b?: number, atLeast = 1): TargetResult =>
    a === undefined || b === undefined
      ? { target, measured: 'not measured in this run', met: null }
      : { target, measured: `${(a / b).toPrecision(3)}×`, met: a / b >= atLeast };
  // numpy's row is named with its version ("numpy 2.4.6").
  const numpy = (config: string) =>
    run.rows.find((r) => r.config === config && r.impl.startsWith('numpy') && !r.error)
      ?.stepsPerSecond;
  const dense = (config: string) => rate(config, 'wasm-dense');
  const two = (config: string) => rate(config, 'wasm-dense-2threads');
  const b32 = dense(ADAM_B32);
  const results = [
    ratio('1->256x3->1, one thread: at least 0.7 × numpy', dense(SGD_256), numpy(SGD_256), 0.7),
    ratio('1->256x3->1, two threads: at least 1.2 × numpy', two(SGD_256), numpy(SGD_256), 1.2),
    ratio('1->64x3->1: at least 1.5 × numpy', dense(SGD_64), numpy(SGD_64), 1.5),
    ratio(
      '1->1024x2->1 N=2000: two threads at least 1.7 × one',
      two(SGD_1024),
      dense(SGD_1024),
      1.7,
    ),
    // Timed in alternation in one process: two rows of the table are two moments of the machine.
    ratio(
      'Adam at 1->256x3->1: at most 10% slower than SGD (timed in alternation)',
      run.adamVsSgdInTurn.find((a) => a.config === ADAM_256.replace(/^adam /, ''))?.ratio,
      1,
      0.9,
    ),
    b32 === undefined
      ? {
          target: 'Adam, batches of 32, 1->64x3->1: at least 10,000 steps/s',
          measured: 'not measured in this run',
          met: null,
        }
      : {
          target: 'Adam, batches of 32, 1->64x3->1: at least 10,000 steps/s',
          measured: `${Math.round(b32).toLocaleString('en-US')} steps/s`,
          met: b32 >= 10_000,
        },
  ];
  // One thread against TF.js wasm, in every configuration the run timed both in.
  const TFJS = 'at least 10 × TF.js wasm on every deep configuration';
  const vsTfjs = [...new Set(run.rows.map((r) => r.config))]
    .map((config) => ({ config, r: (dense(config) ?? NaN) / (rate(config, 'tfjs-wasm') ?? NaN) }))
    .filter((v) => Number.isFinite(v.r))
    .sort((a, b) => a.r - b.r);
  const lowest = vsTfjs[0];
  results.push(
    lowest === undefined
      ? { target: TFJS, measured: 'not measured in this run', met: null }
      : {
          target: TFJS,
          measured: `lowest ${lowest.r.toPrecision(3)}× (${lowest.config})`,
          met: lowest.r >= 10,
        },
  );
  return results;
}

const verdict = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'missed');

/** The targets as report lines. */
export function targetLines(results: readonly TargetResult[]): string[] {
  return results.map((t) => `  ${verdict(t.met).padEnd(7)} ${t.target}: ${t.measured}`);
}

/** The targets as a markdown table. */
export function targetMarkdown(results: readonly TargetResult[]): string[] {
  return [
    '| issue #21 target | measured in this run | |',
    '|---|---:|---|',
    ...results.map((t) => `| ${t.target} | ${t.measured} | ${verdict(t.met)} |`),
  ];
}
