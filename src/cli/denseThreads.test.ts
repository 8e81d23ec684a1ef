/**
 * The dense kernels' pass split across real worker_threads (core/kernel/denseSplit.ts)
 * against the same pass on one thread, and runs of the dense engine with and without a
 * pool. The split changes only the order of float32 additions: each thread sums its own
 * blocks' gradients, the partial sums are added in thread order (and the float64 losses
 * likewise), so gradients differ by a few float32 ulps of the sums' terms.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from '../core/activations';
import { buildModel } from '../core/buildModel';
import { DEFAULT_CONFIG, type ModelConfig } from '../core/config';
import { DenseNet } from '../core/kernel/denseNet';
import { denseModule, denseSharedModule } from '../core/kernel/denseRuntime';
import { DenseSplit } from '../core/kernel/denseSplit';
import { TrainingRun } from '../core/run';
import { applyUpdate } from '../core/train';
import type { ThreadPool } from '../core/threads/pool';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { createNodePool } from './nodeThreads';

const pools = new Map<number, ThreadPool>();
const poolOf = (threads: number) => {
  let pool = pools.get(threads);
  if (!pool) pools.set(threads, (pool = createNodePool(threads)!));
  return pool;
};
afterAll(async () => {
  await Promise.all([...pools.values()].map((p) => p.close()));
});

/**
 * Gradient tolerance, relative to each layer's largest |gradient| (a sum's rounding is
 * relative to its terms, which a small gradient entry may cancel). Observed worst below.
 */
const GRAD_TOL = 1e-4;
/** Loss tolerance, relative (float64 partial sums of float32 errors). */
const LOSS_TOL = 1e-9;
/** Step losses of whole runs, relative to the first loss (the gradients' rounding carried on). */
const RUN_TOL = 1e-5;

const worst = { grad: 0, loss: 0, run: 0 };
afterAll(() => {
  console.log(
    `dense split vs one thread, worst: gradients ${worst.grad.toExponential(2)}, pass loss ${worst.loss.toExponential(2)}, run loss ${worst.run.toExponential(2)}`,
  );
});

/** Depths 1 to 4 with the odd widths, each width alone and mixed. */
const SHAPES = [
  [1],
  [3],
  [17],
  [255],
  [17, 3],
  [1, 255],
  [255, 17, 3],
  [3, 1, 17],
  [17, 255, 1, 3],
  [1, 3, 17, 17],
];
/** Points: 5 blocks and a part, so 2 and 3 threads split unevenly; the batch 3 blocks less some. */
const N = 150;
const BATCH = 70;

function model(layers: number[], activation: ActivationName): ModelConfig {
  return { ...DEFAULT_CONFIG, dataset: 'sine', points: N, seed: 11, layers, activation };
}

