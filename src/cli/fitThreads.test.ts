/** `fit --threads`: the headless trainer splitting large steps across worker_threads. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fit, fitJson } from './fit.harness';
import { EXIT_USAGE } from './runFit';

/** Large enough to split (SPLIT_MIN_WORK), small enough for a test: N = 2000, H = 1000. */
const WIDE = ['--hidden', '1000', '--points', '2000', '--lr', '5e-7', '--steps', '60'];

/** The split's tolerance, relative to the first loss (see src/cli/nodeThreads.test.ts). */
const TOLERANCE = 1e-5;

describe('fit --threads', () => {
  it("2 threads train the same run to one thread's losses, and the summary says so", () => {
    const one = fitJson([...WIDE, '--threads', '1']);
    const two = fitJson([...WIDE, '--threads', '2']);
    expect(two.losses[0]).toBe(one.losses[0]);
    const first = one.losses[0]!;
    const worst = Math.max(...one.losses.map((l, i) => Math.abs(l - two.losses[i]!)));
    expect(worst / first).toBeLessThan(TOLERANCE);
    expect(one.losses.at(-1)!).toBeLessThan(first / 2);
    expect(fit([...WIDE, '--threads', '2']).stdout).toMatch(
      /: 60 steps on wasm-relaxed \(2 threads\), loss /,
    );
    expect(fit([...WIDE, '--threads', '1']).stdout).toMatch(/: 60 steps on wasm-relaxed, loss /);
  });

  it('a small run stays on one thread whatever --threads says (its step is too short to split)', () => {
    expect(fit(['--steps', '10', '--threads', '4']).stdout).toMatch(
      /: 10 steps on wasm-relaxed, loss /,
    );
  });

  it.each([
    ['a deeper network', ['--layers', '64,64', '--points', '2000', '--lr', '1e-6']],
    ['a non-default optimizer', [...WIDE.slice(0, -2), '--optimizer', 'adam']],
  ])('%s trains on the dense kernels, its large steps split across the threads', (_, flags) => {
    const out = fit([...flags, '--steps', '5', '--threads', '2']);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/: 5 steps on wasm-dense-(relaxed|simd128) \(2 threads\), loss /);
  });

  it('a small deeper network stays on one thread whatever --threads says', () => {
    const out = fit(['--layers', '8,8', '--points', '200', '--steps', '5', '--threads', '2']);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/: 5 steps on wasm-dense-(relaxed|simd128), loss /);
  });

  it.each(['0', '65', '1.5', 'two'])('--threads %s is a usage error', (value) => {
    const out = fit(['--threads', value]);
    expect(out.status).toBe(EXIT_USAGE);
    expect(out.stderr).toBe(
      `fit: --threads must be a whole number from 1 to 64 (got "${value}")\n`,
    );
  });

  it('npm run fit with threads ends by itself once trained (its helper threads do not hold it)', () => {
    const out = spawnSync(
      process.execPath,
      [
        join(process.cwd(), 'scripts', 'fit.mjs'),
        ...WIDE.slice(0, -2),
        '--steps',
        '20',
        '--threads',
        '2',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/: 20 steps on wasm-relaxed \(2 threads\), loss /);
  });
});
