/**
 * The headless trainer beside the engine (issue #21: "`npm run fit` runs these at the
 * kernel's speed, startup aside"): `fit` itself, run as a person runs it, on a deep
 * configuration, timed at two step counts. The difference of the two times is the time of
 * the extra steps alone: what startup costs (Node, tsx, compiling the kernel, building the
 * data) is the same in both and cancels out.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deepLearningRate, deepModelConfig, type DeepConfig } from './deepProblem';

/** Steps of the shorter run: a few, so its startup is measured with a step or two of work. */
const FEW_STEPS = 10;
/** Least time the longer run trains beyond the shorter one, s. */
const MIN_EXTRA_SECONDS = 4;

/** The `npm run fit` flags that train `c` as the deep table's problem does (deepProblem.ts). */
export function fitArgs(c: DeepConfig, steps: number): string[] {
  const m = deepModelConfig(c);
  const args = [
    ...['--dataset', m.dataset, '--noise', String(m.noise), '--seed', String(m.seed)],
    ...['--points', String(m.points), '--layers', m.layers.join(',')],
    ...['--activation', m.activation, '--init', m.init],
    ...['--lr', String(deepLearningRate(c)), '--optimizer', c.optimizer],
    ...(c.batchSize === null ? [] : ['--batch', String(c.batchSize)]),
    // One thread, as every row of the table (the dense kernels train on one anyway).
    ...['--threads', '1', '--steps', String(steps)],
  ];
  return args;
}

const FIT = fileURLToPath(new URL('../scripts/fit.mjs', import.meta.url));

/** Seconds `npm run fit` takes for `steps` steps of `c` (its own entry, scripts/fit.mjs). */
function timeFit(c: DeepConfig, steps: number): number {
  const start = performance.now();
  execFileSync(process.execPath, [FIT, ...fitArgs(c, steps)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * `fit`'s steps per second on `c` beyond its startup: `repeats` pairs of runs, FEW_STEPS
 * and FEW_STEPS plus about `budget` seconds of steps at `expectedRate` (the engine's rate
 * measured beside it), the median of (extra steps) / (extra time).
 */
export function fitStepsPerSecond(
  c: DeepConfig,
  expectedRate: number,
  budget: number,
  repeats: number,
): number {
  // At least MIN_EXTRA_SECONDS of steps: two process startups differ by a few tenths of a second.
  const extra = Math.max(10, Math.round(expectedRate * Math.max(budget, MIN_EXTRA_SECONDS)));
  const rates: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const few = timeFit(c, FEW_STEPS);
    const more = timeFit(c, FEW_STEPS + extra);
    rates.push(extra / Math.max(more - few, 1e-3));
  }
  return median(rates);
}
