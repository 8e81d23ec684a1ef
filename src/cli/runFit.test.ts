/** The `fit` command: in-process through runFit, plus real spawns of the npm entry. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkValues } from '../core/fit';
import { PRESETS } from '../core/presets';
import { TrainingRun } from '../core/run';
import { ENGINES, parseFitArgs } from './args';
import { fit, fitJson } from './fit.harness';
import { EXIT_DIVERGED, EXIT_OK, EXIT_USAGE, type FitJson } from './runFit';

/** numpy's float64 run of the tutorial (see src/core/presets.test.ts for the tolerance). */
const NUMPY = JSON.parse(
  readFileSync(new URL('../core/fixtures/presets.json', import.meta.url), 'utf8'),
) as {
  runs: Record<string, Record<string, { losses: number[]; x: number[]; y: number[] }>>;
};
const LOSS_RTOL = 1e-6;

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** What each --engine runs here (Vitest's workers have relaxed SIMD on, as Chromium does). */
const ENGINE_NAME = { wasm: 'wasm-relaxed', ts: 'ts' } as const;

describe.each(ENGINES)("fit --engine %s, numpy's numbers", (engine) => {
  it("square-relu seed 0: the loss every 10 steps (numpy's, to 1e-6), then one summary line", () => {
    const out = fit(['--preset', 'square-relu', '--seed', '0', '--engine', engine]);
    expect(out.status).toBe(EXIT_OK);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(30 + 1);
    const ref = NUMPY.runs['square-relu']!['0']!.losses;
    lines
      .slice(0, 30)
      .forEach((line, k) => expect(relative(Number(line), ref[k * 10]!)).toBeLessThan(LOSS_RTOL));
    expect(lines[30]).toMatch(
      new RegExp(
        `^square-relu, seed 0: quadratic data, N=30, noise 0\\.2, 1 -> 10 -> 1 relu, lr 0\\.01: 300 steps on ${ENGINE_NAME[engine]}, loss 0\\.343641 -> 0\\.0391\\d+$`,
      ),
    );
  });

  it("--json: every loss within 1e-6 of numpy's", () => {
    const out = fitJson(['--preset', 'square-none', '--seed', '1', '--engine', engine]);
    const ref = NUMPY.runs['square-none']!['1']!;
    expect(out.losses).toHaveLength(300);
    out.losses.forEach((loss, i) => expect(relative(loss, ref.losses[i]!)).toBeLessThan(LOSS_RTOL));
  });

  it("diverges where the worker's run does, with the same losses, and exits 1", () => {
    const out = fit(['--preset', 'fit-line', '--lr', '5', '--engine', engine, '--json']);
    expect(out.status).toBe(EXIT_DIVERGED);
    const json = JSON.parse(out.stdout) as FitJson;
    const worker = new TrainingRun({ ...PRESETS['fit-line'].settings, seed: 0 }, undefined, {
      engine,
    });
    const losses = new Float32Array(PRESETS['fit-line'].steps);
    const taken = worker.train(losses.length, 5, losses, 0);
    expect(worker.divergedAt).toBe(taken);
    expect(json.losses).toEqual(Array.from(losses.subarray(0, taken)));
    expect(out.stderr).toBe(
      `fit: custom, seed 0: linear data, N=10, noise 0.2, 1 -> 3 -> 1 none, lr 5: diverged at step ${taken} on ${ENGINE_NAME[engine]}; try a smaller --lr\n`,
    );
    // final: the last good parameters, those of the last whole 10 steps before the divergence.
    const good = new TrainingRun({ ...PRESETS['fit-line'].settings, seed: 0 }, undefined, {
      engine,
    });
    const goodSteps = Math.floor((taken - 1) / 10) * 10;
    expect(good.train(goodSteps, 5, new Float32Array(Math.max(goodSteps, 1)), 0)).toBe(goodSteps);
    expect(json.final).toEqual(networkValues(good.net));
  });
});

describe('fit --engine', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('without WebAssembly, picks the TS core as the worker does; --engine wasm then exits 2', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(fit(['--steps', '10']).stdout).toMatch(/10 steps on ts, /);
    const out = fit(['--engine', 'wasm', '--steps', '10']);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stderr).toMatch(/^fit: --engine wasm: .*no WebAssembly SIMD/);
  });

  it('rejects an engine it does not know', () => {
    expect(fit(['--engine', 'gpu'])).toMatchObject({
      status: EXIT_USAGE,
      stderr: 'fit: --engine must be one of wasm, ts (got "gpu")\n',
    });
  });
});

