/**
 * The numpy script at any depth and with each initialisation: run by python with numpy, it
 * prints the losses the playground's core computes for the same settings, and replays a
 * deep run's history (loaded weights, a new rate, held-out points) as it does for one layer.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import type { ModelConfig } from './config';
import { numpyScript, PRINT_EVERY } from './numpyScript';
import type { LabeledData } from './protocol';
import { TrainingRun } from './run';
import { testMask } from './split';

/** The tolerances of numpyScript.test.ts (a fresh run) and numpyScriptHistory.test.ts (a replayed history). */
const LOSS_RTOL = 1e-6;
const HISTORY_RTOL = 1e-5;

/** Skipped without numpy, except on CI, where they fail (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();

interface Case {
  name: string;
  config: ModelConfig;
  learningRate: number;
  steps: number;
}

const base = { points: 30, noise: 0.1 } as const;
/**
 * Rates at which each run trains stably. Glorot's and He's weights start larger than the
 * tutorial's, and the gradient is summed over the points: at the tutorial's rate some of
 * these runs sit at the edge of stability, where any rounding (float32 here, float64 in
 * numpy) grows step by step until the two runs part, as two float64 runs would on
 * different machines. Some deep tanh runs are left out for a like reason: at some steps a
 * float32 numpy run itself parts from the float64 one, just as the playground's does. The
 * tolerance is about the code being the same, not about float32's limits.
 */
const CASES: Case[] = [
  {
    name: "depth 1, He, relu (the tutorial's code with He's layer())",
    config: {
      ...base,
      dataset: 'quadratic',
      seed: 2,
      layers: [10],
      activation: 'relu',
      init: 'he',
    },
    learningRate: 0.003,
    steps: 120,
  },
  {
    name: 'depth 1, Glorot, tanh',
    config: { ...base, dataset: 'sine', seed: 6, layers: [7], activation: 'tanh', init: 'glorot' },
    learningRate: 0.005,
    steps: 120,
  },
  {
    name: 'depth 2, He, relu',
    config: {
      ...base,
      dataset: 'quadratic',
      seed: 0,
      layers: [8, 6],
      activation: 'relu',
      init: 'he',
    },
    learningRate: 0.005,
    steps: 150,
  },
  {
    name: 'depth 2, Glorot, tanh on the sine',
    config: {
      ...base,
      dataset: 'sine',
      seed: 4,
      layers: [10, 5],
      activation: 'tanh',
      init: 'glorot',
    },
    learningRate: 0.01,
    steps: 150,
  },
  {
    name: 'depth 2, tutorial, softplus on the step',
    config: {
      ...base,
      dataset: 'step',
      seed: 1,
      layers: [6, 6],
      activation: 'softplus',
      init: 'tutorial',
    },
    learningRate: 0.02,
    steps: 150,
  },
  {
    name: 'depth 3, He, leaky relu on |x|',
    config: {
      ...base,
      dataset: 'abs',
      seed: 9,
      layers: [8, 6, 4],
      activation: 'leaky-relu',
      init: 'he',
    },
    learningRate: 0.005,
    steps: 150,
  },
  {
    name: 'depth 3, tutorial, sigmoid on the line',
    config: {
      ...base,
      dataset: 'linear',
      seed: 3,
      layers: [6, 6, 6],
      activation: 'sigmoid',
      init: 'tutorial',
    },
    learningRate: 0.02,
    steps: 150,
  },
  {
    name: 'depth 3, He, sine on a custom target (values written out)',
    config: {
      ...base,
      dataset: 'custom',
      expression: 'sin(3x) + 0.5*x^2',
      seed: 8,
      layers: [9, 7, 5],
      activation: 'sine',
      init: 'he',
    },
    learningRate: 0.003,
    steps: 120,
  },
  {
    name: 'depth 4, tutorial, relu (the signal that fades)',
    config: {
      ...base,
      dataset: 'quadratic',
      seed: 5,
      layers: [8, 8, 8, 8],
      activation: 'relu',
      init: 'tutorial',
    },
    learningRate: 0.01,
    steps: 150,
  },
  {
    name: 'depth 4, Glorot, elu on the cubic',
    config: {
      ...base,
      dataset: 'cubic',
      seed: 7,
      layers: [6, 5, 4, 3],
      activation: 'elu',
      init: 'glorot',
    },
    learningRate: 0.005,
    steps: 150,
  },
  {
    name: 'depth 4, Glorot, leaky relu, unequal widths',
    config: {
      ...base,
      dataset: 'sine',
      seed: 13,
      layers: [12, 10, 8, 6],
      activation: 'leaky-relu',
      init: 'glorot',
    },
    learningRate: 0.005,
    steps: 150,
  },
  {
    name: 'depth 4, He, no activation',
    config: {
      ...base,
      dataset: 'linear',
      seed: 11,
      layers: [5, 5, 5, 5],
      activation: 'none',
      init: 'he',
    },
    learningRate: 0.001,
    steps: 100,
  },
];

