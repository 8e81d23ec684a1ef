/** TrainingRun.setData: new points for the same network (edited, imported, split data). */
import { describe, expect, it } from 'vitest';
import { activate } from './activations';
import type { ModelConfig } from './config';
import type { LabeledData } from './protocol';
import { buildDataset } from './buildModel';
import type { Engine } from './engine';
import { TrainingRun } from './run';
import { testMask } from './split';

const base: ModelConfig = {
  dataset: 'sine',
  points: 40,
  noise: 0.1,
  seed: 7,
  layers: [12],
  init: 'tutorial',
  activation: 'tanh',
};
const LR = 0.01;

function params(run: TrainingRun): Float32Array {
  const out = new Float32Array(run.paramLength());
  run.snapshotParams(out);
  return out;
}

/** MSE on the given points from the flat parameters [w1, b1, w2, b2], in float64: independent of both engines. */
function referenceLoss(
  p: Float32Array,
  hidden: number,
  activation: ModelConfig['activation'],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): number {
  let sum = 0;
  for (let n = 0; n < x.length; n++) {
    let o = p[3 * hidden]!;
    for (let j = 0; j < hidden; j++)
      o += activate(activation, x[n]! * p[j]! + p[hidden + j]!) * p[2 * hidden + j]!;
    sum += (o - y[n]!) ** 2;
  }
  return sum / x.length;
}

function labeled(x: number[], y: number[], test: number[]): LabeledData {
  return { x: Float32Array.from(x), y: Float32Array.from(y), test: Uint8Array.from(test) };
}

describe.each(['wasm', 'ts'] as Engine[])('TrainingRun.setData (%s)', (engine) => {
  it('keeps the weights and the step count, then trains on the new points', () => {
    const run = new TrainingRun(base, undefined, { engine });
    const losses = new Float32Array(200);
    run.train(100, LR, losses, 0);
    const before = params(run);
    const data = labeled([-0.5, 0, 0.5, 0.9], [1, -1, 1, 0.3], [0, 0, 0, 0]);
    run.setData(data);
    expect(Array.from(params(run))).toEqual(Array.from(before));
    expect(run.step).toBe(100);
    // The loss is now the new points' loss under the same weights.
    expect(run.currentLoss()).toBeCloseTo(
      referenceLoss(before, base.layers[0]!, base.activation, data.x, data.y),
      5,
    );
    expect(run.train(100, LR, losses, 100)).toBe(100);
    expect(run.step).toBe(200);
    expect(losses[199]!).toBeLessThan(losses[100]!);
  });

  it('trains on test == 0 points only: the same steps as a run given just those points', () => {
    const all = buildDataset(base);
    const mask = testMask(all.x.length, 0.25, base.seed);
    const trainIdx = [...mask.keys()].filter((i) => mask[i] === 0);
    expect(trainIdx.length).toBe(30);
    const split = new TrainingRun(base, undefined, { engine }, { ...all, test: mask });
    const only = new TrainingRun(
      base,
      undefined,
      { engine },
      {
        x: Float32Array.from(trainIdx, (i) => all.x[i]!),
        y: Float32Array.from(trainIdx, (i) => all.y[i]!),
        test: new Uint8Array(trainIdx.length),
      },
    );
    const a = new Float32Array(300);
    const b = new Float32Array(300);
    split.train(300, LR, a, 0);
    only.train(300, LR, b, 0);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(only.testLoss()).toBeNull();
  });

  it('the test loss is the MSE on the held-out points (float64 reference, 1e-5 relative)', () => {
    const all = buildDataset(base);
    const mask = testMask(all.x.length, 0.3, base.seed);
    const run = new TrainingRun(base, undefined, { engine }, { ...all, test: mask });
    run.train(500, LR, new Float32Array(500), 0);
    const held = [...mask.keys()].filter((i) => mask[i] === 1);
    expect(held.length).toBe(12);
    const want = referenceLoss(
      params(run),
      base.layers[0]!,
      base.activation,
      held.map((i) => all.x[i]!),
      held.map((i) => all.y[i]!),
    );
    const got = run.testLoss()!;
    expect(Math.abs(got - want) / want).toBeLessThan(1e-5);
    // And the training loss is on the others.
    const trained = [...mask.keys()].filter((i) => mask[i] === 0);
    const trainWant = referenceLoss(
      params(run),
      base.layers[0]!,
      base.activation,
      trained.map((i) => all.x[i]!),
      trained.map((i) => all.y[i]!),
    );
    expect(Math.abs(run.currentLoss() - trainWant) / trainWant).toBeLessThan(1e-5);
  });

  it('no points (N = 0): no steps, no loss, weights untouched; new points train again', () => {
    const run = new TrainingRun(base, undefined, { engine });
    run.train(10, LR, new Float32Array(10), 0);
    const before = params(run);
    run.setData(labeled([], [], []));
    expect(run.train(50, LR, new Float32Array(50), 0)).toBe(0);
    expect(run.step).toBe(10);
    expect(run.currentLoss()).toBeNaN();
    expect(run.testLoss()).toBeNull();
    expect(Array.from(params(run))).toEqual(Array.from(before));
    const curve = new Float32Array(run.grid.length);
    run.curve(curve);
    expect(curve.every(Number.isFinite)).toBe(true);
    // Only held-out points: still nothing to train on, but a test loss.
    run.setData(labeled([0.1, 0.2], [1, 2], [1, 1]));
    expect(run.train(5, LR, new Float32Array(5), 0)).toBe(0);
    expect(run.testLoss()).toBeCloseTo(
      referenceLoss(before, base.layers[0]!, base.activation, [0.1, 0.2], [1, 2]),
      5,
    );
    run.setData(labeled([0.1, 0.2, 0.3], [1, 2, 3], [0, 0, 0]));
    expect(run.train(5, LR, new Float32Array(5), 0)).toBe(5);
    expect(run.divergedAt).toBeNull();
  });
});

it('setData on the kernel copies the parameters, so both engines stay together across a change', () => {
  const data = labeled([-1, -0.3, 0.2, 0.4, 0.8], [0.5, -0.2, 0.1, 0.9, -0.4], [0, 0, 1, 0, 0]);
  const runs = (['wasm', 'ts'] as Engine[]).map(
    (engine) => new TrainingRun(base, undefined, { engine }),
  );
  for (const run of runs) {
    run.train(50, LR, new Float32Array(50), 0);
    run.setData(data);
    run.train(50, LR, new Float32Array(50), 0);
  }
  const [k, t] = runs.map(params);
  for (let i = 0; i < k!.length; i++) expect(Math.abs(k![i]! - t![i]!)).toBeLessThan(1e-4);
  expect(runs[0]!.testLoss()!).toBeCloseTo(runs[1]!.testLoss()!, 5);
});
