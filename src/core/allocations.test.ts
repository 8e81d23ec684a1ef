import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { relaxedSimdFlags } from '../../scripts/relaxed-simd.mjs';
import type { AllocationResult } from '../../scripts/step-allocations';
import { ACTIVATIONS } from './activations';

/**
 * "No allocation per step, in either path": scripts/step-allocations.ts trains every
 * activation on both engines in a Node process of its own (with --expose-gc, which this
 * test process lacks) and reports how far the young generation grew over 10,000 steps.
 */
const PROBE = fileURLToPath(new URL('../../scripts/step-allocations.ts', import.meta.url));

/**
 * The probe's own reads of the heap statistics cost about 2 kB per window, whatever the
 * steps do; one allocation per step (16 bytes at the least) would be 160 kB.
 */
const WINDOW_OVERHEAD_BYTES = 8 * 1024;

/**
 * A young generation of 64 MB from the start (V8 otherwise starts small and grows it, so
 * the control's 2 MB per window could trigger a collection), and no memory reducer (the
 * collections V8 schedules on a timer, which a window slowed by a busy machine can meet):
 * the control failed once, under the full suite's load, with every window collected.
 */
const NODE_FLAGS = [
  '--expose-gc',
  '--min-semi-space-size=64',
  '--max-semi-space-size=64',
  '--no-memory-reducer',
  ...relaxedSimdFlags(),
];

/** Runs the probe on `what` (`control` or one activation) in a Node process of its own. */
function probe(points: number, layers: string, what: string, options = ''): AllocationResult[] {
  const out = execFileSync(
    process.execPath,
    [...NODE_FLAGS, '--import', 'tsx', PROBE, String(points), layers, what, options],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as AllocationResult[];
}

// The tutorial's size: the code paths are the same at every size, and the TS core's
// 10,000 steps per window stay quick here.
describe('training steps allocate nothing (N=30, H=10)', () => {
  // One process per activation: each is measured in the steady state a run of its own
  // reaches, not through JIT state the activations before it left (see the probe).
  const results = ['control', ...ACTIVATIONS].flatMap((what) => probe(30, '10', what));

  it('the probe sees a deliberate allocation of one small array per step', () => {
    const control = results.find((r) => r.engine === 'control')!;
    expect(control.collected).toBe(false);
    expect(control.bytes / control.steps).toBeGreaterThan(16);
  });

  it.each(
    results.filter((r) => r.engine !== 'control').map((r) => [r.engine, r.activation, r] as const),
  )('%s engine, %s', (_engine, _activation, r) => {
    expect(r.collected).toBe(false);
    expect(r.steps).toBe(10_000);
    // The wasm engine runs the build the app runs in Chromium (the probe has the flag).
    expect(r.kernel).toBe(r.engine === 'wasm' ? 'relaxed' : null);
    expect(r.bytes).toBeLessThan(WINDOW_OVERHEAD_BYTES);
  });
});

// Three hidden layers on the TS engine and the dense kernels: the same step, composed of
// per-layer passes, must allocate nothing at depth either.
describe('training steps allocate nothing at depth (N=30, layers 8,6,4)', () => {
  const results = ACTIVATIONS.flatMap((what) => probe(30, '8,6,4', what));

  it.each(results.map((r) => [r.engine, r.activation, r] as const))(
    '%s engine, %s',
    (engine, _activation, r) => {
      expect(r.name).toBe(engine === 'ts' ? 'ts' : 'wasm-dense-relaxed');
      expect(r.collected).toBe(false);
      expect(r.steps).toBe(10_000);
      expect(r.bytes).toBeLessThan(WINDOW_OVERHEAD_BYTES);
    },
  );
});

// Issue #20's step: mini-batches of 7 (not dividing N, so epochs end on a short batch and
// draw a permutation), Adam, the mean reduction, L1 and L2, and the checkpoint of the
// optimizer's state and the schedule before every step. A fused-kernel run moves to the
// dense kernels.
describe('training steps with options allocate nothing (momentum and adam, B=7, N=30)', () => {
  const results = [
    ...probe(30, '10', 'relu', 'momentum:7'),
    ...probe(30, '8,6,4', 'tanh', 'adam:7'),
  ];

  it.each(results.map((r) => [r.name, r.activation, r] as const))(
    '%s, %s',
    (name, _activation, r) => {
      expect(['ts', 'wasm-dense-relaxed']).toContain(name);
      expect(r.collected).toBe(false);
      expect(r.steps).toBe(10_000);
      expect(r.bytes).toBeLessThan(WINDOW_OVERHEAD_BYTES);
    },
  );
});
