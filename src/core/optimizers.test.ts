import { describe, expect, it } from 'vitest';
import { OptimizerState, type LayerParams } from './optimizers';
import { optimizerCases, runPlayground, runReference, worstDifference } from './optimizers.harness';
import { NumpyRandom } from './rng';
import { applyUpdate, PARAM_FLUSH_BELOW } from './train';
import { OPTIMIZERS, type TrainingOptions } from './trainingOptions';

/**
 * Against the float64 reference, |ours - ref| / max(1, |ref|): the playground stores the
 * parameters in float32, rounding each of the steps (2^-24 relative per step); 1e-5 leaves
 * room for that drift over STEPS while the parameters move by 0.05 to 2 over the run.
 */
const REFERENCE_TOL = 1e-5;
const STEPS = 400;

const SGD: Pick<TrainingOptions, 'reduction' | 'optimizer' | 'momentum' | 'l1' | 'l2'> = {
  reduction: 'sum',
  optimizer: 'sgd',
  momentum: 0.9,
  l1: 0,
  l2: 0,
};

const layer = (inDim: number, outDim: number) => ({
  inDim,
  outDim,
  activation: 'relu' as const,
  w: new Float32Array(inDim * outDim),
  b: new Float32Array(outDim),
});

describe('optimizer rules against an independent float64 implementation', () => {
  for (const c of optimizerCases(STEPS))
    it(c.name, () => {
      const reference = runReference(c);
      expect(worstDifference(runPlayground(c), reference)).toBeLessThan(REFERENCE_TOL);
      // The run moves the parameters far beyond the tolerance, so a wrong rule cannot pass.
      expect(worstDifference(c.initial, reference)).toBeGreaterThan(1000 * REFERENCE_TOL);
    });
});

describe('sgd, sum, no penalty', () => {
  it("is the tutorial's update (train.ts applyUpdate) bit for bit, flush included", () => {
    const rng = new NumpyRandom(7);
    const ours = [layer(1, 6), layer(6, 1)];
    const tutorial = [layer(1, 6), layer(6, 1)];
    for (let l = 0; l < 2; l++)
      for (const part of ['w', 'b'] as const)
        for (let i = 0; i < ours[l]![part].length; i++) {
          // Every third value tiny: the flush turns it into 0 on the first step.
          const v = i % 3 === 0 ? 1e-17 : rng.normal(0, 1);
          ours[l]![part][i] = v;
          tutorial[l]![part][i] = v;
        }
    const state = OptimizerState.forLayers(ours);
    const gw = ours.map((d) => new Float64Array(d.w.length));
    const gb = ours.map((d) => new Float64Array(d.b.length));
    for (let step = 0; step < 300; step++) {
      for (const g of [...gw, ...gb])
        for (let i = 0; i < g.length; i++) g[i] = i % 3 === 0 ? 0 : rng.normal(0, 2);
      state.step(ours, gw, gb, 10, 0.01, SGD);
      tutorial.forEach((d, l) => applyUpdate(d, gw[l]!, gb[l]!, 0.01));
    }
    ours.forEach((d, l) => {
      expect(d.w).toEqual(tutorial[l]!.w);
      expect(d.b).toEqual(tutorial[l]!.b);
      expect(d.w[0]).toBe(0);
    });
  });
});

describe('every optimizer', () => {
  for (const optimizer of OPTIMIZERS)
    it(`${optimizer}: flushes a parameter below PARAM_FLUSH_BELOW to 0, as the tutorial's update`, () => {
      const p: LayerParams = {
        w: Float32Array.of(PARAM_FLUSH_BELOW / 4, 1),
        b: Float32Array.of(-PARAM_FLUSH_BELOW / 4),
      };
      const state = OptimizerState.forLayers([p]);
      state.step([p], [new Float64Array(2)], [new Float64Array(1)], 1, 0.01, {
        ...SGD,
        optimizer,
      });
      expect([...p.w, ...p.b]).toEqual([0, 1, 0]);
    });
});

describe('OptimizerState', () => {
  const c = optimizerCases(200).find((k) => k.options.optimizer === 'adam')!;
  const fresh = () =>
    c.initial.map((l) => ({ w: Float32Array.from(l.w), b: Float32Array.from(l.b) }));
  const run = (state: OptimizerState, layers: LayerParams[], from: number, to: number) => {
    for (let s = from; s < to; s++)
      state.step(
        layers,
        c.grads[s]!.map((g) => Float64Array.from(g.w)),
        c.grads[s]!.map((g) => Float64Array.from(g.b)),
        c.batch,
        c.lr,
        c.options,
      );
  };

  it('saved and restored, continues exactly as if never interrupted', () => {
    const straight = fresh();
    run(OptimizerState.forLayers(straight), straight, 0, 200);

    const first = fresh();
    const state = OptimizerState.forLayers(first);
    run(state, first, 0, 100);
    const saved = state.save();
    expect(saved.length).toBe(state.savedLength);
    expect(saved[0]).toBe(100);
    const resumed = OptimizerState.forLayers(first);
    resumed.restore(saved);
    run(resumed, first, 100, 200);
    expect(first).toEqual(straight);
  });

  it('reset starts again from zero state and t = 1', () => {
    const once = fresh();
    run(OptimizerState.forLayers(once), once, 0, 50);
    const again = fresh();
    const state = OptimizerState.forLayers(again);
    run(state, fresh(), 0, 80);
    state.reset();
    expect(state.steps).toBe(0);
    expect(state.save().every((v) => v === 0)).toBe(true);
    run(state, again, 0, 50);
    expect(again).toEqual(once);
  });

  it('refuses a saved state of another shape, and an update before the step is counted', () => {
    const state = OptimizerState.forLayers(fresh());
    expect(() => state.restore(new Float64Array(3))).toThrow(/needs \d+ numbers, got 3/);
    const bad = state.save();
    bad[0] = 1.5;
    expect(() => state.restore(bad)).toThrow(/whole number/);
    const p = fresh()[0]!;
    expect(() =>
      state.updateLayer(0, p, new Float64Array(4), new Float64Array(4), 1, 0.1, SGD),
    ).toThrow(/count the step/);
  });
});