describe('fit, printed like the tutorial', () => {
  it('overriding a preset setting makes the run custom', () => {
    const out = fit(['--preset=fit-line', '--hidden=5', '--steps', '20']);
    expect(out.stdout.trim().split('\n')).toHaveLength(2 + 1);
    expect(out.stdout).toContain(
      'custom, seed 0: linear data, N=10, noise 0.2, 1 -> 5 -> 1 none, lr 0.01: 20 steps on ',
    );
  });

  it('--help lists every flag and exits 0', () => {
    const out = fit(['--help']);
    expect(out.status).toBe(EXIT_OK);
    for (const flag of [
      '--preset',
      '--seed',
      '--dataset',
      '--points',
      '--noise',
      '--hidden',
      '--layers',
      '--init',
      '--activation',
      '--lr',
      '--steps',
      '--engine',
      '--batch',
      '--reduction',
      '--optimizer',
      '--momentum',
      '--l1',
      '--l2',
      '--test',
      '--json',
      '--spec',
      '--compare',
      '--help',
    ]) {
      expect(out.stdout).toContain(flag);
    }
  });

  it('a diverging run says so and exits 1', () => {
    const out = fit(['--preset', 'fit-line', '--lr', '5']);
    expect(out.status).toBe(EXIT_DIVERGED);
    expect(out.stdout).toMatch(/diverged at step \d+ on wasm-relaxed; try a smaller --lr/);
  });
});

describe('fit --json', () => {
  it("has exactly the documented shape, numpy .tolist() nesting, and numpy's numbers", () => {
    const out = fitJson(['--preset', 'square-none', '--seed', '1']);
    expect(Object.keys(out)).toEqual([
      'config',
      'seed',
      'lr',
      'options',
      'x',
      'y',
      'test',
      'initial',
      'losses',
      'epochs',
      'final',
      'testLoss',
    ]);
    // This preset holds no points out.
    expect(out.test).toEqual(new Array(30).fill(0));
    expect(out.testLoss).toBeNull();
    expect(out.config).toEqual({
      dataset: 'quadratic',
      points: 30,
      layers: [10],
      init: 'tutorial',
      steps: 300,
      activation: 'none',
      noise: 0.2,
    });
    expect(out.seed).toBe(1);
    expect(out.lr).toBe(0.01);
    const ref = NUMPY.runs['square-none']!['1']!;
    expect(out.x).toEqual(ref.x.map(Math.fround));
    expect(out.y).toEqual(ref.y.map(Math.fround));
    for (const params of [out.initial, out.final]) {
      expect(params).toHaveLength(2);
      const [l1, l2] = params as [FitJson['initial'][0], FitJson['initial'][0]];
      expect([l1.w.length, l1.w[0]!.length, l1.b.length, l1.b[0]!.length]).toEqual([1, 10, 1, 10]);
      expect([l2.w.length, ...l2.w.map((r) => r.length), l2.b.length, l2.b[0]!.length]).toEqual([
        10,
        ...new Array<number>(10).fill(1),
        1,
        1,
      ]);
    }
    expect(out.initial[0]!.b[0]).toEqual(new Array(10).fill(Math.fround(0.1)));
    expect(out.losses).toHaveLength(300);
    out.losses.forEach((loss, i) => expect(relative(loss, ref.losses[i]!)).toBeLessThan(LOSS_RTOL));
  });

  it('0 steps: no losses, final equals initial', () => {
    const out = fitJson(['--preset', 'untrained-line']);
    expect(out.losses).toEqual([]);
    expect(out.final).toEqual(out.initial);
  });
});

