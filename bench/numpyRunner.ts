/**
 * Runs one of the bench's numpy scripts (tutorial_numpy.py, deep_numpy.py) on a problem
 * written to a JSON file, with one BLAS thread as every other implementation has, and reads
 * its losses and rates back. Null when this machine has no python with numpy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNumpyPython } from '../scripts/numpy-python';
import type { ImplResult } from './child';
import { median } from './timing';

/** `script` (a file beside this one) on `problem`, or null without numpy. */
export function runNumpy(script: string, problem: object): ImplResult | null {
  const python = findNumpyPython().found?.python;
  if (!python) return null;
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const file = join(dir, 'problem.json');
  try {
    writeFileSync(file, JSON.stringify(problem));
    const out = execFileSync(python, [fileURLToPath(new URL(script, import.meta.url)), file], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: {
        ...process.env,
        OMP_NUM_THREADS: '1',
        OPENBLAS_NUM_THREADS: '1',
        MKL_NUM_THREADS: '1',
      },
    });
    const parsed = JSON.parse(out) as { losses: number[]; rates: number[]; numpy: string };
    return {
      impl: `numpy ${parsed.numpy}`,
      losses: parsed.losses,
      rates: parsed.rates,
      stepsPerSecond: median(parsed.rates),
    };
  } catch (err) {
    const missing = err instanceof Error && /No module named|ENOENT/.test(err.message);
    return missing
      ? null
      : { impl: 'numpy', losses: [], rates: [], stepsPerSecond: 0, error: String(err) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
