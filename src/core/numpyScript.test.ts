/**
 * The exported numpy script, run by the machine's python with numpy, prints the losses the
 * playground's core computes for the same settings (within the presets' tolerance).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import type { ModelConfig } from './config';
import { numpyScript, PRINT_EVERY } from './numpyScript';
import { DEEP_PRESET_IDS, PRESETS, TUTORIAL_PRESET_IDS } from './presets';
import { TrainingRun } from './run';

/**
 * Same tolerance as the presets against numpy (see presets.test.ts for the reasoning), at
 * every depth: the deeper presets' smaller rates keep float32's drift from numpy's float64
 * under it too. With a piecewise-linear activation one step's loss can differ more, on an
 * unlucky seed, when a hinge crosses a data point a step earlier in one precision than in
 * the other (the difference closes again by the next printed step); the seed below stays
 * within it at every printed step.
 */
const LOSS_RTOL = 1e-6;

/** Skipped without numpy, except on CI, where they fail (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();

interface Case {
  name: string;
  config: ModelConfig;
  learningRate: number;
  steps: number;
}

const CASES: Case[] = [
  // The tutorial's four (one hidden layer) and the deeper ones. These cases train on the
  // model settings alone (plain full-batch descent): the lessons on learning are their
  // training options, which the option-aware script's own tests cover.
  ...[...TUTORIAL_PRESET_IDS, ...DEEP_PRESET_IDS].map((id) => ({
    name: `preset ${id}, seed 7`,
    config: { ...PRESETS[id].settings, seed: 7 },
    learningRate: PRESETS[id].settings.learningRate,
    steps: PRESETS[id].steps,
  })),
  {
    name: 'tanh, odd N, top seed',
    config: {
      dataset: 'quadratic',
      points: 17,
      noise: 0.3,
      seed: 2 ** 32 - 1,
      layers: [6],
      init: 'tutorial',
      activation: 'tanh',
    },
    learningRate: 0.02,
    steps: 123,
  },
  {
    name: 'sigmoid on the line',
    config: {
      dataset: 'linear',
      points: 25,
      noise: 0.1,
      seed: 3,
      layers: [8],
      init: 'tutorial',
      activation: 'sigmoid',
    },
    learningRate: 0.01,
    steps: 200,
  },
  {
    name: 'leaky relu on the sine',
    config: {
      dataset: 'sine',
      points: 30,
      noise: 0.1,
      seed: 5,
      layers: [12],
      init: 'tutorial',
      activation: 'leaky-relu',
    },
    learningRate: 0.01,
    steps: 200,
  },
  {
    name: 'elu on |x|',
    config: {
      dataset: 'abs',
      points: 21,
      noise: 0.05,
      seed: 9,
      layers: [8],
      init: 'tutorial',
      activation: 'elu',
    },
    learningRate: 0.01,
    steps: 200,
  },
  {
    name: 'softplus on the step',
    config: {
      dataset: 'step',
      points: 24,
      noise: 0.1,
      seed: 1,
      layers: [10],
      init: 'tutorial',
      activation: 'softplus',
    },
    learningRate: 0.01,
    steps: 200,
  },
  {
    name: 'sine on the cubic',
    config: {
      dataset: 'cubic',
      points: 33,
      noise: 0.1,
      seed: 4,
      layers: [9],
      init: 'tutorial',
      activation: 'sine',
    },
    learningRate: 0.01,
    steps: 200,
  },
  {
    name: 'custom expression (values written out)',
    config: {
      dataset: 'custom',
      expression: 'sin(3x) + 0.5*x^2 - round(x)',
      points: 26,
      noise: 0.1,
      seed: 8,
      layers: [10],
      init: 'tutorial',
      activation: 'tanh',
    },
    learningRate: 0.01,
    steps: 150,
  },
  {
    name: 'relu, no noise',
    config: {
      dataset: 'quadratic',
      points: 40,
      noise: 0,
      seed: 11,
      layers: [20],
      init: 'tutorial',
      activation: 'relu',
    },
    learningRate: 0.01,
    steps: 150,
  },
];

function runPython(script: string): string[] {
  const out = spawnSync(NUMPY.python(), ['-'], { input: script, encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  return out.stdout.trim().split('\n');
}

describe('numpyScript text', () => {
  it('seeds, shapes and the activation in the tutorial style', () => {
    const relu = numpyScript({
      config: { ...PRESETS['square-relu'].settings, seed: 42 },
      learningRate: 0.01,
      steps: 300,
      title: 'x',
    });
    expect(relu).toContain('np.random.seed(42)');
    expect(relu).toContain('f = x ** 2');
    expect(relu).toContain('y = np.random.normal(loc=0, scale=0.2, size=[30, 1]) + f');
    expect(relu).toContain('l1 = layer(1, 10)');
    expect(relu).toContain('dz1 *= relu_derivative(o1)');
    expect(relu).not.toMatch(/^\s+import matplotlib/m);
    const none = numpyScript({
      config: { ...PRESETS['fit-line'].settings, seed: 0 },
      learningRate: 0.01,
      steps: 50,
    });
    expect(none).toContain('f = x\n');
    expect(none).not.toContain('_derivative');
    expect(none).toContain('a1 = o1  # no activation');
  });
});

describe.skipIf(NUMPY.skip)("the script with the learner's own points, run by python", () => {
  it('trains on the literal points from the same initial weights (elu, 7 points)', () => {
    const config: ModelConfig = {
      dataset: 'quadratic',
      points: 30,
      noise: 0.2,
      seed: 3,
      layers: [6],
      init: 'tutorial',
      activation: 'elu',
    };
    const data = {
      x: Float32Array.of(-0.9, -0.4, -0.1, 0.2, 0.25, 0.6, 0.95),
      y: Float32Array.of(0.7, 0.1, -0.3, 0.05, 0.4, 0.3, 1.1),
    };
    const steps = 100;
    const lines = runPython(numpyScript({ config, learningRate: 0.01, steps, data }));
    const run = new TrainingRun(config, undefined, undefined, { ...data, test: new Uint8Array(7) });
    const losses = new Float32Array(steps);
    run.train(steps, 0.01, losses, 0);
    const printed = lines.slice(0, -1).map(Number);
    expect(printed).toHaveLength(steps / PRINT_EVERY);
    printed.forEach((loss, k) =>
      expect(Math.abs(losses[k * PRINT_EVERY]! - loss) / loss).toBeLessThan(LOSS_RTOL),
    );
  });
});

describe.skipIf(NUMPY.skip)(
  `the script, run by python (numpy ${NUMPY.version ?? 'missing'}), prints the playground's losses`,
  () => {
    it.each(CASES)('$name', ({ config, learningRate, steps }) => {
      const lines = runPython(numpyScript({ config, learningRate, steps }));
      const run = new TrainingRun(config);
      const losses = new Float32Array(steps);
      expect(run.train(steps, learningRate, losses, 0)).toBe(steps);
      const printed = lines.slice(0, -1).map(Number);
      expect(printed).toHaveLength(Math.ceil(steps / PRINT_EVERY));
      printed.forEach((loss, k) => {
        const ours = losses[k * PRINT_EVERY]!;
        expect(Math.abs(ours - loss) / loss, `loss at step ${k * PRINT_EVERY}`).toBeLessThan(
          LOSS_RTOL,
        );
      });
      const last = lines.at(-1)!.match(/^loss after (\d+) steps: (\S+)$/);
      expect(last?.[1]).toBe(String(steps));
      const finalLoss = Number(last?.[2]);
      expect(Math.abs(run.currentLoss() - finalLoss) / finalLoss).toBeLessThan(LOSS_RTOL);
    });
  },
);
