import { describe, expect, it } from 'vitest';
import { TsEngine } from '../engines/tsEngine';
import { createHiddenNetwork } from '../network';
import { OptimizerState, type StepOptions } from '../optimizers';
import { NumpyRandom } from '../rng';
import type { DenseBuild } from './dense.harness';
import { denseNetRunner } from './denseStep.harness';

const N = 200;
const STEPS = 50;
/**
 * The kernels sum gradients in float32, the engine in float64, so every step's update
 * differs by about N · 2⁻²⁴ of the gradient's scale (and the smooth activations are the
 * main kernel's approximations, a few float32 ulp from the engine's Math functions); over 50 steps of a contracting fit
 * that stays near 1e-6 of the weights' scale. 1e-5 (relative, for the losses; of the
 * largest parameter of the layer, for its weights and biases) leaves a margin of about 10.
 */
const TOLERANCE = 1e-5;

/** Activation, hidden widths, and a learning rate (for summed gradients over N) that fits the loss down. */
const CASES = [
  ['relu', [17, 17], 0.05 / N],
  ['leaky-relu', [17, 5, 17], 0.05 / N],
  ['relu', [3], 0.05 / N],
  ['none', [33, 9], 0.005 / N],
  ['tanh', [17, 17], 0.05 / N],
  ['sigmoid', [17, 5], 0.5 / N],
  ['elu', [9, 17], 0.05 / N],
  ['softplus', [17, 3, 9], 0.05 / N],
  ['sine', [17, 17], 0.05 / N],
] as const;

describe.each(['simd128', 'relaxed'] as DenseBuild[])('dense step from TS, %s build', (build) => {
  it.each(CASES)(
    '%s 1 -> %j -> 1 at lr %f follows the TS engine for 50 SGD steps',
    async (act, hidden, lr) => {
      const rng = new NumpyRandom(7);
      const x = Float32Array.from({ length: N }, () => 4 * rng.randomSample() - 2);
      const y = x.map((v) => Math.sin(3 * v));
      const net = createHiddenNetwork(hidden, act, new NumpyRandom(3), 'he');
      const runner = await denseNetRunner(build, net, x, y);
      const engine = new TsEngine(net, { x, y }, new Float32Array(4));
      const loss = new Float32Array(1);
      let worstLoss = 0;
      let first = 0;
      for (let s = 0; s < STEPS; s++) {
        const got = runner.step(lr);
        engine.step(lr, loss, 0);
        if (s === 0) first = loss[0]!;
        worstLoss = Math.max(worstLoss, Math.abs(got - loss[0]!) / loss[0]!);
      }
      // The run learns (so the comparison covers a moving fit), and the two agree.
      expect(loss[0]!).toBeLessThan(0.9 * first);
      expect(worstLoss).toBeLessThanOrEqual(TOLERANCE);
      runner.layers().forEach((layer, l) => {
        const want = net.layers[l]!;
        // A bias near 0 moves by as much as the weights do: the layer's largest parameter is the scale.
        const largest = Math.max(...want.w.map(Math.abs), ...want.b.map(Math.abs));
        for (const key of ['w', 'b'] as const) {
          const err = Math.max(...layer[key].map((v, i) => Math.abs(v - want[key][i]!)));
          expect(err, `layer ${l} ${key}`).toBeLessThanOrEqual(TOLERANCE * largest);
        }
      });
    },
  );
});

/**
 * Optimizer, its penalties, activation, widths, learning rate (on mean gradients). The rates
 * keep each fit contracting: near the edge of stability the two computations' differences
 * grow step by step (ELU 17, 17 under SGD at 0.05 ends some 5 times past TOLERANCE).
 */
const OPTIMIZER_CASES = [
  ['momentum', 0, 0, 'relu', [17, 17], 0.02],
  ['rmsprop', 0.001, 0.01, 'sigmoid', [17, 5], 0.003],
  ['adam', 0, 0, 'tanh', [9, 17], 0.01],
  ['adam', 0.001, 0.01, 'softplus', [17, 3, 9], 0.01],
  ['sgd', 0.001, 0.01, 'elu', [17, 17], 0.01],
] as const;

