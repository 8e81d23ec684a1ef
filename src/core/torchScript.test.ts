/**
 * The exported PyTorch script, run by python with torch: it prints the losses the
 * playground's core recorded (every PRINT_EVERY steps and after the last step) for every
 * optimizer, both reductions, L1 and L2, batch sizes that do and do not divide N, depth 1
 * and 3, several activations, options and points changed mid-run, and loaded weights. All
 * the scripts run in one python process. Skipped without torch, except on CI, where it
 * fails (scripts/numpy-python.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { torchForTests } from '../../scripts/numpy-python';
import { ACTIVATIONS } from './activations';
import { buildDataset } from './buildModel';
import type { ModelConfig } from './config';
import { testMask } from './split';
import { TrainingRun } from './run';
import { torchScriptOf } from './torchScript';
import { playCase, runScripts, worstRelative, type TorchCase } from './torchScript.harness';
import { DEFAULT_TRAINING_OPTIONS } from './trainingOptions';

/**
 * Relative tolerance on every printed loss: float32 torch against our float32 engine, whose
 * sums run in another order (and in float64 for the gradients and optimizer state). Over a
 * few hundred steps the losses drift apart by rounding alone; a batch, a rate or an option
 * applied one step early or late differs by 1e-3 or more.
 */
const LOSS_RTOL = 1e-5;

const TORCH = torchForTests();

const BASE: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 0,
  layers: [10],
  init: 'tutorial',
  activation: 'relu',
};
const DEEP: ModelConfig = { ...BASE, layers: [8, 6, 4], init: 'glorot', activation: 'tanh' };

const CASES: TorchCase[] = [
  {
    name: 'sgd, sum, batch 8 of 30 (does not divide), relu',
    config: BASE,
    actions: [{ options: { batchSize: 8 } }, { train: 200, lr: 0.01 }],
  },
  {
    name: 'momentum, mean, batch 10 of 30 (divides), depth 3 tanh',
    config: DEEP,
    actions: [
      { options: { optimizer: 'momentum', reduction: 'mean', batchSize: 10 } },
      { train: 200, lr: 0.05 },
    ],
  },
  {
    name: 'rmsprop, sum, full batch, L2, sigmoid',
    config: { ...BASE, activation: 'sigmoid' },
    actions: [{ options: { optimizer: 'rmsprop', l2: 0.01 } }, { train: 200, lr: 0.01 }],
  },
  {
    name: 'adam, mean, batch 7, L1, depth 3 leaky-relu',
    config: { ...DEEP, activation: 'leaky-relu', init: 'he' },
    actions: [
      { options: { optimizer: 'adam', reduction: 'mean', batchSize: 7, l1: 0.001 } },
      { train: 200, lr: 0.01 },
    ],
  },
  {
    name: 'adam, sum, batch 16, L1 and L2, elu',
    config: { ...BASE, activation: 'elu', dataset: 'sine', seed: 3 },
    actions: [
      { options: { optimizer: 'adam', batchSize: 16, l1: 0.01, l2: 0.001 } },
      { train: 150, lr: 0.005 },
    ],
  },
  {
    name: 'mid-run changes: default, then adam batch 8 mean, a new rate, then momentum L2',
    config: BASE,
    actions: [
      { train: 50, lr: 0.01 },
      { options: { optimizer: 'adam', batchSize: 8, reduction: 'mean' } },
      { train: 50, lr: 0.01 },
      { train: 50, lr: 0.003 },
      { options: { optimizer: 'momentum', momentum: 0.8, l2: 0.01 } },
      { train: 60, lr: 0.003 },
      { options: { batchSize: null, reduction: 'sum', optimizer: 'sgd', l2: 0 } },
      { train: 40, lr: 0.003 },
    ],
  },
  {
    name: 'new points mid-run with batches (rmsprop, softplus)',
    config: { ...BASE, activation: 'softplus' },
    actions: [
      { options: { optimizer: 'rmsprop', batchSize: 4 } },
      { train: 60, lr: 0.01 },
      {
        data: {
          x: Float32Array.from([-0.9, -0.5, -0.1, 0.2, 0.4, 0.7, 0.95]),
          y: Float32Array.from([0.8, 0.3, 0.0, 0.05, 0.2, 0.5, 0.9]),
          test: new Uint8Array(7),
        },
      },
      { train: 60, lr: 0.01 },
    ],
  },
  {
    name: 'loaded weights, then adam with batch 6 from a later step',
    config: DEEP,
    actions: [
      { train: 40, lr: 0.01 },
      { load: 'current' },
      { train: 20, lr: 0.01 },
      { options: { optimizer: 'adam', batchSize: 6 } },
      { train: 80, lr: 0.01 },
    ],
  },
  {
    name: 'held-out points: batches of the trained ones, the test loss printed',
    config: BASE,
    actions: [
      { data: { ...buildDataset(BASE), test: testMask(30, 0.3, 0) } },
      { options: { optimizer: 'momentum', batchSize: 6, reduction: 'mean' } },
      { train: 150, lr: 0.02 },
    ],
  },
  {
    name: 'momentum raised from 0 mid-run (the velocity the page kept), batch 8, L2',
    config: BASE,
    actions: [
      { options: { optimizer: 'momentum', momentum: 0, batchSize: 8, l2: 0.01 } },
      { train: 25, lr: 0.01 },
      { options: { momentum: 0.9 } },
      { train: 45, lr: 0.01 },
    ],
  },
  ...(['none', 'sine'] as const).map((activation): TorchCase => ({
    name: `sgd, mean, batch 5, ${activation}`,
    config: { ...BASE, activation },
    actions: [{ options: { batchSize: 5, reduction: 'mean' } }, { train: 100, lr: 0.05 }],
  })),
  {
    name: "the defaults: the tutorial's full-batch sgd",
    config: BASE,
    actions: [{ train: 150, lr: 0.01 }],
  },
];

