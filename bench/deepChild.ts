/**
 * One deep configuration (issue #21) in its own process: builds the shared problem, takes
 * each implementation's first losses, then times it. Prints one JSON line.
 * Arguments: the DeepConfig as JSON, the seconds of timed steps, the timed runs, and
 * optionally the implementations to run (JSON list; numpy is "numpy").
 */
import { DEEP_IMPLEMENTATIONS, deepThreaded, makeDeepTrainer } from './deepImpls';
import {
  deepFlopsPerStep,
  makeDeepProblem,
  type DeepConfig,
  type DeepProblem,
} from './deepProblem';
import type { ImplResult } from './child';
import { runNumpy } from './numpyRunner';
import { median, timeAlternating, timeSteps } from './timing';

/** Steps compared between implementations before timing. */
export const DEEP_CHECK_STEPS = 3;
/**
 * TF.js's cpu backend runs about 0.07 GFLOP/s: above this much work per step it would take
 * minutes per configuration, so it is left out there (the table says so).
 */
const TFJS_CPU_MAX_FLOPS = 2e8;

export interface DeepChildResult {
  config: DeepConfig;
  results: ImplResult[];
  /** Implementations left out, and why. */
  skipped: { impl: string; reason: string }[];
  /**
   * For an Adam configuration: the dense engine's Adam steps/s over SGD's on the same
   * network, timed in alternation in this process (timing.ts), so the ratio is not two
   * moments of a drifting machine.
   */
  adamOverSgd?: number;
}

/** The dense engine's Adam / SGD steps/s on `config`'s network, timed in turn. */
async function adamOverSgdInTurn(config: DeepConfig, budget: number, repeats: number) {
  const adam = await makeDeepTrainer('wasm-dense', makeDeepProblem(config));
  const sgd = await makeDeepTrainer('wasm-dense', makeDeepProblem({ ...config, optimizer: 'sgd' }));
  const [a, s] = timeAlternating([() => adam.step(), () => sgd.step()], budget, repeats);
  adam.dispose?.();
  sgd.dispose?.();
  return median(a!) / median(s!);
}

function numpyResult(p: DeepProblem, budgetSeconds: number, repeats: number): ImplResult | null {
  const arr = (a: Float32Array | Int32Array) => Array.from(a);
  return runNumpy('./deep_numpy.py', {
    points: p.points,
    widths: p.widths,
    optimizer: p.optimizer,
    batchSize: p.batchSize,
    learningRate: p.learningRate,
    x: arr(p.x),
    y: arr(p.y),
    layers: p.layers.map((l) => ({ w: arr(l.w), b: arr(l.b) })),
    order: p.order ? arr(p.order) : null,
    checkSteps: DEEP_CHECK_STEPS,
    budgetSeconds,
    repeats,
  });
}

async function main() {
  const config = JSON.parse(process.argv[2]!) as DeepConfig;
  const budget = Number(process.argv[3] ?? 1.5);
  const repeats = Number(process.argv[4] ?? 5);
  const only = process.argv[5] ? new Set(JSON.parse(process.argv[5]) as string[]) : null;
  const runs = (impl: string) => !only || only.has(impl);
  const p = makeDeepProblem(config);
  const results: ImplResult[] = [];
  const skipped: DeepChildResult['skipped'] = [];
  for (const impl of DEEP_IMPLEMENTATIONS) {
    if (!runs(impl) || (impl === 'wasm-dense-2threads' && !deepThreaded(config))) continue;
    if (impl === 'tfjs-cpu' && deepFlopsPerStep(config) > TFJS_CPU_MAX_FLOPS) {
      skipped.push({ impl, reason: `over ${TFJS_CPU_MAX_FLOPS / 1e6} MFLOP per step` });
      continue;
    }
    try {
      const trainer = await makeDeepTrainer(impl, p);
      const losses = Array.from({ length: DEEP_CHECK_STEPS }, () => trainer.step());
      const rates = timeSteps(() => trainer.step(), budget, repeats);
      trainer.dispose?.();
      results.push({ impl, losses, rates, stepsPerSecond: median(rates) });
    } catch (err) {
      results.push({ impl, losses: [], rates: [], stepsPerSecond: 0, error: String(err) });
    }
  }
  const np = runs('numpy') ? numpyResult(p, budget, repeats) : null;
  if (np) results.push(np);
  const result: DeepChildResult = { config, results, skipped };
  if (config.optimizer === 'adam' && runs('wasm-dense'))
    result.adamOverSgd = await adamOverSgdInTurn(config, budget, repeats);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
