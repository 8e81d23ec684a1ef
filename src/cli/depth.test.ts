/** `fit` at depth: --layers and --init, --json's layer list, and --spec reading any depth back. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../core/buildModel';
import { parseLayers, type ModelConfig } from '../core/config';
import { networkValues } from '../core/fit';
import { TrainingRun } from '../core/run';
import { formatEn } from '../messages/en';
import { parseFitArgs } from './args';
import { fit, fitJson } from './fit.harness';
import { EXIT_OK, EXIT_USAGE, type FitJson } from './runFit';

/** The run the flags below describe, as the worker would build it. */
const DEEP: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 0,
  layers: [32, 16, 8],
  activation: 'relu',
  init: 'he',
};
const DEEP_FLAGS = ['--layers', '32,16,8', '--init', 'he', '--steps', '40'];

const shapes = (params: FitJson['initial']) =>
  params.map((l) => [l.w.length, ...new Set(l.w.map((r) => r.length)), l.b.length, l.b[0]!.length]);

describe('fit --layers --init', () => {
  it('trains the network the page would build, and the label describes it', () => {
    const out = fit(DEEP_FLAGS);
    expect(out.status).toBe(EXIT_OK);
    const lines = out.stdout.trim().split('\n');
    const run = new TrainingRun(DEEP);
    const losses = new Float32Array(40);
    run.train(40, 0.01, losses, 0);
    expect(lines.slice(0, -1).map(Number)).toEqual([0, 10, 20, 30].map((k) => losses[k]));
    expect(lines.at(-1)).toMatch(
      /^custom, seed 0: quadratic data, N=30, noise 0\.2, 1 -> 32 -> 16 -> 8 -> 1 relu, init he, lr 0\.01: 40 steps on wasm-dense-relaxed, loss /,
    );
  });

  it('--json lists every layer {w [in][out], b [1][out]} from the input, and config.layers and config.init', () => {
    const out = fitJson(DEEP_FLAGS);
    expect(out.config).toEqual({
      dataset: 'quadratic',
      points: 30,
      layers: [32, 16, 8],
      init: 'he',
      steps: 40,
      activation: 'relu',
      noise: 0.2,
    });
    const expected = [
      [1, 32, 1, 32],
      [32, 16, 1, 16],
      [16, 8, 1, 8],
      [8, 1, 1, 1],
    ];
    expect(shapes(out.initial)).toEqual(expected);
    expect(shapes(out.final)).toEqual(expected);
    // Drawn as buildModel draws them: He's biases are 0.
    expect(out.initial).toEqual(networkValues(buildModel(DEEP).net));
    expect(out.initial.every((l) => l.b[0]!.every((v) => v === 0))).toBe(true);
    expect(out.losses).toHaveLength(40);
  });

  it('the tutorial init at depth 1 is the --hidden run; the preset stays named while its settings are untouched', () => {
    const layers = fitJson(['--layers', '10', '--init', 'tutorial', '--steps', '20']);
    const hidden = fitJson(['--hidden', '10', '--steps', '20']);
    expect(layers).toEqual(hidden);
    const parsed = parseFitArgs([
      '--preset',
      'square-relu',
      '--layers',
      '10',
      '--init',
      'tutorial',
    ]);
    expect(parsed.ok && parsed.command.kind === 'config' && parsed.command.preset).toBe(
      'square-relu',
    );
    const changed = parseFitArgs(['--preset', 'square-relu', '--init', 'glorot']);
    expect(changed.ok && changed.command.kind === 'config' && changed.command.preset).toBeNull();
  });

  it.each([
    [['--layers', '4,3', '--init', 'glorot', '--activation', 'tanh', '--steps', '60']],
    [['--layers', '6,5,4,3', '--init', 'he', '--activation', 'leaky-relu', '--steps', '60']],
    [['--layers', '8,8', '--init', 'tutorial', '--activation', 'sigmoid', '--lr', '0.02']],
  ])('%j: --json read back by --spec trains to the very same losses and weights', (flags) => {
    const first = fitJson(flags);
    const minimal = {
      x: first.x,
      y: first.y,
      initial: first.initial,
      activation: first.config.activation,
      lr: first.lr,
      steps: first.config.steps,
    };
    const files = { 'out.json': JSON.stringify(first), 'min.json': JSON.stringify(minimal) };
    for (const file of Object.keys(files)) {
      const again = fitJson(['--spec', file], files);
      expect(again.config).toEqual({ ...first.config, dataset: null, init: null, noise: null });
      expect(again.initial).toEqual(first.initial);
      expect(again.losses).toEqual(first.losses);
      expect(again.final).toEqual(first.final);
    }
    const printed = fit(['--spec', 'out.json'], files);
    expect(printed.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^spec out\\.json: N=30, 1 -> ${first.config.layers.join(' -> ')} -> 1 \\S+, lr `),
    );
  });
});

describe('fit: bad --layers and --init', () => {
  const page = (text: string) => {
    const parsed = parseLayers(text);
    if (parsed.ok) throw new Error(`${text} is acceptable`);
    return formatEn(parsed.problem);
  };

  it.each([
    [
      ['--layers', '32,0'],
      'fit: --layers: Layer 2: "0" is not a width. Each width is a whole number from 1 to 1024.',
    ],
    [
      ['--layers', '32,abc,8'],
      'fit: --layers: Layer 2: "abc" is not a width. Each width is a whole number from 1 to 1024.',
    ],
    [
      ['--layers', '1,2,3,4,5'],
      'fit: --layers: At most 4 hidden layers: enter up to 4 widths, such as 32,16,8.',
    ],
    [
      ['--layers', '2000'],
      'fit: --layers: Layer 1: "2000" is not a width. Each width is a whole number from 1 to 1024.',
    ],
    [['--layers='], 'fit: --layers needs a value (see --help)'],
    [['--init', 'lecun'], 'fit: --init must be one of tutorial, glorot, he (got "lecun")'],
    [
      ['--hidden', '8', '--layers', '8,4'],
      'fit: --hidden and --layers both give the hidden layers: use one (--hidden 8 is --layers 8)',
    ],
    [['--spec', 'f.json', '--layers', '3'], 'fit: --spec gives the whole run; drop --layers'],
    [['--spec', 'f.json', '--init', 'he'], 'fit: --spec gives the whole run; drop --init'],
  ])('%j exits 2: %s', (argv, message) => {
    const out = fit(argv);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`${message}\n`);
  });

  it("words --layers as the page's layer-sizes field does (core's problem, src/messages)", () => {
    for (const text of ['32,0', '1,2,3,4,5', '7,x'])
      expect(fit(['--layers', text]).stderr).toBe(`fit: --layers: ${page(text)}\n`);
  });
});

describe('fit --spec at depth: every layer checked, named in the message', () => {
  /** 1 -> 4 -> 3 -> 1 with simple numbers. */
  const layer = (rows: number, cols: number, v = 0.1) => ({
    w: Array.from({ length: rows }, () => new Array<number>(cols).fill(v)),
    b: [new Array<number>(cols).fill(0)],
  });
  const good = {
    x: [0, 0.5, 1],
    y: [0, 0.25, 1],
    initial: [layer(1, 4), layer(4, 3), layer(3, 1)],
    activation: 'tanh',
    lr: 0.01,
    steps: 5,
  };

  it('reads a hand-written three-layer spec and trains it', () => {
    const out = fitJson(['--spec', 's.json'], { 's.json': JSON.stringify(good) });
    expect(out.config.layers).toEqual([4, 3]);
    expect(out.losses).toHaveLength(5);
  });

  it.each([
    [
      { initial: [layer(1, 4), layer(4, 3), layer(3, 3), layer(3, 3), layer(3, 3), layer(3, 1)] },
      /^fit: --spec f\.json: initial must be a list of 2 to 5 layers .*; it has 6$/m,
    ],
    [
      { initial: [layer(1, 4), layer(2, 3), layer(3, 1)] },
      /initial\[1\]\.w \(hidden layer 2's weights\) must be w2 = \[4\]\[3\]; it has 2 rows/,
    ],
    [
      { initial: [layer(1, 4), { w: [[], [], [], []], b: [[]] }, layer(3, 1)] },
      /initial\[1\]\.w \(hidden layer 2's weights\) must be w2 = \[4\]\[H\] with H from 1 to 1024/,
    ],
    [
      { initial: [layer(1, 4), layer(4, 3), layer(2, 1)] },
      /initial\[2\]\.w \(the output layer's weights\) must be w3 = \[3\]\[1\]; it has 2 rows/,
    ],
    [
      { initial: [layer(1, 4), layer(4, 3), { w: [[1], [1], [1]], b: [[0, 0]] }] },
      /initial\[2\]\.b\[0\] must have 1 numbers, has 2/,
    ],
    [
      { initial: [layer(1, 4), 'layer 2', layer(3, 1)] },
      /initial\[1\] must be an object with "w" and "b"/,
    ],
    [
      { initial: [layer(1, 4), layer(4, 3), layer(3, 1)], layers: [4, 4] },
      /layers must match initial, whose weights give hidden layers 4,3; got \[4,4\]/,
    ],
    [
      {
        initial: [layer(1, 4), layer(4, 3), layer(3, 1)],
        config: { layers: [4] },
      },
      /layers must match initial, whose weights give hidden layers 4,3; got \[4\]/,
    ],
  ])('%# rejects a bad layer with exit 2', (change, message) => {
    const out = fit(['--spec', 'f.json'], { 'f.json': JSON.stringify({ ...good, ...change }) });
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });
});
