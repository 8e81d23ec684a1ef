/**
 * The dense split on this thread alone (a pool with no helpers: the split's own code over
 * every block, with real threads in src/cli/denseThreads.test.ts), its block ranges, and
 * when the engine splits a step.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../activations';
import { buildModel } from '../buildModel';
import { DEFAULT_CONFIG, type ModelConfig } from '../config';
import { chooseEngine, createEngine } from '../engine';
import { ThreadPool } from '../threads/pool';
import { DENSE_BLOCK, DenseNet } from './denseNet';
import { denseModule, denseSharedModule } from './denseRuntime';
import { DENSE_SPLIT_MIN_WORK, DenseSplit, splitsDenseStep } from './denseSplit';
import { blockRange } from './denseThread';

/** A pool with no helpers: every phase runs on this thread. */
const alone = () => new ThreadPool(0, () => ({ ports: [], terminate: () => Promise.resolve() }));
/** A pool of `threads` whose helpers are never started (the engine's choice needs no threads). */
const unstarted = (threads: number) =>
  new ThreadPool(threads - 1, () => {
    throw new Error('no helper should start');
  });

describe('blockRange', () => {
  it('splits the blocks into contiguous ranges in thread order, covering all, at most one apart', () => {
    for (const blocks of [0, 1, 2, 5, 32, 63]) {
      for (const threads of [1, 2, 3, 4]) {
        let next = 0;
        const sizes: number[] = [];
        for (let t = 0; t < threads; t++) {
          const [lo, hi] = blockRange(blocks, threads, t);
          expect(lo).toBe(next);
          sizes.push(hi - lo);
          next = hi;
        }
        expect(next).toBe(blocks);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('splitsDenseStep', () => {
  it('splits only with helpers, a block per thread and enough work', () => {
    const weights = 256 * 256 * 2 + 512;
    expect(splitsDenseStep(2, 1000, weights)).toBe(true);
    expect(splitsDenseStep(1, 1000, weights)).toBe(false);
    // Batch 32 is one block: one thread, however wide.
    expect(splitsDenseStep(2, DENSE_BLOCK, 1 << 24)).toBe(false);
    expect(splitsDenseStep(3, 2 * DENSE_BLOCK, 1 << 24)).toBe(false);
    // Little work: 1000 points at 1 -> 8 -> 1.
    expect(splitsDenseStep(2, 1000, 16)).toBe(false);
    expect(splitsDenseStep(2, 64, DENSE_SPLIT_MIN_WORK / 64)).toBe(true);
    expect(splitsDenseStep(2, 64, DENSE_SPLIT_MIN_WORK / 64 - 1)).toBe(false);
  });
});

// One thread through the split's pass (its own forward, loss and backward over all the
// blocks, then a reduction of nothing) runs the same kernels on the same blocks as
// DenseNet's forward and lossAndBackward, and sums the loss in the same order.
describe('the dense split on one thread', () => {
  it.each(ACTIVATIONS)('%s: the same loss and gradients, bit for bit', (act) => {
    for (const layers of [[1], [17, 3], [255, 1, 17]]) {
      for (const build of ['relaxed', 'simd128'] as const) {
        const points = 101;
        const { data, net } = buildModel({ ...DEFAULT_CONFIG, points, layers, activation: act });
        const grid = new Float32Array(5);
        const one = new DenseNet(denseModule(build), net.layers, points, grid);
        const split = new DenseSplit(denseSharedModule(build), net.layers, points, grid, alone());
        const losses = new Float32Array(2);
        for (const count of [points, 40]) {
          for (const k of [one, split.net]) {
            k.setWeights(net.layers);
            k.setInputs(data.x);
          }
          one.forward(count);
          one.lossAndBackward(count, data.y, losses, 0);
          split.pass(count, data.y, losses, 1);
          expect(losses[1]).toBe(losses[0]);
          for (let l = 0; l < layers.length + 1; l++) {
            expect(split.net.layers[l]!.gView).toEqual(one.layers[l]!.gView);
            expect(split.net.layers[l]!.gbView).toEqual(one.layers[l]!.gbView);
          }
        }
      }
    }
  });
});

describe('the engine', () => {
  const deep = (points: number, layers: number[]): ModelConfig => ({
    ...DEFAULT_CONFIG,
    points,
    layers,
    activation: 'relu',
  });
  const engineFor = (config: ModelConfig, pool: ThreadPool | null) => {
    const { data, net } = buildModel(config);
    const choice = chooseEngine(config, { engine: 'wasm' });
    expect(choice.kernel).toBe('dense');
    return createEngine(net, data, new Float32Array(3), choice, pool);
  };

  it('splits the dense kernels’ large steps across the pool’s threads, as the fused kernel does', () => {
    expect(engineFor(deep(1000, [256, 256, 256]), unstarted(2)).threads).toBe(2);
    expect(engineFor(deep(1000, [64, 64, 64]), unstarted(3)).threads).toBe(3);
    expect(engineFor(deep(1000, [256, 256, 256]), null).threads).toBe(1);
  });

  it('keeps small steps on one thread', () => {
    expect(engineFor(deep(40, [17, 17]), unstarted(2)).threads).toBe(1);
    expect(engineFor(deep(1000, [8, 8]), unstarted(2)).threads).toBe(1);
  });
});
