/**
 * Frame.picture as the worker builds it, against independent float64 references: each
 * layer's drawn rows against a float64 forward pass, the units view summing to the curve,
 * the largest units chosen, health and gradient sizes as core computes them.
 */
import { describe, expect, it } from 'vitest';
import { activate, type ActivationName } from '../core/activations';
import { DEFAULT_CONFIG, type ModelConfig } from '../core/config';
import { unitRow, unpackParams } from '../core/insight';
import { layerHealth } from '../core/layerHealth';
import { layerViews } from '../core/paramLayout';
import { linearPieces } from '../core/pieces';
import type { NetworkPicture } from '../core/protocol';
import { TrainingRun } from '../core/run';
import { unitHealth } from '../core/unitHealth';
import { PictureBuilder } from './picture';

const { learningRate: _lr, speed: _speed, ...BASE } = DEFAULT_CONFIG;
const ALL = { units: true, kinks: true, layers: true };

/** A trained run of these settings on the TypeScript engine (the kernel trains depth 1 only). */
function trained(patch: Partial<ModelConfig>, steps = 40, lr = 0.002): TrainingRun {
  const run = new TrainingRun({ ...BASE, ...patch }, undefined, { engine: 'ts' });
  run.train(steps, lr, new Float32Array(steps), 0);
  return run;
}

function picture(run: TrainingRun, views = ALL): { p: NetworkPicture; out: Float32Array | null } {
  const builder = new PictureBuilder(() => 0);
  builder.setViews(views);
  const built = builder.build(run, run.grid, true);
  return { p: built.picture, out: built.gridOutput };
}

/** Every hidden layer's activations at x, and the output, in float64 from the float32 weights. */
function reference(run: TrainingRun, x: number): { acts: Float64Array[]; out: number } {
  const layers = run.net.layers;
  let input = Float64Array.of(x);
  const acts: Float64Array[] = [];
  for (const layer of layers) {
    const z = new Float64Array(layer.outDim);
    for (let j = 0; j < layer.outDim; j++) {
      let s = layer.b[j]!;
      for (let i = 0; i < layer.inDim; i++) s += input[i]! * layer.w[i * layer.outDim + j]!;
      z[j] = s;
    }
    const a = z.map((v) => activate(layer.activation, v));
    acts.push(a);
    input = a;
  }
  return { acts: acts.slice(0, -1), out: acts.at(-1)![0]! };
}

/** The grid's references, and the scale of each hidden layer's activations (for tolerances). */
function references(run: TrainingRun) {
  const refs = Array.from(run.grid, (x) => reference(run, x));
  const scale = refs[0]!.acts.map((_, l) =>
    Math.max(1, ...refs.flatMap((r) => Array.from(r.acts[l]!, Math.abs))),
  );
  return { refs, scale };
}

/** Float32 sums of up to a few dozen float32 products, against float64. */
const REL_TOL = 2e-6;

