import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findNumpyPython, numpyForTests, pythonCandidates, torchForTests } from './numpy-python';

// Stand-ins for pythons: one whose numpy imports, one without numpy, and a path with nothing.
const dir = mkdtempSync(join(tmpdir(), 'numpy-python-'));
function fakePython(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
const WITH_NUMPY = fakePython('with-numpy', 'echo 9.8.7');
const WITHOUT_NUMPY = fakePython(
  'without-numpy',
  `echo "ModuleNotFoundError: No module named 'numpy'" >&2; exit 1`,
);
const NOTHING = join(dir, 'no-such-python');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pythonCandidates', () => {
  it('tries $PYTHON first, then python3 on PATH, then Debian python3, once each', () => {
    expect(pythonCandidates({})).toEqual(['python3', '/usr/bin/python3']);
    expect(pythonCandidates({ PYTHON: '/opt/py' })).toEqual([
      '/opt/py',
      'python3',
      '/usr/bin/python3',
    ]);
    expect(pythonCandidates({ PYTHON: '/usr/bin/python3' })).toEqual([
      '/usr/bin/python3',
      'python3',
    ]);
  });
});

describe('findNumpyPython', () => {
  it('passes over a python without numpy, and a missing one, to one with numpy', () => {
    const { found, tried } = findNumpyPython([NOTHING, WITHOUT_NUMPY, WITH_NUMPY]);
    expect(found).toEqual({ python: WITH_NUMPY, numpy: '9.8.7' });
    expect(tried).toHaveLength(2);
    expect(tried[0]).toContain('ENOENT');
    expect(tried[1]).toContain("No module named 'numpy'");
  });

  it('finds none when none imports numpy', () => {
    expect(findNumpyPython([WITHOUT_NUMPY]).found).toBeNull();
  });
});

describe('numpyForTests', () => {
  it('gives the python and its numpy when one is found, on CI or not', () => {
    for (const env of [{}, { CI: 'true' }]) {
      const numpy = numpyForTests(env, [WITHOUT_NUMPY, WITH_NUMPY]);
      expect(numpy).toMatchObject({ skip: false, version: '9.8.7', missing: '' });
      expect(numpy.python()).toBe(WITH_NUMPY);
    }
  });

  it('off CI, no numpy skips the tests, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const numpy = numpyForTests({}, [WITHOUT_NUMPY]);
    expect(numpy.skip).toBe(true);
    expect(numpy.version).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('numpy tests SKIPPED'));
    warn.mockRestore();
  });

  it('on CI, no numpy does not skip: asking for the python fails and says why', () => {
    const numpy = numpyForTests({ CI: 'true' }, [NOTHING, WITHOUT_NUMPY]);
    expect(numpy.skip).toBe(false);
    expect(() => numpy.python()).toThrow(
      /CI=true needs numpy: no python with numpy.*no-such-python.*without-numpy.*python3-numpy/,
    );
  });
});

describe('torchForTests', () => {
  const WITHOUT_TORCH = fakePython(
    'without-torch',
    `echo "ModuleNotFoundError: No module named 'torch'" >&2; exit 1`,
  );

  it('asks each python for torch, and gives the first that imports it', () => {
    const torch = torchForTests({ CI: 'true' }, [WITHOUT_TORCH, WITH_NUMPY]);
    expect(torch).toMatchObject({ skip: false, version: '9.8.7', missing: '' });
    expect(torch.python()).toBe(WITH_NUMPY);
  });

  it('off CI, no torch skips the tests, with a warning naming torch', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(torchForTests({}, [WITHOUT_TORCH]).skip).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('torch tests SKIPPED'));
    warn.mockRestore();
  });

  it('on CI, no torch fails and names the Debian package .ci/run installs', () => {
    const torch = torchForTests({ CI: 'true' }, [WITHOUT_TORCH]);
    expect(torch.skip).toBe(false);
    expect(() => torch.python()).toThrow(
      /CI=true needs torch: no python with torch.*No module named 'torch'.*python3-torch/,
    );
  });
});