describe.each(['simd128', 'relaxed'] as DenseBuild[])(
  'dense step with optimizers, %s build',
  (build) => {
    it.each(OPTIMIZER_CASES)(
      '%s (l1 %f, l2 %f), %s 1 -> %j -> 1 follows TsEngine.stepBatch for 50 steps',
      async (optimizer, l1, l2, act, hidden, lr) => {
        const options: StepOptions = { optimizer, reduction: 'mean', momentum: 0.9, l1, l2 };
        const rng = new NumpyRandom(7);
        const x = Float32Array.from({ length: N }, () => 4 * rng.randomSample() - 2);
        const y = x.map((v) => Math.sin(3 * v));
        const net = createHiddenNetwork(hidden, act, new NumpyRandom(3), 'he');
        const runner = await denseNetRunner(build, net, x, y);
        const engine = new TsEngine(net, { x, y }, new Float32Array(4));
        const state = OptimizerState.forLayers(net.layers);
        const all = Int32Array.from({ length: N }, (_, i) => i);
        const loss = new Float32Array(1);
        let worstLoss = 0;
        let first = 0;
        for (let s = 0; s < STEPS; s++) {
          const got = runner.step(lr, options);
          engine.stepBatch(all, lr, state, options, loss, 0);
          if (s === 0) first = loss[0]!;
          worstLoss = Math.max(worstLoss, Math.abs(got - loss[0]!) / loss[0]!);
        }
        expect(loss[0]!).toBeLessThan(0.9 * first);
        expect(worstLoss).toBeLessThanOrEqual(TOLERANCE);
        runner.layers().forEach((layer, l) => {
          const want = net.layers[l]!;
          const largest = Math.max(...want.w.map(Math.abs), ...want.b.map(Math.abs));
          for (const key of ['w', 'b'] as const) {
            const err = Math.max(...layer[key].map((v, i) => Math.abs(v - want[key][i]!)));
            expect(err, `layer ${l} ${key}`).toBeLessThanOrEqual(TOLERANCE * largest);
          }
        });
      },
    );
  },
);

describe.each(['simd128', 'relaxed'] as DenseBuild[])('dense mini-batches, %s build', (build) => {
  it.each([
    ['adam', 32, 'relu', [17, 17], 0.01],
    ['momentum', 45, 'tanh', [9, 5, 17], 0.02],
  ] as const)(
    '%s, batches of %i, %s 1 -> %j -> 1, follows TsEngine.stepBatch for 50 steps',
    async (optimizer, batch, act, hidden, lr) => {
      const options: StepOptions = { optimizer, reduction: 'mean', momentum: 0.9, l1: 0, l2: 0.01 };
      const rng = new NumpyRandom(7);
      const x = Float32Array.from({ length: N }, () => 4 * rng.randomSample() - 2);
      const y = x.map((v) => Math.sin(3 * v));
      const net = createHiddenNetwork(hidden, act, new NumpyRandom(3), 'he');
      const runner = await denseNetRunner(build, net, x, y);
      const engine = new TsEngine(net, { x, y }, new Float32Array(4));
      const state = OptimizerState.forLayers(net.layers);
      const loss = new Float32Array(1);
      let worstLoss = 0;
      for (let s = 0; s < STEPS; s++) {
        // A full-batch step now and then: the layout goes back to x in order.
        const indices =
          s % 10 === 9
            ? Int32Array.from({ length: N }, (_, i) => i)
            : rng.permutation(N).subarray(0, batch);
        const got =
          s % 10 === 9 ? runner.step(lr, options) : runner.stepBatch(indices, lr, options);
        engine.stepBatch(indices, lr, state, options, loss, 0);
        worstLoss = Math.max(worstLoss, Math.abs(got - loss[0]!) / loss[0]!);
      }
      expect(worstLoss).toBeLessThanOrEqual(TOLERANCE);
      runner.layers().forEach((layer, l) => {
        const want = net.layers[l]!;
        const largest = Math.max(...want.w.map(Math.abs), ...want.b.map(Math.abs));
        for (const key of ['w', 'b'] as const) {
          const err = Math.max(...layer[key].map((v, i) => Math.abs(v - want[key][i]!)));
          expect(err, `layer ${l} ${key}`).toBeLessThanOrEqual(TOLERANCE * largest);
        }
      });
    },
  );
});