describe('the picture a frame carries', () => {
  it('draws each hidden layer as a float64 forward pass gives it, the largest first (32 of a wide layer)', () => {
    for (const activation of ['relu', 'tanh', 'leaky-relu'] as ActivationName[]) {
      const run = trained({ layers: [48, 40, 12], activation, init: 'he' });
      const { p } = picture(run);
      const { refs, scale } = references(run);
      const G = run.grid.length;
      expect(p.layers.map((l) => l.width)).toEqual([48, 40, 12]);
      p.layers.forEach((layer, l) => {
        const drawn = layer.drawn!;
        expect(drawn.units.length).toBe(Math.min(32, layer.width));
        expect(drawn.others).toBeNull();
        drawn.units.forEach((j, r) => {
          for (let g = 0; g < G; g++) {
            const want = refs[g]!.acts[l]![j]!;
            expect(Math.abs(drawn.rows[r * G + g]! - want)).toBeLessThanOrEqual(
              REL_TOL * scale[l]!,
            );
          }
        });
        // Ranked by how far a unit can move the next layer: max |a_j| times its outgoing weights' size.
        const next = run.net.layers[l + 1]!;
        const size = (j: number) => {
          let w = 0;
          for (let k = 0; k < next.outDim; k++) w += next.w[j * next.outDim + k]! ** 2;
          return Math.sqrt(w) * Math.max(...refs.map((r) => Math.abs(r.acts[l]![j]!)));
        };
        const sizes = Array.from(drawn.units, size);
        for (let r = 1; r < sizes.length; r++)
          expect(sizes[r]!).toBeLessThanOrEqual(sizes[r - 1]! * (1 + 1e-5));
        const undrawn = Array.from({ length: layer.width }, (_, j) => j).filter(
          (j) => !drawn.units.includes(j),
        );
        for (const j of undrawn) expect(size(j)).toBeLessThanOrEqual(sizes.at(-1)! * (1 + 1e-5));
      });
    }
  });

  it('units view: the largest 32 contributions, the rest summed; with b_out they add up to the curve', () => {
    for (const [layers, activation] of [
      [[48, 40], 'tanh'],
      [[16, 16, 16], 'relu'],
      [[64], 'relu'],
      [[20], 'sigmoid'],
    ] as [number[], ActivationName][]) {
      const run = trained({ layers, activation, init: 'he' });
      const { p } = picture(run);
      const { refs } = references(run);
      const units = p.units!;
      const width = layers.at(-1)!;
      const wOut = run.net.layers.at(-1)!.w;
      const G = run.grid.length;
      expect(units.units.length).toBe(Math.min(32, width));
      expect(units.others === null).toBe(width <= 32);
      const curve = new Float32Array(G);
      run.curve(curve);
      for (let g = 0; g < G; g++) {
        let sum = p.outputBias + (units.others?.[g] ?? 0);
        units.units.forEach((j, r) => {
          const want = wOut[j]! * refs[g]!.acts.at(-1)![j]!;
          expect(Math.abs(units.rows[r * G + g]! - want)).toBeLessThanOrEqual(1e-5);
          sum += units.rows[r * G + g]!;
        });
        expect(Math.abs(sum - curve[g]!)).toBeLessThanOrEqual(1e-5);
        expect(Math.abs(sum - refs[g]!.out)).toBeLessThanOrEqual(1e-5);
      }
      expect(p.outputBias).toBe(run.net.layers.at(-1)!.b[0]);
    }
  });

  it('at one hidden layer the unit rows are exactly what the page computed from the weights before', () => {
    const run = new TrainingRun({ ...BASE, layers: [24], activation: 'tanh' });
    run.train(30, 0.01, new Float32Array(30), 0);
    const { p } = picture(run);
    const flat = new Float32Array(run.paramLength());
    run.snapshotParams(flat);
    const params = unpackParams(flat);
    const G = run.grid.length;
    const row = new Float32Array(G);
    p.units!.units.forEach((j, r) => {
      unitRow(params, 'tanh', j, run.grid, row);
      expect(p.units!.rows.subarray(r * G, (r + 1) * G)).toEqual(row);
    });
  });

  it('health is core’s per layer (unitHealth at one layer), gradient sizes the RMS of the last summed gradients', () => {
    for (const layers of [[10], [24, 12, 6]]) {
      const run = trained({ layers, activation: 'relu', init: 'tutorial' }, 20, 0.01);
      const { p } = picture(run);
      const want = layerHealth(run.net, run.data.x);
      p.layers.forEach((layer, l) => {
        expect(layer.health.kind).toBe(want[l]!.kind);
        expect(layer.health.count).toBe(want[l]!.count);
        expect(Array.from(layer.health.stuck)).toEqual(Array.from(want[l]!.stuck));
      });
      if (layers.length === 1) {
        const flat = new Float32Array(run.paramLength());
        run.snapshotParams(flat);
        const one = unitHealth(unpackParams(flat), 'relu', run.data.x);
        expect(Array.from(p.layers[0]!.health.stuck)).toEqual(Array.from(one.stuck));
        expect(p.layers[0]!.health.count).toBe(one.count);
      }
      const grads = new Float32Array(run.paramLength());
      run.lastGradients(grads);
      const views = layerViews(run.layout, grads);
      const rmsOf = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
      const sizes = [...p.layers.map((l) => l.gradRms), p.outputGradRms];
      sizes.forEach((g, l) => {
        expect(g.w).toBeGreaterThan(0);
        expect(Math.abs(g.w - rmsOf(views[l]!.w))).toBeLessThanOrEqual(1e-6 * g.w);
        expect(Math.abs(g.b - rmsOf(views[l]!.b))).toBeLessThanOrEqual(1e-6 * g.b);
      });
    }
  });

  it('kinks are core/pieces’ exact breakpoints on the plotted range, for piecewise-linear activations only', () => {
    const run = trained({ layers: [16, 16, 16], activation: 'relu', init: 'he' });
    const { p } = picture(run);
    const want = linearPieces(run.net, -1.25, 1.25);
    expect(p.kinks!.pieces).toBe(want.pieces);
    expect(Array.from(p.kinks!.x)).toEqual(Array.from(want.breakpoints));
    expect(p.kinks!.pieces).toBeGreaterThan(1);
    expect(picture(trained({ layers: [8, 8], activation: 'tanh' })).p.kinks).toBeNull();
    // Zero biases (He): every first-layer hinge at 0, and the whole network bends only there.
    const fresh = new TrainingRun({
      ...BASE,
      layers: [16, 16, 16],
      activation: 'relu',
      init: 'he',
    });
    expect(picture(fresh).p.kinks!.pieces).toBe(2);
  });

  it('computes only what the page shows', () => {
    const run = trained({ layers: [16, 8], activation: 'relu', init: 'he' });
    const { p, out } = picture(run, { units: false, kinks: false, layers: false });
    expect(out).toBeNull();
    expect(p.units).toBeNull();
    expect(p.kinks).toBeNull();
    expect(p.layers.every((l) => l.drawn === null)).toBe(true);
    // Health and gradient sizes are always there (the network panel shows them).
    expect(p.layers).toHaveLength(2);
    const units = picture(run, { units: true, kinks: false, layers: false }).p;
    expect(units.units).not.toBeNull();
    expect(units.layers.every((l) => l.drawn === null)).toBe(true);
  });
});
