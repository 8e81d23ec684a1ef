/**
 * One benchmark configuration in its own process: builds the shared problem, checks that
 * every implementation gives the same first losses, then times each. Prints one JSON line.
 */
import { ceilingLoop } from './ceiling';
import { available, IMPLEMENTATIONS, makeTrainer } from './impls';
import { flopsPerStep, makeProblem, type BenchConfig, type Problem } from './problem';
import { relaxedSimdHere } from '../scripts/relaxed-simd.mjs';
import { runNumpy } from './numpyRunner';
import { median, timeAlternating, timeSteps } from './timing';

/** Steps compared between implementations before timing. */
const CHECK_STEPS = 3;
/** Timed runs per implementation; the median is reported. */
const REPEATS = 5;
/** Iterations of the ceiling loop per timed call: a call short enough to alternate finely with the steps. */
const CEILING_ITERATIONS = 20_000;

export interface ImplResult {
  impl: string;
  /** Losses of the first CHECK_STEPS steps. */
  losses: number[];
  /** Median steps per second. */
  stepsPerSecond: number;
  rates: number[];
  /** The kernel's: its GFLOP/s over the ceiling's in the same round, median over the rounds. */
  fractionOfCeiling?: number;
  error?: string;
}

export interface ChildResult {
  config: BenchConfig;
  results: ImplResult[];
  /** The ceiling (fused where this process has relaxed SIMD) timed in alternation with the kernels, median GFLOP/s. */
  ceilingGflops: number;
  ceilingFused: boolean;
}

function numpyResult(p: Problem, budgetSeconds: number): ImplResult | null {
  const arr = (a: Float32Array) => Array.from(a);
  return runNumpy('./tutorial_numpy.py', {
    activation: p.activation,
    points: p.points,
    hidden: p.hidden,
    learningRate: p.learningRate,
    x: arr(p.x),
    y: arr(p.y),
    w1: arr(p.w1),
    b1: arr(p.b1),
    w2: arr(p.w2),
    b2: arr(p.b2),
    checkSteps: CHECK_STEPS,
    budgetSeconds,
    repeats: REPEATS,
  });
}

async function main() {
  const config = JSON.parse(process.argv[2]!) as BenchConfig;
  const budget = Number(process.argv[3] ?? 1.5);
  const p = makeProblem(config);
  const results: ImplResult[] = [];
  // The kernel's builds are timed in alternation, so their ratio survives a drifting machine.
  const impls = IMPLEMENTATIONS.filter((impl) => available(impl, config));
  const kernels = impls.filter((impl) => impl.startsWith('wasm-'));
  const trainers = await Promise.all(kernels.map((impl) => makeTrainer(impl, p)));
  const kernelLosses = trainers.map((t) => Array.from({ length: CHECK_STEPS }, () => t.step()));
  // The ceiling loop takes its turn in the same alternation: a shared machine's speed can
  // drift from minute to minute, and a fraction of a ceiling measured at another moment
  // would drift with it.
  const fused = relaxedSimdHere();
  const ceiling = await ceilingLoop(fused);
  const rates = timeAlternating(
    [...trainers.map((t) => () => t.step()), () => ceiling.run(CEILING_ITERATIONS)],
    budget,
    REPEATS,
  );
  for (const t of trainers) t.dispose?.();
  const ceilingGflops = rates
    .pop()!
    .map((r) => (r * CEILING_ITERATIONS * ceiling.flopsPerIteration) / 1e9);
  const gflopsOf = (stepsPerSecond: number) => (stepsPerSecond * flopsPerStep(config)) / 1e9;
  kernels.forEach((impl, i) => {
    const fractions = rates[i]!.map((r, round) => gflopsOf(r) / ceilingGflops[round]!);
    results.push({
      impl,
      losses: kernelLosses[i]!,
      rates: rates[i]!,
      stepsPerSecond: median(rates[i]!),
      fractionOfCeiling: median(fractions),
    });
  });
  for (const impl of impls.filter((i) => !kernels.includes(i))) {
    const trainer = await makeTrainer(impl, p);
    const losses = Array.from({ length: CHECK_STEPS }, () => trainer.step());
    const rates = timeSteps(() => trainer.step(), budget, REPEATS);
    trainer.dispose?.();
    results.push({ impl, losses, rates, stepsPerSecond: median(rates) });
  }
  const np = numpyResult(p, budget);
  if (np) results.push(np);
  const result: ChildResult = {
    config,
    results,
    ceilingGflops: median(ceilingGflops),
    ceilingFused: fused,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
