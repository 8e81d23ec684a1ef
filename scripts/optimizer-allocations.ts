/**
 * How many bytes the JavaScript heap grows by while OptimizerState.step updates a network
 * (1 -> 10 -> 1), for every optimizer under both reductions with L1 and L2 set, in a Node
 * process of its own started with --expose-gc (by src/core/optimizerAllocations.test.ts),
 * measured as scripts/step-allocations.ts measures a training step: the young generation
 * emptied, the steps run, its size read again, windows with a garbage collection discarded.
 * A `control` allocates a small array per step on purpose, to show the probe sees it.
 *   usage: node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 --no-memory-reducer --import tsx scripts/optimizer-allocations.ts
 * Prints one JSON array.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { OptimizerState } from '../src/core/optimizers';
import {
  OPTIMIZERS,
  REDUCTIONS,
  type OptimizerName,
  type Reduction,
} from '../src/core/trainingOptions';

const STEPS = 10_000;
const WARM_UP_STEPS = 20_000;
const MAX_WINDOWS = 10;

export interface OptimizerAllocation {
  what: OptimizerName | 'control';
  reduction: Reduction;
  steps: number;
  bytes: number;
  collected: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
/** Where the control's arrays escape to, so the compiler cannot elide them. */
export let sink: Float32Array | null = null;
const collectionTimes: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collectionTimes.push(entry.startTime);
}).observe({ entryTypes: ['gc'] });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const youngBytes = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size;

async function measure(
  what: OptimizerName | 'control',
  reduction: Reduction,
): Promise<OptimizerAllocation> {
  const layers = [
    { w: new Float32Array(10).fill(0.5), b: new Float32Array(10).fill(0.1) },
    { w: new Float32Array(10).fill(-0.5), b: new Float32Array(1).fill(0.2) },
  ];
  // Gradients that keep the parameters near where they start, so every step does the same work.
  const gw = layers.map((l) => new Float64Array(l.w.length).fill(1e-3));
  const gb = layers.map((l) => new Float64Array(l.b.length).fill(-1e-3));
  const state = OptimizerState.forLayers(layers);
  const options = {
    optimizer: what === 'control' ? 'sgd' : what,
    reduction,
    momentum: 0.9,
    l1: 1e-4,
    l2: 1e-3,
  } as const;
  const run = (steps: number) => {
    for (let s = 0; s < steps; s++) {
      state.step(layers, gw, gb, 8, 1e-4, options);
      if (what === 'control') sink = new Float32Array(1);
    }
  };
  run(WARM_UP_STEPS);
  let best: OptimizerAllocation | null = null;
  for (let w = 0; w < MAX_WINDOWS; w++) {
    gc!();
    const start = performance.now();
    const before = youngBytes();
    run(STEPS);
    const after = youngBytes();
    const end = performance.now();
    await pause(200);
    const collected = collectionTimes.some((t) => t >= start && t <= end) || after < before;
    const result = { what, reduction, steps: STEPS, bytes: after - before, collected };
    if (!collected && (best === null || result.bytes < best.bytes)) best = result;
    // Under a byte per step: an allocation made by every step (16 bytes at the least) never gets there.
    if (best && best.bytes < best.steps) break;
  }
  return best ?? { what, reduction, steps: 0, bytes: 0, collected: true };
}

const results: OptimizerAllocation[] = [await measure('control', 'sum')];
for (const optimizer of OPTIMIZERS)
  for (const reduction of REDUCTIONS) results.push(await measure(optimizer, reduction));
process.stdout.write(`${JSON.stringify(results)}\n`);
