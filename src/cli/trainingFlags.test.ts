/** `fit`'s flags for how the run learns (issue #20): parsed, checked, trained, recorded. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../core/presets';
import { TrainingRun } from '../core/run';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from '../core/trainingOptions';
import { parseFitArgs } from './args';
import { fit, fitJson } from './fit.harness';
import { EXIT_OK, EXIT_USAGE } from './runFit';

describe('fit --batch --reduction --optimizer --momentum --l1 --l2', () => {
  it("parses into the run options; defaults are the tutorial's", () => {
    const parsed = parseFitArgs(
      '--batch 8 --reduction mean --optimizer adam --momentum 0.9 --l1 0 --l2 1e-3'.split(' '),
    );
    expect(parsed.ok && parsed.command.kind === 'config' && parsed.command.options).toEqual({
      batchSize: 8,
      reduction: 'mean',
      optimizer: 'adam',
      momentum: 0.9,
      l1: 0,
      l2: 1e-3,
    });
    const plain = parseFitArgs([]);
    expect(plain.ok && plain.command.kind === 'config' && plain.command.options).toEqual(
      DEFAULT_TRAINING_OPTIONS,
    );
  });

  it.each([
    [['--batch', '0'], '--batch must be a whole number from 1 to 5000 (got "0")'],
    [['--batch', '2.5'], '--batch must be a whole number from 1 to 5000 (got "2.5")'],
    [['--reduction', 'avg'], '--reduction must be one of sum, mean (got "avg")'],
    [
      ['--optimizer', 'nesterov'],
      '--optimizer must be one of sgd, momentum, rmsprop, adam (got "nesterov")',
    ],
    [['--momentum', '1'], '--momentum must be'],
    [['--l1', '-1'], '--l1 must be'],
    [['--l2', 'lots'], '--l2 must be'],
    [['--batch'], '--batch needs a value'],
  ])('%j: exits 2 with a message naming the flag', (argv, message) => {
    const out = fit(argv);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`fit: ${message}`);
  });

  it("--json records each step's batch loss and the epochs, as the run with those options trains", () => {
    const argv =
      '--preset square-relu --batch 8 --reduction mean --optimizer adam --l2 1e-3 --lr 0.01';
    const out = fitJson(argv.split(' '));
    const options: TrainingOptions = {
      ...DEFAULT_TRAINING_OPTIONS,
      batchSize: 8,
      reduction: 'mean',
      optimizer: 'adam',
      l2: 1e-3,
    };
    expect(out.options).toEqual(options);
    const steps = PRESETS['square-relu'].steps;
    // 30 points in batches of 8: 4 steps an epoch.
    expect(out.epochs).toBe(Math.ceil(steps / 4));
    const run = new TrainingRun({ ...PRESETS['square-relu'].settings, seed: 0 });
    run.setTrainingOptions(options);
    const losses = new Float32Array(steps);
    run.train(steps, 0.01, losses, 0);
    expect(out.losses).toEqual(Array.from(losses));
    expect(out.losses.slice(-8).reduce((a, b) => a + b)).toBeLessThan(
      out.losses.slice(0, 8).reduce((a, b) => a + b),
    );
  });

  it('the default options: one epoch a step, the summary says nothing of options', () => {
    const json = fitJson(['--preset', 'square-relu']);
    expect(json.epochs).toBe(json.losses.length);
    expect(fit(['--preset', 'square-relu']).stdout).toMatch(/relu, lr 0\.01: 300 steps/);
  });

  it('the summary names the options in force', () => {
    const out = fit('--batch 8 --optimizer momentum --momentum 0.5 --lr 0.001'.split(' '));
    expect(out.stdout).toMatch(
      /, lr 0\.001, batch 8, momentum 0\.5: 300 steps on wasm-dense-relaxed,/,
    );
  });

  it('--engine wasm with other options trains on the dense kernels; --engine ts on the TS engine', () => {
    const wasm = fit('--engine wasm --optimizer adam --batch 8 --lr 0.001'.split(' '));
    expect(wasm.status).toBe(EXIT_OK);
    expect(wasm.stdout).toMatch(/: 300 steps on wasm-dense-relaxed, loss /);
    const ts = fit('--engine ts --optimizer adam --batch 8 --lr 0.001'.split(' '));
    expect(ts.status).toBe(EXIT_OK);
    expect(ts.stdout).toMatch(/: 300 steps on ts, loss /);
    // The same run, rounded two ways: every printed loss agrees to 1e-5.
    const losses = (text: string) => text.trim().split('\n').slice(0, -1).map(Number);
    const [a, b] = [losses(wasm.stdout), losses(ts.stdout)];
    expect(a.length).toBe(b.length);
    a.forEach((v, i) => expect(Math.abs(v - b[i]!) / b[i]!).toBeLessThan(1e-5));
  });
});
