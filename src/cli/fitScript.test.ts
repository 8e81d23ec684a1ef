/**
 * `fit --script numpy|pytorch`: the script of the run the flags describe, printed instead
 * of training; run by python (torch for pytorch), it prints the losses `fit --json` trains.
 */
import { describe, expect, it } from 'vitest';
import { torchForTests } from '../../scripts/numpy-python';
import { PRINT_EVERY } from '../core/numpyScript';
import { runScripts, worstRelative } from '../core/torchScript.harness';
import { fit, fitJson } from './fit.harness';
import { EXIT_OK, EXIT_USAGE, type FitJson } from './runFit';

/**
 * Float32 torch against our float32 engine (see src/core/torchScript.test.ts), and the
 * summary's final loss rounded to six significant digits (up to 5e-6 relative).
 */
const LOSS_RTOL = 2e-5;
const TORCH = torchForTests();

/**
 * What fit trained, as a script prints it: every PRINT_EVERY-th loss (from --json), then
 * the final loss (from the summary line, to its six digits).
 */
function expectedPrints(json: FitJson, summary: string): number[] {
  const final = Number(
    summary
      .trim()
      .split('\n')
      .at(-1)!
      .match(/-> (\S+)$/)![1],
  );
  return [...json.losses.filter((_, i) => i % PRINT_EVERY === 0), final];
}

const RUN =
  '--preset square-relu --steps 120 --optimizer adam --batch 8 --reduction mean --l2 0.001'.split(
    ' ',
  );
const DEEP =
  '--layers 8,6 --activation tanh --steps 80 --optimizer momentum --batch 7 --l1 0.001'.split(' ');

describe('fit --script', () => {
  it('pytorch: prints the torch script of the run instead of training it', () => {
    const out = fit([...RUN, '--script', 'pytorch']);
    expect(out.status).toBe(EXIT_OK);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('import torch');
    expect(out.stdout).toContain('torch.optim.Adam(groups, lr=lr)');
    expect(out.stdout).toContain('"batch": 8, "reduction": "mean", "optimizer": "adam"');
    expect(out.stdout).toContain('steps = 120');
    // No loss lines: nothing was trained.
    expect(out.stdout).not.toMatch(/steps on (ts|wasm)/);
  });

  it('numpy: prints the numpy script', () => {
    const out = fit(['--preset', 'fit-line', '--script', 'numpy']);
    expect(out.status).toBe(EXIT_OK);
    expect(out.stdout).toContain('import numpy as np');
    expect(out.stdout).not.toContain('import torch');
  });

  it.each([
    [['--script', 'jax'], '--script must be one of numpy, pytorch (got "jax")'],
    [
      ['--script', 'pytorch', '--json'],
      '--script prints a script instead of training: drop --json',
    ],
    [['--script'], '--script needs a value'],
  ])('%j is refused with a message', (argv, message) => {
    const out = fit(argv);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stderr).toContain(message);
  });

  describe.skipIf(TORCH.skip)('run by torch: the losses fit trains', () => {
    it('a preset with options, a deeper network, and a --spec file (its points and weights)', () => {
      const spec = JSON.stringify(fitJson(RUN));
      const files = { 'run.json': spec };
      const runs = [RUN, DEEP, ['--spec', 'run.json']];
      const printed = runScripts(
        TORCH.python(),
        runs.map((argv) => fit([...argv, '--script', 'pytorch'], files).stdout),
      );
      runs.forEach((argv, k) => {
        const expected = expectedPrints(fitJson(argv, files), fit(argv, files).stdout);
        expect(printed[k]).toHaveLength(expected.length);
        const worst = worstRelative(printed[k]!, expected);
        expect(worst, argv.join(' ')).toBeLessThan(LOSS_RTOL);
      });
    });
  });
});
