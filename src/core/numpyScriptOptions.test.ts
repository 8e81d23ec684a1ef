/**
 * The numpy script of a run trained with options other than the tutorial's (issue #20):
 * every optimizer, both reductions, L1 and L2, batch sizes that do and do not divide N, at
 * depths 1 and 3, and runs whose options, rate and points change while they train. Run by
 * python3 with numpy (all the runs in one python process), each prints the losses the
 * playground's core recorded at its printed steps, and its final loss.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import type { ModelConfig } from './config';
import { numpyScript, PRINT_EVERY } from './numpyScript';
import { Recorded, runScripts, type Printed } from './numpyScriptOptions.harness';
import type { LabeledData } from './protocol';
import { TrainingRun } from './run';
import { testMask } from './split';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';

/**
 * Relative tolerance, float32 (the core) against float64 (numpy): the replayed histories'
 * (numpyScriptHistory.test.ts). Each run here is chosen stable at its rate, so rounding
 * does not grow; a batch, an option or a fresh optimizer state one step off differs by
 * far more.
 */
const LOSS_RTOL = 1e-5;

/** Skipped without numpy, except on CI, where they fail (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();

const opts = (o: Partial<TrainingOptions>): TrainingOptions => ({
  ...DEFAULT_TRAINING_OPTIONS,
  ...o,
});

const SHALLOW: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 0,
  layers: [10],
  init: 'tutorial',
  activation: 'relu',
};
const DEEP: ModelConfig = {
  dataset: 'sine',
  points: 30,
  noise: 0.1,
  seed: 4,
  layers: [8, 6, 5],
  init: 'he',
  activation: 'tanh',
};

interface Case {
  name: string;
  config: ModelConfig;
  /** Trains the run; returns the learning rate the script is given before any step. */
  train(rec: Recorded): number;
}

/** One phase: these options for `steps` steps at `lr`. */
const phases =
  (...list: [TrainingOptions, number, number][]) =>
  (rec: Recorded) => {
    for (const [o, steps, lr] of list) expect(rec.train(steps, lr, o)).toBe(steps);
    return list[0]![2];
  };

const CASES: Case[] = [
  {
    name: 'depth 1: sgd, mean, B=7 (does not divide N=30)',
    config: SHALLOW,
    train: phases([opts({ batchSize: 7, reduction: 'mean' }), 200, 0.1]),
  },
  {
    name: 'depth 1: momentum 0.9, sum, B=10 (divides N), L2',
    config: SHALLOW,
    train: phases([opts({ batchSize: 10, optimizer: 'momentum', l2: 1e-3 }), 200, 0.002]),
  },
  {
    name: 'depth 1: rmsprop, mean, full batch, L1',
    config: { ...SHALLOW, activation: 'tanh', seed: 3 },
    train: phases([opts({ optimizer: 'rmsprop', reduction: 'mean', l1: 1e-3 }), 200, 0.003]),
  },
  {
    name: 'depth 1: adam, sum, B=4, L1 and L2',
    config: { ...SHALLOW, seed: 5 },
    train: phases([opts({ batchSize: 4, optimizer: 'adam', l1: 1e-4, l2: 1e-3 }), 200, 0.003]),
  },
  {
    name: 'depth 3: adam, mean, B=7, L2',
    config: DEEP,
    train: phases([
      opts({ batchSize: 7, reduction: 'mean', optimizer: 'adam', l2: 1e-3 }),
      200,
      0.003,
    ]),
  },
  {
    name: 'depth 3: rmsprop, sum, B=6 (divides N)',
    config: DEEP,
    train: phases([opts({ batchSize: 6, optimizer: 'rmsprop' }), 200, 0.001]),
  },
  {
    name: 'depth 3: momentum 0.5, mean, B=8, L1',
    config: { ...DEEP, activation: 'relu' },
    train: phases([
      opts({ batchSize: 8, reduction: 'mean', optimizer: 'momentum', momentum: 0.5, l1: 1e-3 }),
      200,
      0.05,
    ]),
  },
  {
    name: 'depth 3: sgd, sum, B=1',
    config: DEEP,
    train: phases([opts({ batchSize: 1 }), 150, 0.01]),
  },
  {
    name: 'depth 1: sgd full batch for 20 steps, then adam B=7 for 30, then momentum with L2 for 50',
    config: SHALLOW,
    train: phases(
      [opts({}), 20, 0.01],
      [opts({ batchSize: 7, optimizer: 'adam' }), 30, 0.005],
      [opts({ batchSize: 7, optimizer: 'momentum', l2: 1e-3 }), 50, 0.002],
    ),
  },
  {
    name: 'depth 3: adam B=7, back to the defaults, adam B=7 again, then B=5 mean with a new rate',
    config: DEEP,
    train: phases(
      [opts({ batchSize: 7, optimizer: 'adam' }), 25, 0.003],
      [opts({}), 15, 0.003],
      [opts({ batchSize: 7, optimizer: 'adam' }), 25, 0.003],
      [opts({ batchSize: 5, reduction: 'mean', optimizer: 'adam' }), 30, 0.01],
    ),
  },
  {
    name: 'depth 1: adam B=7, back to the defaults, then momentum with the full batch',
    config: SHALLOW,
    train: phases(
      [opts({ batchSize: 7, optimizer: 'adam' }), 25, 0.003],
      [opts({}), 15, 0.003],
      [opts({ optimizer: 'momentum' }), 30, 0.002],
    ),
  },
  {
    name: 'depth 1: rmsprop B=6, own points with some held out mid-run, then momentum full batch',
    config: { ...SHALLOW, seed: 2 },
    train: (rec) => {
      rec.train(40, 0.002, opts({ batchSize: 6, optimizer: 'rmsprop' }));
      const x = Array.from({ length: 16 }, (_, i) => -1 + i / 7.5);
      const own: LabeledData = {
        x: Float32Array.from(x),
        y: Float32Array.from(x, (v) => Math.abs(v)),
        test: testMask(16, 0.25, 4),
      };
      rec.run.setData(own);
      rec.train(40, 0.002);
      rec.train(40, 0.002, opts({ optimizer: 'momentum' }));
      return 0.002;
    },
  },
  {
    name: 'depth 1: a rescue within momentum B=7 (back to the last good step, on at a lower rate)',
    config: SHALLOW,
    train: (rec) => {
      const o = opts({ batchSize: 7, optimizer: 'momentum' });
      rec.train(40, 0.002, o);
      rec.train(200, 0.2); // diverges
      expect(rec.run.divergedAt).not.toBeNull();
      rec.run.rewind();
      expect(rec.run.history.options.some((c) => c.rescued)).toBe(false);
      rec.train(40, 0.001);
      return 0.002;
    },
  },
  {
    name: 'depth 3: weights loaded at step 50 before any batch order was drawn, then adam B=7',
    config: DEEP,
    train: (rec) => {
      const source = new TrainingRun({ ...DEEP, seed: 9 }, undefined, { engine: 'ts' });
      source.train(50, 0.002, new Float32Array(50), 0);
      const params = new Float32Array(source.paramLength());
      source.snapshotParams(params);
      rec.train(10, 0.002);
      expect(rec.run.load(params, 50)).toBe(true);
      rec.train(60, 0.003, opts({ batchSize: 7, optimizer: 'adam' }));
      return 0.003;
    },
  },
];

