/**
 * Parameters smaller than 2^-50 become exactly 0 after each update, in both engines, so a
 * unit shrinking toward 0 never computes with slow float32 subnormals (docs/kernel.md).
 */
import { describe, expect, it } from 'vitest';
import { FLUSH_BELOW } from '../../../scripts/kernel/generate.mjs';
import { buildModel } from '../buildModel';
import { createWorkspace, type Network } from '../network';
import { PARAM_FLUSH_BELOW, trainStep } from '../train';
import { curveGrid } from '../grid';
import { FusedKernel } from './fusedKernel';
import { kernelModule, type KernelBuild } from './wasmRuntime';

interface Params {
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

/** One engine on the tutorial's data and weights: step(lr) and its parameters, read live. */
interface Engine {
  params: Params;
  step(lr: number): number;
}

function tsEngine(net: Network, x: Float32Array, y: Float32Array): Engine {
  const ws = createWorkspace(net, x.length);
  const [l1, l2] = net.layers;
  return {
    params: { w1: l1!.w, b1: l1!.b, w2: l2!.w, b2: l2!.b },
    step: (lr) => trainStep(net, ws, x, y, lr),
  };
}

function kernelEngine(net: Network, x: Float32Array, y: Float32Array, build: KernelBuild): Engine {
  const [l1, l2] = net.layers;
  const k = new FusedKernel(x, y, l1!.outDim, l1!.activation, curveGrid(), kernelModule(build));
  k.w1.set(l1!.w);
  k.b1.set(l1!.b);
  k.w2.set(l2!.w);
  k.b2.set(l2!.b);
  return { params: { w1: k.w1, b1: k.b1, w2: k.w2, b2: k.b2 }, step: (lr) => k.step(lr) };
}

const ENGINES = [
  ['TypeScript core', (net: Network, x: Float32Array, y: Float32Array) => tsEngine(net, x, y)],
  [
    'relaxed kernel',
    (net: Network, x: Float32Array, y: Float32Array) => kernelEngine(net, x, y, 'relaxed'),
  ],
  [
    'simd128 kernel',
    (net: Network, x: Float32Array, y: Float32Array) => kernelEngine(net, x, y, 'simd128'),
  ],
] as const;

const all = (p: Params) => [...p.w1, ...p.b1, ...p.w2, ...p.b2];
/** Parameters that are not 0 but smaller than the flush bound: what the flush prevents. */
const tiny = (p: Params) => all(p).filter((v) => v !== 0 && Math.abs(v) < PARAM_FLUSH_BELOW);

it('the kernel generator and the TypeScript core flush below the same bound, 2^-50', () => {
  expect(FLUSH_BELOW).toBe(PARAM_FLUSH_BELOW);
  expect(PARAM_FLUSH_BELOW).toBe(2 ** -50);
});

describe.each(ENGINES)('%s', (_name, make) => {
  it('sets parameters below 2^-50 to exactly 0, keeps those at or above it, and keeps NaN', () => {
    const { data, net } = buildModel({
      dataset: 'quadratic',
      points: 30,
      noise: 0.2,
      seed: 1,
      layers: [6],
      activation: 'tanh',
      init: 'tutorial',
    });
    const e = make(net, data.x, data.y);
    const { w1, b1, w2 } = e.params;
    // Unit 0 all tiny (its gradients are then tiny too, so after the step it is still below
    // the bound); unit 1 has w2 just above the bound (kept), w1 and b1 normal.
    w1[0] = 3e-16;
    b1[0] = -2e-16;
    w2[0] = 1e-16;
    w2[1] = 2e-15;
    e.params.b2[0] = 1e-16;
    e.step(0);
    expect([w1[0], b1[0], w2[0], e.params.b2[0]]).toEqual([0, 0, 0, 0]);
    expect(Math.abs(w2[1])).toBeGreaterThanOrEqual(PARAM_FLUSH_BELOW);
    expect(tiny(e.params)).toEqual([]);
    // A diverged parameter is not flushed into looking finite.
    w2[2] = Number.NaN;
    e.step(1e-3);
    expect(Number.isNaN(w2[2])).toBe(true);
  });
});

// The tutorial's own net (30 points, 10 ReLU units, rate 0.01) shrinks 3 of its units
// toward 0; without the flush their products become subnormals after about a million steps.
// (The TS core, too slow for this many steps, is covered by the direct test above.)
describe.each(ENGINES.slice(1))('%s', (_name, make) => {
  it("keeps every parameter of the tutorial's ReLU run at 0 or above 2^-50 for 1.6 million steps", () => {
    const { data, net } = buildModel({
      dataset: 'quadratic',
      points: 30,
      noise: 0.2,
      seed: 0,
      layers: [10],
      activation: 'relu',
      init: 'tutorial',
    });
    const e = make(net, data.x, data.y);
    for (let s = 0; s < 1_600_000; s += 50_000) {
      for (let i = 0; i < 50_000; i++) e.step(0.01);
      expect(tiny(e.params), `after ${s + 50_000} steps`).toEqual([]);
    }
    expect(Number.isFinite(all(e.params).reduce((a, b) => a + b))).toBe(true);
    // The shrinking units were flushed (without the flush, 1e-16 after a million steps).
    expect(all(e.params).filter((v) => v === 0).length).toBeGreaterThan(0);
  });
});
