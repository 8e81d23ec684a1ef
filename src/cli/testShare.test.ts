/**
 * `fit --test SHARE`: the page's held-out split. A lesson preset that holds points out
 * (overfit: 30 of 60) trains on exactly the page's points, its JSON says which were held
 * out and their loss, a spec reads them back, and the numpy script trains the same split.
 */
import { describe, expect, it } from 'vitest';
import { numpyForTests } from '../../scripts/numpy-python';
import { buildDataset } from '../core/buildModel';
import { DEFAULT_CONFIG, modelConfigOf } from '../core/config';
import { networkValues } from '../core/fit';
import { runScripts } from '../core/numpyScriptOptions.harness';
import { PRINT_EVERY } from '../core/numpyScript';
import { PRESETS } from '../core/presets';
import { TrainingRun } from '../core/run';
import { testMask } from '../core/split';
import { trainingOptionsOf } from '../core/trainingOptions';
import { parseFitArgs } from './args';
import { fit, fitJson } from './fit.harness';
import { EXIT_OK, EXIT_USAGE } from './runFit';

/** Skipped without numpy, except on CI, where they fail (see scripts/numpy-python.ts). */
const NUMPY = numpyForTests();
/** float32 (fit) against float64 (numpy), as scriptFlag.test.ts allows. */
const LOSS_RTOL = 1e-5;

const OVERFIT = ['--preset', 'overfit', '--steps', '50'];

/** The overfit lesson as the page runs it: its settings, its generated points and split, its options. */
function pageRun(steps: number) {
  const config = { ...DEFAULT_CONFIG, ...PRESETS.overfit.settings, seed: 0 };
  const { x, y } = buildDataset(modelConfigOf(config));
  const data = { x, y, test: testMask(x.length, config.testShare, config.seed) };
  const run = new TrainingRun(modelConfigOf(config), undefined, undefined, data);
  run.setTrainingOptions(trainingOptionsOf(config));
  const initial = networkValues(run.net);
  const losses = new Float32Array(steps);
  expect(run.train(steps, config.learningRate, losses, 0)).toBe(steps);
  return { run, data, initial, losses };
}

