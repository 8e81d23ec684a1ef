/**
 * The python that runs numpy (or torch) for the tests (the exported numpy script, the
 * optimizers' PyTorch parity) and the benchmark's numpy column: $PYTHON when set, else
 * python3 on PATH, else Debian's /usr/bin/python3 (whose numpy and torch .ci/run installs),
 * the first that imports the module. One name is not enough: the python3 on a PATH may be
 * another install without numpy (a pyenv one, say), and Debian's torch imports only under
 * /usr/bin/python3.
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
  const { found, tried } = findModulePython('numpy', candidates);
  return { found: found && { python: found.python, numpy: found.version }, tried };
}

/** A python that imports a module, and the module's version as that python reports it. */
export interface ModulePython {
  python: string;
  version: string;
}

/** The first candidate that imports `module`, and each that failed with why. */
export function findModulePython(
  module: string,
  candidates: readonly string[] = pythonCandidates(),
): { found: ModulePython | null; tried: string[] } {
  const tried: string[] = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', `import ${module}; print(${module}.__version__)`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (probe.status === 0) return { found: { python, version: probe.stdout.trim() }, tried };
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

/** What tests that need a python module get: the same shape, whichever module. */
export type ModuleForTests = NumpyForTests;

/**
 * For tests that need a python module (numpy; torch). Off CI a machine without it skips
 * them, with a warning; on CI (CI=true) they run and fail with the reason, so a missing
 * install cannot pass as a green run. `aptPackage` is the Debian package .ci/run installs.
 */
export function moduleForTests(
  module: string,
  aptPackage: string,
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = pythonCandidates(env),
): ModuleForTests {
  const { found, tried } = findModulePython(module, candidates);
  const onCi = env.CI === 'true';
  const missing = found ? '' : `no python with ${module} (tried ${tried.join('; ')})`;
  if (!found && !onCi) console.warn(`${module} tests SKIPPED: ${missing}`);
  return {
    skip: !found && !onCi,
    version: found?.version ?? null,
    missing,
    python() {
      if (found) return found.python;
      throw new Error(
        onCi
          ? `CI=true needs ${module}: ${missing}; .ci/run installs Debian's ${aptPackage}`
          : missing,
      );
    },
  };
}

/** For tests that need numpy (the exported numpy script, the numpy references). */
export function numpyForTests(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = pythonCandidates(env),
): NumpyForTests {
  return moduleForTests('numpy', 'python3-numpy', env, candidates);
}

/**
 * For tests that need PyTorch: Debian's python3-torch, which imports only under
 * /usr/bin/python3 (the last candidate).
 */
export function torchForTests(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = pythonCandidates(env),
): ModuleForTests {
  return moduleForTests('torch', 'python3-torch', env, candidates);
}