function scriptOf(config: ModelConfig, rec: Recorded, learningRate: number): string {
  return numpyScript({ config, learningRate, steps: rec.run.step, history: rec.run.history });
}

const relErr = (a: number, b: number, floor = 0) => Math.abs(a - b) / Math.max(Math.abs(b), floor);

/**
 * A step's loss is relative to itself, or to this fraction of the run's mean printed loss
 * when smaller: with B = 1 a step's loss is one point's, and a point the curve nearly
 * passes through (a loss a hundred times below its neighbours') magnifies the rounding of
 * the weights (the dense kernels round every operation of the update in float32).
 */
const SMALL_LOSS = 0.05;

describe.skipIf(NUMPY.skip)(
  `scripts with training options, run by python (numpy ${NUMPY.version ?? 'missing'})`,
  () => {
    const runs = CASES.map((c) => {
      // The engine the page would pick: a run with one hidden layer starts on the kernel and moves to ts when its options need it.
      const rec = new Recorded(new TrainingRun(c.config));
      const learningRate = c.train(rec);
      return { ...c, rec, script: scriptOf(c.config, rec, learningRate) };
    });
    let printed: Printed[] = [];
    beforeAll(() => {
      printed = runScripts(
        NUMPY.python(),
        runs.map((r) => r.script),
      );
    });

    it.each(runs.map((r, k) => ({ ...r, k })))('$name', ({ rec, k }) => {
      const out = printed[k]!;
      const steps = rec.run.step;
      const printedSteps = [];
      const start = rec.run.history.loaded?.step ?? 0;
      for (let i = start; i < steps; i++) if (i % PRINT_EVERY === 0) printedSteps.push(i);
      expect(out.losses).toHaveLength(printedSteps.length);
      const floor = (SMALL_LOSS * out.losses.reduce((sum, l) => sum + l, 0)) / out.losses.length;
      printedSteps.forEach((step, j) =>
        expect(
          relErr(out.losses[j]!, rec.losses.get(step)!, floor),
          `loss at step ${step}`,
        ).toBeLessThan(LOSS_RTOL),
      );
      expect(relErr(out.final, rec.run.currentLoss()), 'final loss').toBeLessThan(LOSS_RTOL);
      const testLoss = rec.run.testLoss();
      if (testLoss === null) expect(out.test).toBeNull();
      else expect(relErr(out.test!, testLoss), 'test loss').toBeLessThan(LOSS_RTOL);
    });
  },
);
