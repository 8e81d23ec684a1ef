/** Runs the `fit` command in-process for tests, with files given as a map of path to text. */
import { expect } from 'vitest';
import { EXIT_OK, runFit, type FitJson } from './runFit';

export function fit(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const status = runFit(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
      return text;
    },
  });
  return { status, stdout, stderr };
}

/** The run's --json object; the run must succeed without a word on stderr. */
export function fitJson(argv: string[], files: Record<string, string> = {}): FitJson {
  const out = fit([...argv, '--json'], files);
  expect(out.stderr).toBe('');
  expect(out.status).toBe(EXIT_OK);
  return JSON.parse(out.stdout) as FitJson;
}
