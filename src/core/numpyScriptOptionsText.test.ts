/**
 * The numpy script's text for training options (no python needed): the default options,
 * even recorded, leave the tutorial's script as it is; options bring only the optimizer
 * rules the run used; and where the script cannot be the page's run (loaded weights with
 * mini-batches, a rescue across an options change) its first lines say so and it is not exact.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { numpyScript, numpyScriptOf } from './numpyScript';
import { TrainingRun } from './run';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';

const CONFIG: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 0,
  layers: [10],
  init: 'tutorial',
  activation: 'relu',
};

const opts = (o: Partial<TrainingOptions>): TrainingOptions => ({
  ...DEFAULT_TRAINING_OPTIONS,
  ...o,
});

function trained(config: ModelConfig, phases: [TrainingOptions, number, number][]): TrainingRun {
  const run = new TrainingRun(config, undefined, { engine: 'ts' });
  for (const [o, steps, lr] of phases) {
    run.setTrainingOptions(o);
    run.train(steps, lr, new Float32Array(steps), 0);
  }
  return run;
}

const scriptOf = (config: ModelConfig, run: TrainingRun, lr: number) =>
  numpyScriptOf({ config, learningRate: lr, steps: run.step, history: run.history });

describe('the numpy script with training options, as text', () => {
  it('the default options, recorded, give the script of a run without them', () => {
    // A batch above N is the full batch; momentum's m means nothing to sgd.
    const run = trained(CONFIG, [
      [opts({}), 20, 0.01],
      [opts({ batchSize: 40, momentum: 0.5 }), 30, 0.01],
    ]);
    expect(run.history.options.length).toBeGreaterThan(0);
    const plain = trained(CONFIG, [[opts({}), 50, 0.01]]);
    plain.history.options = [];
    expect(scriptOf(CONFIG, run, 0.01)).toEqual(scriptOf(CONFIG, plain, 0.01));
    expect(scriptOf(CONFIG, run, 0.01).script).not.toContain('options');
  });

  it('a batch below the N of some set of points is a mini-batch, even when the plot is cleared now', () => {
    const run = trained(CONFIG, [[opts({ batchSize: 5 }), 20, 0.01]]);
    run.setData({ x: new Float32Array(0), y: new Float32Array(0), test: new Uint8Array(0) });
    const { script } = scriptOf(CONFIG, run, 0.01);
    expect(script).toContain('options = dict(batch_size=5,');
  });

  it('writes the rules the run used, the options dict and the batch loop', () => {
    const run = trained({ ...CONFIG, layers: [6, 5, 4] }, [
      [opts({ batchSize: 7, reduction: 'mean', optimizer: 'rmsprop', l1: 1e-3 }), 30, 0.003],
    ]);
    const { script, exact } = scriptOf({ ...CONFIG, layers: [6, 5, 4] }, run, 0.003);
    expect(exact).toBe(true);
    expect(script).toContain('def rmsprop(p, g, state, learning_rate):');
    expect(script).not.toContain('def adam(');
    expect(script).not.toContain('def momentum(');
    expect(script).toContain(
      'options = dict(batch_size=7, reduction="mean", optimizer="rmsprop", momentum=0.9, l1=0.001, l2=0)',
    );
    expect(script).not.toContain('option_changes');
    expect(script).toContain('        perm = np.random.permutation(n)');
    expect(script).toContain('    o, a, out = predict(x_batch, layers)');
    expect(script).toMatch(/rmsprop B=7 mean l1 0\.001, 30 steps\.$/m);
    // The final loss is the whole training set's.
    expect(script).toContain('\no, a, out = predict(x, layers)\n');
  });

  it('says the batches after loaded weights may differ, with mini-batches', () => {
    const source = trained(CONFIG, [[opts({}), 10, 0.01]]);
    const params = new Float32Array(source.paramLength());
    source.snapshotParams(params);
    const run = trained(CONFIG, [[opts({ batchSize: 7, optimizer: 'adam' }), 10, 0.003]]);
    run.load(params, 10);
    run.train(10, 0.003, new Float32Array(10), 0);
    const { script, exact } = scriptOf(CONFIG, run, 0.003);
    expect(exact).toBe(false);
    expect(script).toMatch(/^# NOT exactly the page's run: before the weights were loaded/m);
    // The full batch draws nothing: loaded weights replay exactly.
    const full = trained(CONFIG, [[opts({ optimizer: 'adam' }), 10, 0.003]]);
    full.load(params, 10);
    full.train(10, 0.003, new Float32Array(10), 0);
    expect(scriptOf(CONFIG, full, 0.003).exact).toBe(true);
    // Loaded before any order was drawn: the script's draws are the run's.
    const fresh = trained(CONFIG, [[opts({}), 10, 0.01]]);
    fresh.load(params, 10);
    fresh.setTrainingOptions(opts({ batchSize: 7, optimizer: 'adam' }));
    fresh.train(10, 0.003, new Float32Array(10), 0);
    expect(scriptOf(CONFIG, fresh, 0.003).exact).toBe(true);
  });

  it('says a rescue went back past an options change, from the step it went back to', () => {
    const run = trained(CONFIG, [[opts({ batchSize: 7, optimizer: 'momentum' }), 40, 0.002]]);
    run.setTrainingOptions(opts({ batchSize: 7, optimizer: 'sgd' }));
    run.train(200, 0.3, new Float32Array(200), 0);
    expect(run.divergedAt).not.toBeNull();
    run.rewind();
    const back = run.step;
    expect(back).toBeLessThanOrEqual(40);
    run.train(20, 0.001, new Float32Array(20), 0);
    expect(run.history.options.at(-1)).toMatchObject({ step: back, rescued: true });
    const { script, exact } = scriptOf(CONFIG, run, 0.002);
    expect(exact).toBe(false);
    expect(script).toContain(`# NOT exactly the page's run from step ${back} on: a rescue there`);
  });

  it('a page-side record without the rescue flag still gives a script', () => {
    const text = numpyScript({
      config: CONFIG,
      learningRate: 0.01,
      steps: 30,
      history: {
        rates: [{ step: 0, learningRate: 0.01 }],
        options: [
          {
            step: 0,
            options: opts({ optimizer: 'adam' }),
            freshOptimizer: true,
            newSchedule: true,
          },
        ],
        data: [{ step: 0, data: null }],
        loaded: null,
        droppedFrom: null,
        dropped: 0,
      },
    });
    expect(text).toContain('def adam(');
    expect(text).not.toContain('NOT exactly');
  });
});
