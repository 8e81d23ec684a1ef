/**
 * `fit --script numpy` prints the run's numpy script instead of training: the page's
 * script for the same settings, options and steps; run by python with numpy, its printed
 * losses are the ones `fit` prints when it trains. Other languages are refused clearly
 * until they are written.
 */
import { describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import { numpyScript } from '../core/numpyScript';
import { runScripts } from '../core/numpyScriptOptions.harness';
import { PRESETS } from '../core/presets';
import { TrainingRun } from '../core/run';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { parseFitArgs } from './args';
import { fit } from './fit.harness';
import { EXIT_OK, EXIT_USAGE } from './runFit';

/** Skipped without numpy, except on CI, where they fail (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();
/** numpyScriptOptions.test.ts's tolerance: float32 (fit) against float64 (numpy). */
const LOSS_RTOL = 1e-5;

const FLAGS =
  '--preset square-relu --steps 120 --lr 0.003 --batch 7 --reduction mean --optimizer adam --l2 1e-3';

describe('fit --script', () => {
  it('parses numpy; absent is null (train)', () => {
    const parsed = parseFitArgs(['--script', 'numpy']);
    expect(parsed.ok && parsed.command.kind === 'config' && parsed.command.script).toBe('numpy');
    const plain = parseFitArgs([]);
    expect(plain.ok && plain.command.kind === 'config' && plain.command.script).toBeNull();
  });

  it.each([
    [['--script', 'julia'], '--script must be one of numpy, pytorch (got "julia")'],
    [['--script'], '--script needs a value (see --help)'],
    [['--script', 'numpy', '--json'], '--script prints a script instead of training: drop --json'],
  ])('%j: exits 2 with a clear message', (argv, message) => {
    const out = fit(argv);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`fit: ${message}\n`);
  });

  it("prints the page's script for the run's settings, options and steps, without training", () => {
    const out = fit([...FLAGS.split(' '), '--script', 'numpy']);
    expect(out.status).toBe(EXIT_OK);
    expect(out.stderr).toBe('');
    const options = {
      ...DEFAULT_TRAINING_OPTIONS,
      batchSize: 7,
      reduction: 'mean' as const,
      optimizer: 'adam' as const,
      l2: 1e-3,
    };
    const config = { ...PRESETS['square-relu'].settings, seed: 0 };
    const run = new TrainingRun(config);
    run.setTrainingOptions(options);
    const { learningRate: _lr, ...model } = config;
    expect(out.stdout).toBe(
      numpyScript({
        config: model,
        learningRate: 0.003,
        steps: 120,
        history: run.history,
        // A preset whose settings the flags changed is custom, as on the page.
        title: 'custom settings',
      }),
    );
    expect(out.stdout).toContain('options = dict(batch_size=7, reduction="mean", optimizer="adam"');
    expect(out.stdout).toContain('steps = 120\n');
  });

  it('the default options: the tutorial-style script, as the page copies it', () => {
    const out = fit(['--script', 'numpy', '--steps', '50']);
    expect(out.status).toBe(EXIT_OK);
    expect(out.stdout).toContain('    layer["w"] += learning_rate * gw');
    expect(out.stdout).not.toContain('options');
  });

  it.skipIf(NUMPY.skip)(
    'run by python, the script prints the losses fit prints when it trains (with options and with a spec)',
    () => {
      const spec = {
        x: [-0.8, -0.3, 0, 0.4, 0.9, 0.5, -0.6],
        y: [0.7, 0.1, 0.0, 0.2, 0.8, 0.3, 0.35],
        initial: [
          { w: [[0.3, -0.2, 0.5]], b: [[0.1, 0.1, 0.1]] },
          { w: [[0.4], [-0.3], [0.2]], b: [[0.1]] },
        ],
        activation: 'tanh',
        lr: 0.01,
        steps: 60,
      };
      const files = { 'spec.json': JSON.stringify(spec) };
      const specFlags = ['--spec', 'spec.json', '--batch', '3', '--optimizer', 'momentum'];
      const runs = [FLAGS.split(' '), specFlags];
      const scripts = runs.map((argv) => fit([...argv, '--script', 'numpy'], files).stdout);
      // The spec's weights are loaded before any batch was drawn: the script is the run.
      expect(scripts[1]).toContain('# Weights loaded from a model file at step 0');
      expect(scripts[1]).not.toContain('NOT exactly');
      const printed = runScripts(NUMPY.python(), scripts);
      runs.forEach((argv, k) => {
        const trained = fit(argv, files).stdout.trim().split('\n');
        trained.pop(); // the summary
        expect(printed[k]!.losses).toHaveLength(trained.length);
        printed[k]!.losses.forEach((loss, j) =>
          expect(Math.abs(loss - Number(trained[j])) / loss, `${argv[0]} line ${j}`).toBeLessThan(
            LOSS_RTOL,
          ),
        );
      });
    },
  );
});
