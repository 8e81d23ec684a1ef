/** `fit --compare VARY:V1,V2,...`: the runs of a comparison trained in turn, as single runs are. */
import { describe, expect, it } from 'vitest';
import { fit, fitJson } from './fit.harness';
import type { CompareRow } from './compareFit';
import { EXIT_DIVERGED, EXIT_OK, EXIT_USAGE } from './runFit';

/** The --json array of a comparison that must succeed without a word on stderr. */
function rowsOf(argv: string[]): CompareRow[] {
  const out = fit([...argv, '--json']);
  expect(out.stderr).toBe('');
  expect(out.status).toBe(EXIT_OK);
  return JSON.parse(out.stdout) as CompareRow[];
}

/** The final loss a single run's summary line gives ("loss a -> b"). */
function singleFinal(argv: string[]): string {
  const out = fit(argv);
  expect(out.status).toBe(EXIT_OK);
  return out.stdout
    .trim()
    .split('\n')
    .at(-1)!
    .match(/loss \S+ -> (\S+)/)![1]!;
}

describe('fit --compare', () => {
  it('the default comparison: one table, each row the single run with that activation', () => {
    const out = fit(['--compare', 'activation:none,relu,tanh,sigmoid', '--steps', '300']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(EXIT_OK);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'activation compared: none, relu, tanh, sigmoid; quadratic data, N=30, noise 0.2, seed 0; 1 -> 10 -> 1, lr 0.01; 300 steps each',
    );
    expect(lines[1]!.split(/\s+/)).toEqual(['activation', 'loss', 'steps/s', 'pieces', 'params']);
    const rows = lines.slice(2).map((l) => l.trim().split(/\s+/));
    expect(rows.map((r) => r[0])).toEqual(['none', 'relu', 'tanh', 'sigmoid']);
    for (const row of rows) {
      const final = singleFinal(['--activation', row[0]!, '--steps', '300']);
      expect(row[1]!.replace('*', ''), row[0]).toBe(final);
      expect(Number(row[2])).toBeGreaterThan(0);
      expect(row[4]).toBe('31');
    }
    // The tutorial's lesson: a line cannot bend; ReLU's hinges can, and it has the lowest loss.
    expect(rows[0]![3]).toBe('1');
    expect(Number(rows[1]![3])).toBeGreaterThan(1);
    expect(rows[2]![3]).toBe('-');
    expect(rows[1]![1]).toMatch(/\*$/);
    expect(rows.filter((r) => r[1]!.endsWith('*'))).toHaveLength(1);
  });

  it('--json: an array of rows, each holding exactly the --json of its single run', () => {
    const rows = rowsOf(['--compare', 'init:tutorial,he', '--layers', '8,8', '--steps', '100']);
    expect(rows.map((r) => r.value)).toEqual(['tutorial', 'he']);
    for (const row of rows) {
      const single = fitJson(['--init', row.value, '--layers', '8,8', '--steps', '100']);
      expect(row.fit).toEqual(single);
      expect(row.steps).toBe(100);
      expect(row.params).toBe(8 + 8 + 64 + 8 + 8 + 1);
      expect(row.divergedAt).toBeNull();
      expect(row.loss).toBeGreaterThan(0);
      expect(row.pieces).toBeGreaterThan(1);
    }
    // A row's run reads back as a spec file and trains as it did.
    const again = fitJson(['--spec', 'he.json'], { 'he.json': JSON.stringify(rows[1]!.fit) });
    expect(again.losses).toEqual(rows[1]!.fit.losses);
    expect(again.final).toEqual(rows[1]!.fit.final);
  });

  it('hidden keeps the depth, layers the first width; every run draws the same data', () => {
    const hidden = rowsOf(['--compare', 'hidden:3,5', '--layers', '8,8', '--steps', '5']);
    expect(hidden.map((r) => r.fit.config.layers)).toEqual([
      [3, 3],
      [5, 5],
    ]);
    const layers = rowsOf(['--compare', 'layers:1,2,3', '--hidden', '6', '--steps', '5']);
    expect(layers.map((r) => r.fit.config.layers)).toEqual([[6], [6, 6], [6, 6, 6]]);
    for (const r of [...hidden, ...layers]) {
      expect(r.fit.x).toEqual(hidden[0]!.fit.x);
      expect(r.fit.y).toEqual(hidden[0]!.fit.y);
    }
  });

  it('with --test and mini-batches: a test loss column, the held-out points shared', () => {
    const argv = ['--compare', 'batch:full,8', '--optimizer', 'adam', '--lr', '0.003'];
    const rows = rowsOf([...argv, '--test', '0.2', '--steps', '60']);
    expect(rows.map((r) => r.fit.options.batchSize)).toEqual([null, 8]);
    for (const r of rows) {
      expect(r.testLoss).toBe(r.fit.testLoss);
      expect(r.testLoss).toBeGreaterThan(0);
      expect(r.fit.test).toEqual(rows[0]!.fit.test);
    }
    const text = fit([...argv, '--test', '0.2', '--steps', '60']);
    expect(text.stdout.split('\n')[1]!.split(/\s+/)).toEqual([
      'batch',
      'loss',
      'test',
      'loss',
      'steps/s',
      'pieces',
      'params',
    ]);
  });

  it('--script numpy prints one script that trains the runs in turn', () => {
    const out = fit([
      '--compare',
      'learningRate:0.001,0.003',
      '--steps',
      '40',
      '--script',
      'numpy',
    ]);
    expect(out.status).toBe(EXIT_OK);
    expect(out.stdout.split('\n')[0]).toBe(
      '# Backprop Playground: learningRate compared, 0.001, 0.003',
    );
    expect(out.stdout).toContain('def run_0_001():');
    expect(out.stdout).toContain('\n    learning_rate = 0.003\n    steps = 40\n');
    expect(out.stdout.match(/^import numpy as np$/gm)).toHaveLength(1);
  });

  it('a run that diverges is marked in its row; the others finish; exit 1', () => {
    const out = fit([
      '--preset',
      'fit-line',
      '--compare',
      'learningRate:0.001,5',
      '--steps',
      '100',
    ]);
    expect(out.status).toBe(EXIT_DIVERGED);
    const rows = out.stdout.trim().split('\n').slice(2);
    expect(rows[0]).toMatch(/^0\.001\s+\d\.\d+/);
    expect(rows[1]).toMatch(/^5\s+diverged at \d+/);
    expect(out.stderr).toMatch(
      /^fit: diverged \(by the page's rule\): 5 at step \d+; try a smaller --lr\n$/,
    );
  });

  it('--engine wasm trains every optimizer: those the fused kernel lacks on the dense kernels', () => {
    const out = fit(['--compare', 'optimizer:sgd,adam', '--engine', 'wasm', '--steps', '50']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(EXIT_OK);
    const rows = out.stdout
      .trim()
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/));
    expect(rows.map((r) => r[0])).toEqual(['sgd', 'adam']);
    for (const row of rows) {
      const single = ['--optimizer', row[0]!, '--engine', 'wasm', '--steps', '50'];
      expect(row[1]!.replace('*', ''), row[0]).toBe(singleFinal(single));
    }
  });

  it.each([
    [
      ['--compare', 'colour:red,blue'],
      'fit: --compare must be a setting to vary (activation, hidden, layers, init, optimizer, learningRate, batch), a colon and 2 to 4 distinct values separated by commas, such as activation:none,relu,tanh,sigmoid (got "colour:red,blue")',
    ],
    [['--compare', 'activation:relu,relu'], '(got "activation:relu,relu")'],
    [['--compare', 'activation:relu'], '2 to 4 distinct values'],
    [
      ['--compare', 'layers:1,7'],
      '; each layers value is a whole number from 1 to 4 (got "layers:1,7")',
    ],
    [
      ['--compare', 'activation:relu,tanh', '--activation', 'relu'],
      'fit: --compare activation:... gives each run its activation: drop --activation',
    ],
    [['--compare', 'learningRate:0.1,0.01', '--lr', '0.1'], 'drop --lr'],
    [['--compare', 'activation:relu,tanh', '--script', 'pytorch'], 'use --script numpy'],
    [['--compare', 'activation:relu,tanh', '--spec', 'x.json'], 'drop --compare'],
    [['--compare'], '--compare needs a value'],
  ])('%j is refused with a clear message, exit 2', (argv, message) => {
    const out = fit(argv);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
  });
});
