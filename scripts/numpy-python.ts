/**
 * The python that runs numpy for the tests (the exported numpy script) and the benchmark's
 * numpy column: $PYTHON when set, else python3 on PATH, else Debian's /usr/bin/python3 (whose
 * numpy .ci/run installs), the first that imports numpy. One name is not enough: the python3
 * on a PATH may be another install without numpy (a pyenv one, say).
 */
import { spawnSync } from 'node:child_process';

export interface NumpyPython {
  python: string;
  /** numpy's version, as that python reports it. */
  numpy: string;
}

export interface NumpySearch {
  found: NumpyPython | null;
  /** Each candidate that failed, with why (its last line of stderr, or the spawn error). */
  tried: string[];
}

/** Where to look, in order, without repeats. */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = [env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  return [...new Set(list)];
}

export function findNumpyPython(candidates: readonly string[] = pythonCandidates()): NumpySearch {
  const tried: string[] = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import numpy; print(numpy.__version__)'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (probe.status === 0) return { found: { python, numpy: probe.stdout.trim() }, tried };
    const why =
      probe.error?.message ?? probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`;
    tried.push(`${python}: ${why}`);
  }
  return { found: null, tried };
}

export interface NumpyForTests {
  /** Skip the tests that need numpy: none was found, and this is not CI. */
  skip: boolean;
  /** numpy's version, or null when none was found. */
  version: string | null;
  /** Why none was found ('' when one was). */
  missing: string;
  /** The python to run; throws, saying what was tried, when none imports numpy. */
  python(): string;
}

/**
 * For tests that need numpy. Off CI a machine without numpy skips them, with a warning; on CI
 * (CI=true) they run and fail with the reason, so a missing install cannot pass as a green run.
 */
export function numpyForTests(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = pythonCandidates(env),
): NumpyForTests {
  const { found, tried } = findNumpyPython(candidates);
  const onCi = env.CI === 'true';
  const missing = found ? '' : `no python with numpy (tried ${tried.join('; ')})`;
  if (!found && !onCi) console.warn(`numpy tests SKIPPED: ${missing}`);
  return {
    skip: !found && !onCi,
    version: found?.numpy ?? null,
    missing,
    python() {
      if (found) return found.python;
      throw new Error(
        onCi ? `CI=true needs numpy: ${missing}; .ci/run installs Debian's python3-numpy` : missing,
      );
    },
  };
}
