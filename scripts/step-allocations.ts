/**
 * How many bytes the JavaScript heap grows by while a TrainingRun trains, for every
 * activation on both engines, in a Node process of its own started with --expose-gc (by
 * src/core/allocations.test.ts). The young generation is emptied first, then the steps
 * run, then its size is read again: an allocation per step (a temporary array, a closure,
 * a float boxed on its way out of a function) shows up as bytes. A garbage collection
 * inside the window would make the bytes meaningless, so collections are timed (Node's
 * 'gc' performance entries) and such a window is discarded; a large young generation
 * (--min- and --max-semi-space-size, 64 MB from the start) makes them rare. A `control` run allocates a
 * small array per step on purpose, to show that the probe sees such a thing.
 *   usage: node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 --no-memory-reducer --import tsx scripts/step-allocations.ts <N> <layers> [what] [optimizer:batch]
 * where <layers> is the hidden widths, `10` (the tutorial's shape) or `8,6,4` (deeper), and
 * `optimizer:batch` (e.g. `adam:7`) trains with that optimizer, mini-batches of that size,
 * the mean reduction and both penalties (issue #20's step; on 'wasm' the dense kernels).
 * Prints one JSON array.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { ACTIVATIONS, type ActivationName } from '../src/core/activations';
import type { Engine } from '../src/core/engine';
import type { TrainingEngine } from '../src/core/protocol';
import { TrainingRun } from '../src/core/run';
import type { KernelBuild } from '../src/core/kernel/wasmRuntime';
import {
  DEFAULT_TRAINING_OPTIONS,
  isOptimizerName,
  type TrainingOptions,
} from '../src/core/trainingOptions';

/** Steps per train() call (as the worker's slices), and calls measured. */
const STEPS_PER_CALL = 500;
const CALLS = 20;
/** Calls before measuring, so the loops are optimised as in a long session. */
const WARM_UP_CALLS = 40;
/**
 * Measured windows per configuration, at most: V8 optimises on background threads, so on
 * a loaded machine the first windows may still run code that boxes floats. The probe stops
 * at the first window under 0.4 bytes per step (4 kB: well under what allocations.test.ts
 * accepts, so a window it would refuse never ends the search); an allocation made by every
 * step (16 bytes at the least) never gets there.
 */
const MAX_WINDOWS = 10;
const QUIET_BYTES_PER_STEP = 0.4;

export interface AllocationResult {
  engine: Engine | 'control';
  /** The kernel build the wasm engine ran (null on the TS core). */
  kernel: KernelBuild | null;
  /** What trained, as frames name it ('wasm-relaxed', 'wasm-dense-relaxed', 'ts'). */
  name: TrainingEngine | 'control';
  activation: ActivationName;
  steps: number;
  bytes: number;
  /** A garbage collection ran inside the window: bytes are meaningless. */
  collected: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
/** Where the control run's arrays escape to, so the compiler cannot elide them. */
export let sink: Float32Array | null = null;
/**
 * Start times of the garbage collections so far, as Node reports them: asynchronously,
 * and later still on a loaded machine, so a window is judged by when its collections
 * started, not by when they were reported.
 */
const collectionTimes: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collectionTimes.push(entry.startTime);
}).observe({ entryTypes: ['gc'] });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Time Node is given to report a window's collections, ms. */
const REPORT_MS = 200;
const youngBytes = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size;

async function measure(
  engine: Engine | 'control',
  activation: ActivationName,
  points: number,
  layers: readonly number[],
  options: TrainingOptions | null = null,
): Promise<AllocationResult> {
  const run = new TrainingRun(
    {
      dataset: 'quadratic',
      noise: 0.2,
      seed: 0,
      points,
      layers,
      activation,
      init: 'tutorial',
    },
    undefined,
    { engine: engine === 'control' ? 'ts' : engine },
  );
  // Small enough that no configuration diverges (the benchmark's rule), so every step runs.
  if (options) run.setTrainingOptions(options);
  const learningRate = options ? 0.001 : 3 / (points * layers.reduce((a, b) => a + b, 0));
  const losses = new Float32Array(STEPS_PER_CALL);
  const call = () => {
    if (engine !== 'control') return run.train(STEPS_PER_CALL, learningRate, losses, 0);
    let stepped = 0;
    for (let k = 0; k < STEPS_PER_CALL; k++) {
      stepped += run.train(1, learningRate, losses, k);
      sink = new Float32Array(1); // the allocation the probe must see: escapes, dies young
    }
    return stepped;
  };
  for (let c = 0; c < WARM_UP_CALLS; c++) call();
  // The fewest bytes of a few windows: the steady state. Earlier configurations in this
  // process leave V8 re-optimising shared functions for a while (a deoptimised function
  // boxes its floats), which a long session also goes through once, not every step.
  let best: AllocationResult | null = null;
  for (let w = 0; w < MAX_WINDOWS; w++) {
    gc!();
    const start = performance.now();
    const before = youngBytes();
    let steps = 0;
    for (let c = 0; c < CALLS; c++) steps += call();
    const after = youngBytes();
    const end = performance.now();
    await pause(REPORT_MS);
    const collected = collectionTimes.some((t) => t >= start && t <= end) || after < before;
    const result = {
      engine: engine === 'control' ? 'control' : run.engine,
      kernel: run.kernelBuild,
      name: engine === 'control' ? 'control' : run.engineName,
      activation,
      steps,
      bytes: after - before,
      collected,
    } as const;
    if (!result.collected && (best === null || result.bytes < best.bytes)) best = result;
    if (best && best.bytes < QUIET_BYTES_PER_STEP * best.steps) break;
  }
  const name = engine === 'wasm' ? 'wasm-relaxed' : engine;
  return best ?? { engine, kernel: null, name, activation, steps: 0, bytes: 0, collected: true };
}

// Arguments: N, the hidden widths, and optionally what to measure: `control`, or one activation (both
// engines). A process of its own per activation measures each one's steady state; in one
// process, shared functions that earlier activations left polymorphic can stay deoptimised
// (boxing floats) through several later ones.
const points = Number(process.argv[2]);
const layers = process.argv[3]!.split(',').map(Number);
const only = process.argv[4];
const [optimizer, batch] = (process.argv[5] ?? '').split(':');
const options: TrainingOptions | null = isOptimizerName(optimizer)
  ? {
      ...DEFAULT_TRAINING_OPTIONS,
      optimizer,
      batchSize: Number(batch),
      reduction: 'mean',
      l1: 1e-4,
      l2: 1e-3,
    }
  : null;
const results: AllocationResult[] = [];
if (only === undefined || only === 'control')
  results.push(await measure('control', 'relu', points, layers));
for (const activation of ACTIVATIONS.filter((a) => only === undefined || a === only)) {
  // 'wasm': the fused kernel where it applies, the dense kernels for the rest.
  results.push(await measure('ts', activation, points, layers, options));
  results.push(await measure('wasm', activation, points, layers, options));
}
process.stdout.write(`${JSON.stringify(results)}\n`);