describe.skipIf(TORCH.skip)(
  `the PyTorch script, run by torch ${TORCH.version ?? '(missing)'}`,
  () => {
    const played = CASES.map(playCase);
    let printed: number[][] = [];
    beforeAll(() => {
      printed = runScripts(
        TORCH.python(),
        played.map((p) => p.script),
      );
    }, 300_000);

    it('the cases use every activation', () => {
      const used = new Set(CASES.map((c) => c.config.activation));
      expect(ACTIVATIONS.filter((a) => !used.has(a))).toEqual([]);
    });

    CASES.forEach((c, k) => {
      it(c.name, () => {
        const worst = worstRelative(printed[k]!, played[k]!.expected);
        console.log(`${c.name}: worst relative difference ${worst.toExponential(2)}`);
        expect(printed[k]).toHaveLength(played[k]!.expected.length);
        expect(worst).toBeLessThan(LOSS_RTOL);
      });
    });
  },
);

describe('the PyTorch script text', () => {
  it('builds torch.nn.Linear layers of the run and says its options', () => {
    const { script } = playCase(CASES[3]!);
    expect(script).toContain('import torch');
    expect(script).toContain('sizes = [1, 8, 6, 4, 1]');
    expect(script).toContain('torch.nn.Linear(w.shape[0], w.shape[1])');
    expect(script).toContain('torch.optim.Adam(groups, lr=lr)');
    expect(script).toContain('adam, mean loss, batch 7, L1 0.001');
    expect(script).toContain('negative_slope=0.01');
  });

  it('weights loaded after batches were drawn: not exact, and it says so', () => {
    const run = new TrainingRun(BASE, undefined, { engine: 'ts' });
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, batchSize: 8 });
    run.train(20, 0.01, new Float32Array(20), 0);
    const params = new Float32Array(run.paramLength());
    run.snapshotParams(params);
    run.load(params, run.step);
    run.train(20, 0.01, new Float32Array(20), 0);
    const args = { config: BASE, learningRate: 0.01, steps: run.step, history: run.history };
    const { script, exact } = torchScriptOf(args);
    expect(exact).toBe(false);
    expect(script).toContain('before the weights were loaded the page had drawn batch orders');
    expect(torchScriptOf({ ...args, history: undefined }).exact).toBe(true);
  });
});
