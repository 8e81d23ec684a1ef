import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OptimizerAllocation } from '../../scripts/optimizer-allocations';

/**
 * "No allocation per step": scripts/optimizer-allocations.ts runs OptimizerState.step for
 * every optimizer and reduction in a Node process of its own (with --expose-gc) and reports
 * how far the young generation grew over 10,000 steps (see allocations.test.ts, whose
 * probe this one follows, and its flags).
 */
const PROBE = fileURLToPath(new URL('../../scripts/optimizer-allocations.ts', import.meta.url));
/** The probe's own heap reads cost about 2 kB per window; a boxed float per step is 160 kB. */
const WINDOW_OVERHEAD_BYTES = 8 * 1024;
const NODE_FLAGS = [
  '--expose-gc',
  '--min-semi-space-size=64',
  '--max-semi-space-size=64',
  '--no-memory-reducer',
];

describe('an optimizer step allocates nothing', () => {
  const results = JSON.parse(
    execFileSync(process.execPath, [...NODE_FLAGS, '--import', 'tsx', PROBE], {
      encoding: 'utf8',
    }),
  ) as OptimizerAllocation[];

  it('the probe sees a deliberate allocation of one small array per step', () => {
    const control = results.find((r) => r.what === 'control')!;
    expect(control.collected).toBe(false);
    expect(control.bytes / control.steps).toBeGreaterThan(16);
  });

  it.each(
    results.filter((r) => r.what !== 'control').map((r) => [r.what, r.reduction, r] as const),
  )('%s, %s', (_what, _reduction, r) => {
    expect(r.collected).toBe(false);
    expect(r.steps).toBe(10_000);
    expect(r.bytes).toBeLessThan(WINDOW_OVERHEAD_BYTES);
  });
});