describe('fit --spec', () => {
  it.each(ENGINES)(
    'round-trips on %s: a --json output, as a spec, trains to the very same numbers',
    (engine) => {
      const first = fitJson([
        '--preset',
        'square-relu',
        '--seed',
        '4294967295',
        '--steps',
        '120',
        '--engine',
        engine,
      ]);
      // Both forms: the --json output itself, and the minimal hand-written shape.
      const minimal = {
        x: first.x,
        y: first.y,
        initial: first.initial,
        activation: 'relu',
        lr: first.lr,
        steps: 120,
      };
      const files = { 'out.json': JSON.stringify(first), 'min.json': JSON.stringify(minimal) };
      for (const file of Object.keys(files)) {
        const again = fitJson(['--spec', file, '--engine', engine], files);
        expect(again.config).toEqual({
          dataset: null,
          points: 30,
          layers: [10],
          init: null,
          steps: 120,
          activation: 'relu',
          noise: null,
        });
        expect(again.seed).toBeNull();
        expect(again.x).toEqual(first.x);
        expect(again.initial).toEqual(first.initial);
        expect(again.losses).toEqual(first.losses);
        expect(again.final).toEqual(first.final);
      }
    },
  );

  it.each(ENGINES)(
    'trains from numbers no seed produces on %s, and prints like a normal run',
    (engine) => {
      const spec = {
        x: [-1, 0, 1],
        y: [1, 0, 1],
        initial: [
          { w: [[0.5, -0.5]], b: [[0, 0]] },
          { w: [[1], [1]], b: [[0]] },
        ],
        activation: 'relu',
        lr: 0.1,
        steps: 25,
      };
      const out = fit(['--spec', 's.json', '--engine', engine], { 's.json': JSON.stringify(spec) });
      expect(out.status).toBe(EXIT_OK);
      const lines = out.stdout.trim().split('\n');
      // relu(0.5x) + relu(-0.5x) = |x|/2: loss before the first step is mean(([1,0,1] - [.5,0,.5])^2) = 1/6.
      expect(Number(lines[0])).toBeCloseTo(1 / 6, 7);
      expect(lines.at(-1)).toMatch(
        new RegExp(
          `^spec s\\.json: N=3, 1 -> 2 -> 1 relu, lr 0\\.1: 25 steps on ${ENGINE_NAME[engine]}, loss 0\\.166667 -> `,
        ),
      );
    },
  );

  const good = {
    x: [0, 1],
    y: [0, 1],
    initial: [
      { w: [[0.1, 0.2]], b: [[0.1, 0.1]] },
      { w: [[0.3], [0.4]], b: [[0.1]] },
    ],
    activation: 'none',
    lr: 0.01,
    steps: 3,
  };
  it.each([
    ['{ not json', /not valid JSON/],
    ['[1, 2]', /must be a JSON object/],
    [
      JSON.stringify({ ...good, x: undefined }),
      /^fit: --spec f\.json: x must be a list of numbers/,
    ],
    [JSON.stringify({ ...good, y: [0] }), /y must have 2 numbers, has 1/],
    [JSON.stringify({ ...good, x: [0, 'a'] }), /x\[1\] must be a finite number, got "a"/],
    [
      JSON.stringify({ ...good, initial: [good.initial[0]] }),
      /initial must be a list of 2 to 5 layers .* \(1 to 4 hidden layers, then the output layer\); it has 1$/m,
    ],
    [
      JSON.stringify({ ...good, initial: [good.initial[0], { w: [[0.3]], b: [[0.1]] }] }),
      /initial\[1\]\.w \(the output layer's weights\) must be w2 = \[2\]\[1\]; it has 1 rows/,
    ],
    [
      JSON.stringify({ ...good, initial: [{ w: [[0.1, 0.2]], b: [[0.1]] }, good.initial[1]] }),
      /initial\[0\]\.b\[0\] must have 2 numbers, has 1/,
    ],
    [
      JSON.stringify({ ...good, initial: [{ w: [], b: [[0.1]] }, good.initial[1]] }),
      /initial\[0\]\.w \(hidden layer 1's weights\) must be w1 = \[1\]\[H\] with H from 1 to 1024/,
    ],
    [
      JSON.stringify({ ...good, activation: 'softmax' }),
      /activation must be one of none, relu, tanh, sigmoid, leaky-relu, elu, softplus, sine, got "softmax"/,
    ],
    [JSON.stringify({ ...good, lr: -1 }), /lr must be a number from 1e-37 to 10, got -1/],
    [
      JSON.stringify({ ...good, steps: 2.5 }),
      /steps must be a whole number from 0 to 1000000, got 2\.5/,
    ],
  ])('rejects %s with exit 2', (text, message) => {
    const out = fit(['--spec', 'f.json'], { 'f.json': text });
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('an unreadable file, or --spec with run flags, exits 2', () => {
    const missing = fit(['--spec', 'missing.json']);
    expect(missing.status).toBe(EXIT_USAGE);
    expect(missing.stderr).toMatch(/--spec missing\.json: cannot read the file/);
    const both = fit(['--spec', 'f.json', '--seed', '3']);
    expect(both.status).toBe(EXIT_USAGE);
    expect(both.stderr).toMatch(/--spec gives the whole run; drop --seed/);
  });
});

describe('fit flags', () => {
  it('--dataset custom --expression trains on the typed target', () => {
    const out = fit([
      '--dataset',
      'custom',
      '--expression',
      'sin(3x)',
      '--activation',
      'elu',
      '--steps',
      '30',
    ]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('custom data y = sin(3x), N=30');
  });

  it.each([
    [['--seed', '-1'], /--seed must be a whole number from 0 to 4294967295 \(got "-1"\)/],
    [['--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295/],
    [['--points', '1'], /--points must be a whole number from 2 to 5000/],
    [['--points', '3.5'], /--points must be a whole number from 2 to 5000/],
    [['--noise', 'lots'], /--noise must be a number from 0 to 2 \(got "lots"\)/],
    [['--hidden', '0'], /--hidden must be a whole number from 1 to 1024/],
    [['--lr', '0'], /--lr must be a number from 1e-37 to 10/],
    [['--steps', '1e7'], /--steps must be a whole number from 0 to 1000000/],
    [['--dataset', 'custom'], /--dataset custom needs --expression/],
    [['--dataset', 'custom', '--expression', 'sin(3*'], /--expression: /],
    [
      ['--dataset', 'spiral'],
      /--dataset must be one of linear, quadratic, sine, abs, step, cubic, custom \(got "spiral"\)/,
    ],
    [['--activation', 'gelu'], /--activation must be one of none, relu, tanh, sigmoid/],
    [
      ['--preset', 'square'],
      /--preset must be one of untrained-line, fit-line, square-none, square-relu/,
    ],
    [['--sed', '1'], /unknown flag --sed/],
    [['seed'], /unexpected argument "seed"/],
    [['--seed'], /--seed needs a value/],
    [['--seed', '--json'], /--seed needs a value/],
    [['--seed', '1', '--seed', '2'], /--seed given twice/],
    [['--json=yes'], /--json takes no value/],
  ])('%j exits 2: %s', (argv, message) => {
    const out = fit(argv);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('keeps the preset name only while its settings are untouched', () => {
    const keep = parseFitArgs(['--preset', 'square-none', '--seed', '9', '--steps', '10']);
    expect(keep.ok && keep.command.kind === 'config' && keep.command.preset).toBe('square-none');
    const changed = parseFitArgs(['--preset', 'square-none', '--activation', 'relu']);
    expect(changed.ok && changed.command.kind === 'config' && changed.command.preset).toBeNull();
    const same = parseFitArgs(['--preset', 'square-none', '--activation', 'none']);
    expect(same.ok && same.command.kind === 'config' && same.command.preset).toBe('square-none');
    const defaults = parseFitArgs([]);
    expect(defaults.ok && defaults.command.kind === 'config' && defaults.command.steps).toBe(
      PRESETS['square-relu'].steps,
    );
  });
});

// Each spawn starts Node with tsx's loader: seconds on a busy machine, not milliseconds.
describe('the real command (npm run fit)', { timeout: 60_000 }, () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'fit.mjs'), ...args], {
      encoding: 'utf8',
    });

  it('runs the kernel build the page runs (relaxed SIMD, flag or none as this Node needs)', () => {
    const out = run(['--steps', '10']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/: 10 steps on wasm-relaxed, loss /);
  });

  it('--json prints one JSON object on stdout and nothing else; --spec reads it back from a file', () => {
    const first = run(['--preset', 'fit-line', '--seed', '5', '--json']);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    const out = JSON.parse(first.stdout) as FitJson;
    expect(out.losses).toHaveLength(50);
    const file = join(mkdtempSync(join(tmpdir(), 'fit-')), 'run.json');
    writeFileSync(file, first.stdout);
    const again = run(['--spec', file, '--json']);
    expect(again.status).toBe(0);
    expect((JSON.parse(again.stdout) as FitJson).final).toEqual(out.final);
  });

  it('bad flags exit with status 2 and a message on stderr', () => {
    const bad = run(['--hidden', '2000']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--hidden must be a whole number from 1 to 1024');
  });
});