describe.each([2, 3])('%i threads', (threads) => {
  it.each(ACTIVATIONS)(
    '%s: each pass’s loss and gradients are one thread’s, full batch and a mini-batch',
    (act) => {
      const grid = Float32Array.from({ length: 7 }, (_, i) => -1 + i / 3);
      for (const shape of SHAPES) {
        const { data, net } = buildModel(model(shape, act));
        const one = new DenseNet(denseModule('relaxed'), net.layers, N, grid);
        const split = new DenseSplit(
          denseSharedModule('relaxed'),
          net.layers,
          N,
          grid,
          poolOf(threads),
        );
        expect(split.threads).toBe(threads);
        const indices = Int32Array.from({ length: BATCH }, (_, i) => (i * 61 + 7) % N);
        const by = Float32Array.from(indices, (i) => data.y[i]!);
        const gw = net.layers.map((l) => [0, 1].map(() => new Float64Array(l.inDim * l.outDim)));
        const gb = net.layers.map((l) => [0, 1].map(() => new Float64Array(l.outDim)));
        const losses = new Float32Array(2);
        for (let s = 0; s < 6; s++) {
          const batch = s % 2 === 1;
          const count = batch ? BATCH : N;
          for (const k of [one, split.net]) {
            k.setWeights(net.layers);
            if (batch) k.gatherInputs(data.x, indices);
            else k.setInputs(data.x);
          }
          const y = batch ? by : data.y;
          one.forward(count);
          one.lossAndBackward(count, y, losses, 0);
          split.pass(count, y, losses, 1);
          const where = `${shape.join(',')} step ${s}`;
          const lossGap = Math.abs(losses[1]! - losses[0]!) / losses[0]!;
          worst.loss = Math.max(worst.loss, lossGap);
          expect(lossGap, where).toBeLessThan(LOSS_TOL);
          net.layers.forEach((layer, l) => {
            one.readGradients(l, gw[l]![0]!, gb[l]![0]!);
            split.net.readGradients(l, gw[l]![1]!, gb[l]![1]!);
            let scale = 0;
            let gap = 0;
            for (const [a, b] of [gw[l]!, gb[l]!] as const)
              for (let i = 0; i < a!.length; i++) {
                scale = Math.max(scale, Math.abs(a![i]!));
                gap = Math.max(gap, Math.abs(a![i]! - b![i]!));
              }
            const rel = scale > 0 ? gap / scale : gap;
            worst.grad = Math.max(worst.grad, rel);
            expect(rel, `${where} layer ${l}`).toBeLessThan(GRAD_TOL);
          });
          // Train on: the next pass sees moved weights (one thread's gradients applied).
          const lr = 0.3 / (count * Math.max(...shape));
          net.layers.forEach((layer, l) => applyUpdate(layer, gw[l]![0]!, gb[l]![0]!, lr));
        }
      }
    },
  );

  it('a tutorial-shaped run moved to the dense kernels by its options keeps the pool', () => {
    const config: ModelConfig = { ...DEFAULT_CONFIG, points: 2000, layers: [1000] };
    const run = new TrainingRun(config, undefined, { pool: poolOf(threads) });
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, optimizer: 'adam' });
    run.train(2, 1e-3, new Float32Array(2), 0);
    expect(run.engineName).toBe('wasm-dense-relaxed');
    expect(run.threads).toBe(threads);
  });

  // Large enough to split (DENSE_SPLIT_MIN_WORK): the engine the run chooses splits its
  // full-batch steps and batches of 500, and keeps batches of 32 on one thread.
  it.each([null, 500, 32])('a run at 64 x 3, N = 1000, batch %s: one thread’s losses', (batch) => {
    const config: ModelConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'quadratic',
      points: 1000,
      noise: 0.2,
      seed: 4,
      layers: [64, 64, 64],
      activation: 'tanh',
      init: 'he',
    };
    const steps = 40;
    const lr = batch === null ? 1 / (1000 * 64) : 1e-3;
    const runs = [null, poolOf(threads)].map((pool) => {
      const run = new TrainingRun(config, undefined, { pool });
      run.setTrainingOptions({
        ...DEFAULT_TRAINING_OPTIONS,
        optimizer: batch === null ? 'sgd' : 'adam',
        batchSize: batch,
      });
      expect(run.engineName).toBe('wasm-dense-relaxed');
      const losses = new Float32Array(steps);
      expect(run.train(steps, lr, losses, 0)).toBe(steps);
      return { run, losses };
    });
    const [a, b] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect([a.run.threads, b.run.threads]).toEqual([1, batch === 32 ? 1 : threads]);
    let gap = 0;
    for (let i = 0; i < steps; i++)
      gap = Math.max(gap, Math.abs(a.losses[i]! - b.losses[i]!) / a.losses[0]!);
    worst.run = Math.max(worst.run, gap);
    expect(gap).toBeLessThan(RUN_TOL);
    if (batch === 32) expect(b.losses).toEqual(a.losses);
    expect(a.losses[steps - 1]!).toBeLessThan(a.losses[0]!); // it learned
  });
});