interface Printed {
  losses: number[];
  final: number;
  test: number | null;
}

function runPython(script: string): Printed {
  const out = spawnSync(NUMPY.python(), ['-'], { input: script, encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  const lines = out.stdout.trim().split('\n');
  const test = lines.at(-1)!.match(/^test loss after \d+ steps: (\S+)$/);
  if (test) lines.pop();
  const final = lines.pop()!.match(/^loss after \d+ steps: (\S+)$/);
  return {
    losses: lines.map(Number),
    final: Number(final?.[1]),
    test: test ? Number(test[1]) : null,
  };
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.skipIf(NUMPY.skip)(
  `the script at depth, run by python (numpy ${NUMPY.version ?? 'missing'}), prints the playground's losses`,
  () => {
    it.each(CASES)('$name', ({ config, learningRate, steps }) => {
      const printed = runPython(numpyScript({ config, learningRate, steps }));
      const run = new TrainingRun(config, undefined, { engine: 'ts' });
      const losses = new Float32Array(steps);
      expect(run.train(steps, learningRate, losses, 0)).toBe(steps);
      expect(printed.losses).toHaveLength(Math.ceil(steps / PRINT_EVERY));
      printed.losses.forEach((loss, k) => {
        const ours = losses[k * PRINT_EVERY]!;
        expect(relErr(ours, loss), `loss at step ${k * PRINT_EVERY}`).toBeLessThan(LOSS_RTOL);
      });
      expect(relErr(run.currentLoss(), printed.final), 'final loss').toBeLessThan(LOSS_RTOL);
    });

    it('replays a deep run: weights loaded from a file, a new rate, then own points with some held out', () => {
      const config: ModelConfig = {
        ...base,
        dataset: 'quadratic',
        seed: 0,
        layers: [7, 5, 3],
        activation: 'relu',
        init: 'he',
      };
      const source = new TrainingRun({ ...config, seed: 9 }, undefined, { engine: 'ts' });
      source.train(60, 0.005, new Float32Array(60), 0);
      const params = new Float32Array(source.paramLength());
      source.snapshotParams(params);

      const run = new TrainingRun(config, undefined, { engine: 'ts' });
      const recorded = new Map<number, number>();
      const train = (count: number, lr: number) => {
        const out = new Float32Array(count);
        const from = run.step;
        run.train(count, lr, out, 0);
        out.forEach((loss, k) => recorded.set(from + k, loss));
      };
      expect(run.load(params, 60)).toBe(true);
      train(40, 0.005);
      train(30, 0.002);
      const x = Array.from({ length: 12 }, (_, i) => -1 + i / 6);
      const own: LabeledData = {
        x: Float32Array.from(x),
        y: Float32Array.from(x, (v) => Math.sin(3 * v)),
        test: testMask(12, 0.25, 4),
      };
      run.setData(own);
      train(50, 0.005);

      const text = numpyScript({
        config,
        learningRate: 0.005,
        steps: run.step,
        history: run.history,
      });
      expect(text).toContain('# Weights loaded from a model file at step 60');
      expect(text).toContain('layers[1]["w"] = np.array([[');
      expect(text).toContain('for i in range(60, steps):');
      const printed = runPython(text);
      const printedSteps = [];
      for (let i = 60; i < run.step; i++) if (i % PRINT_EVERY === 0) printedSteps.push(i);
      expect(printed.losses).toHaveLength(printedSteps.length);
      printedSteps.forEach((step, k) =>
        expect(
          relErr(printed.losses[k]!, recorded.get(step)!),
          `loss at step ${step}`,
        ).toBeLessThan(HISTORY_RTOL),
      );
      expect(relErr(printed.final, run.currentLoss()), 'final loss').toBeLessThan(HISTORY_RTOL);
      expect(relErr(printed.test!, run.testLoss()!), 'test loss').toBeLessThan(HISTORY_RTOL);
    });
  },
);