describe('fit --test', () => {
  it("defaults to the preset's share (else 0); --test overrides it", () => {
    const share = (argv: string[]) => {
      const parsed = parseFitArgs(argv);
      return parsed.ok && parsed.command.kind === 'config' ? parsed.command.testShare : null;
    };
    expect(share(['--preset', 'overfit'])).toBe(0.5);
    expect(share(['--preset', 'overfit-l2'])).toBe(0.5);
    expect(share(['--preset', 'square-relu'])).toBe(0);
    expect(share(['--preset', 'overfit', '--test', '0.2'])).toBe(0.2);
    expect(share(['--test', '0.9'])).toBe(0.9);
  });

  it("overfit trains on 30 of its 60 points, the page's split, to the page's very numbers", () => {
    const out = fitJson(OVERFIT);
    const page = pageRun(50);
    expect(page.run.data.x).toHaveLength(30);
    expect(out.x).toEqual(Array.from(page.data.x));
    expect(out.y).toEqual(Array.from(page.data.y));
    expect(out.test).toEqual(Array.from(page.data.test));
    expect(out.test.filter((t) => t === 1)).toHaveLength(30);
    expect(out.options).toEqual(trainingOptionsOf(PRESETS.overfit.settings));
    expect(out.initial).toEqual(page.initial);
    expect(out.losses).toEqual(Array.from(page.losses));
    expect(out.final).toEqual(networkValues(page.run.net));
    expect(out.testLoss).toBe(page.run.testLoss());
    expect(out.testLoss).toBeGreaterThan(0);
  });

  it('prints the test loss beside the training loss in the summary', () => {
    const out = fit(OVERFIT);
    expect(out.status).toBe(EXIT_OK);
    const summary = out.stdout.trim().split('\n').at(-1)!;
    const page = pageRun(50);
    expect(summary).toMatch(/^overfit, seed 0: sine data, N=60 \(30 held out\), noise 0\.5, /);
    expect(summary).toContain(
      `loss ${page.losses[0]!.toPrecision(6)} -> ${page.run.currentLoss().toPrecision(6)}, test loss `,
    );
    expect(summary).toMatch(new RegExp(`-> ${page.run.testLoss()!.toPrecision(6)}$`));
  });

  it.each([
    [
      ['--test', '0.95'],
      '--test (the share of points held out) must be a number from 0 to 0.9 (got "0.95")',
    ],
    [
      ['--test', '-0.1'],
      '--test (the share of points held out) must be a number from 0 to 0.9 (got "-0.1")',
    ],
    [
      ['--test', 'half'],
      '--test (the share of points held out) must be a number from 0 to 0.9 (got "half")',
    ],
    [['--spec', 's.json', '--test', '0.5'], '--spec gives the whole run; drop --test'],
  ])('%j: exits 2 with a clear message', (argv, message) => {
    const out = fit([...argv]);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`fit: ${message}\n`);
  });

  it('a --json output read back by --spec trains to the very same numbers, split and options included', () => {
    const first = fitJson(OVERFIT);
    const files = { 'out.json': JSON.stringify(first) };
    const again = fitJson(['--spec', 'out.json'], files);
    expect(again.options).toEqual(first.options);
    expect(again.x).toEqual(first.x);
    expect(again.test).toEqual(first.test);
    expect(again.losses).toEqual(first.losses);
    expect(again.final).toEqual(first.final);
    expect(again.testLoss).toBe(first.testLoss);
    expect(fit(['--spec', 'out.json'], files).stdout).toMatch(
      /^spec out\.json: N=60 \(30 held out\), 1 -> 32 -> 32 -> 1 tanh, lr 0\.003, adam: 50 steps/m,
    );
    // A flag overrides the file's option; the others stay the file's.
    const sgd = fitJson(['--spec', 'out.json', '--optimizer', 'sgd'], files);
    expect(sgd.options).toEqual({ ...first.options, optimizer: 'sgd' });
    expect(sgd.losses[1]).not.toBe(first.losses[1]);
  });

  it.each([
    [[0, 2, 0], 'test[1] must be 0 (trained on) or 1 (held out), got 2'],
    [[1, 1, 1], 'test must leave at least one point (a 0) to train on'],
    [[0, 1], 'test must have 3 numbers, has 2'],
  ])('a spec whose test is %j exits 2: %s', (test, message) => {
    expect(badSpec({ test })).toBe(`fit: --spec s.json: ${message}\n`);
  });

  it.each([
    [
      { optimizer: 'lion' },
      'options.optimizer must be one of sgd, momentum, rmsprop, adam, got "lion"',
    ],
    [
      { batchSize: 0 },
      'options.batchSize must be null (the full batch) or a whole number from 1 to ',
    ],
    [
      { lr: 0.1 },
      'options.lr is not an option (batchSize, reduction, optimizer, momentum, l1, l2)',
    ],
    ['adam', 'options must be an object such as {"optimizer": "adam"}'],
  ])('a spec whose options are %j exits 2: %s', (options, message) => {
    expect(badSpec({ options })).toContain(`fit: --spec s.json: ${message}`);
  });
});

/** The stderr of a small spec with these fields added, which must exit 2. */
function badSpec(fields: Record<string, unknown>): string {
  const spec = {
    x: [-0.5, 0, 0.5],
    y: [0.2, 0, 0.3],
    initial: [
      { w: [[0.3, -0.2]], b: [[0.1, 0.1]] },
      { w: [[0.4], [-0.3]], b: [[0.1]] },
    ],
    activation: 'relu',
    lr: 0.1,
    steps: 5,
    ...fields,
  };
  const out = fit(['--spec', 's.json'], { 's.json': JSON.stringify(spec) });
  expect(out.status).toBe(EXIT_USAGE);
  return out.stderr;
}

describe('fit --test scripts', () => {
  it('the pytorch script holds out the same points', () => {
    const out = fit([...OVERFIT, '--script', 'pytorch']);
    const held = pageRun(0).data.test.reduce<number[]>((a, t, i) => (t ? [...a, i] : a), []);
    expect(out.stdout).toContain(`x, y, x_test, y_test = split(x, y, [${held.join(', ')}])`);
  });

  it.skipIf(NUMPY.skip)(
    'run by python, the numpy script of --test 0.3 prints the losses and the test loss fit reaches',
    () => {
      const argv = ['--preset', 'square-relu', '--steps', '60', '--test', '0.3'];
      const script = fit([...argv, '--script', 'numpy']).stdout;
      expect(script).toContain('9 held out for testing');
      const [printed] = runScripts(NUMPY.python(), [script]);
      const trained = fitJson(argv);
      expect(trained.test.filter((t) => t === 1)).toHaveLength(9);
      const every = trained.losses.filter((_, i) => i % PRINT_EVERY === 0);
      expect(printed!.losses).toHaveLength(every.length);
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
      printed!.losses.forEach((loss, j) => expect(rel(loss, every[j]!)).toBeLessThan(LOSS_RTOL));
      expect(printed!.test).not.toBeNull();
      expect(rel(printed!.test!, trained.testLoss!)).toBeLessThan(LOSS_RTOL);
    },
  );
});
