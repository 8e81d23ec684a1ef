/**
 * The generated optimizer updates (scripts/kernel/denseUpdate.mjs) against the TypeScript
 * core's OptimizerState (src/core/optimizers.ts), the reference, over ten steps; and the
 * transpose that rewrites Wb after an update.
 */
import { describe, expect, it } from 'vitest';
import { updateName } from '../../../scripts/kernel/dense.mjs';
import { ADAM_BETA1, ADAM_BETA2, OptimizerState, type StepOptions } from '../optimizers';
import { PARAM_FLUSH_BELOW } from '../train';
import { OPTIMIZERS } from '../trainingOptions';
import { denseMemory, seededNormals, type DenseBuild } from './dense.harness';
import { packWeights, padTo, PANEL, transposed } from './denseLayout';

/** Parameters (a multiple of 4, as the panel layout pads them). */
const COUNT = 1020;
const STEPS = 10;
const BATCH = 7;
const LR = 0.01;

/**
 * Per parameter after each step: within 4 float32 ulp of the core's weight plus 10⁻⁵ of the
 * sum of the core's |updates| so far. The kernel rounds every operation and keeps its
 * moments in float32 (the core: float64, one rounding of w per step); Adam and RMSProp
 * divide by √v, whose float32 relative error (a few 2⁻²⁴) reaches the update.
 */
const ULPS = 4;
const UPDATE_REL = 1e-5;

const ulp = (v: number) =>
  2 ** (Math.max(Math.floor(Math.log2(Math.abs(v) || 2 ** -126)), -126) - 23);

const CASES = OPTIMIZERS.flatMap((optimizer) =>
  [
    { reduction: 'sum', l1: 0, l2: 0 },
    { reduction: 'mean', l1: 0.01, l2: 0.02 },
  ].map((o) => ({ optimizer, momentum: 0.9, ...o }) as StepOptions),
);

describe.each(['simd128', 'relaxed'] as DenseBuild[])('dense updates, %s build', (build) => {
  it.each(CASES)(
    '$optimizer, $reduction, l1 $l1, l2 $l2 follows OptimizerState',
    async (options) => {
      const penalized = options.l1 !== 0 || options.l2 !== 0;
      const w = seededNormals(11, COUNT);
      // Exact zeros (sign 0 for L1), and values the first step may flush.
      for (let i = 0; i < COUNT; i += 17) w[i] = 0;
      for (let i = 5; i < COUNT; i += 31) w[i] = 2 ** -52;
      const mem = await denseMemory(build, [COUNT, COUNT, COUNT, COUNT]);
      const [pw, pg, p1, p2] = mem.at as [number, number, number, number];
      mem.view(pw, COUNT).set(w);
      const update = mem.fn(updateName(options.optimizer, penalized));
      const core = new OptimizerState([{ w: COUNT, b: 0 }]);
      const layer = { w: w.slice(), b: new Float32Array(0) };
      const moved = new Float64Array(COUNT);
      let worst = 0;
      for (let t = 1; t <= STEPS; t++) {
        // Summed tutorial-sign gradients; a few exactly 0 so a tiny weight stays tiny.
        const g = seededNormals(100 + t, COUNT, 3);
        for (let i = 5; i < COUNT; i += 31) g[i] = 0;
        mem.view(pg, COUNT).set(g);
        const scale = options.reduction === 'mean' ? 1 / BATCH : 1;
        update(
          pw,
          pg,
          p1,
          p2,
          COUNT,
          -scale,
          LR,
          options.l1,
          options.l2,
          options.momentum,
          LR / (1 - ADAM_BETA1 ** t),
          Math.sqrt(1 - ADAM_BETA2 ** t),
        );
        core.step([layer], [Float64Array.from(g)], [new Float64Array(0)], BATCH, LR, options);
        const got = mem.view(pw, COUNT);
        const applied = core.updates[0]!.w;
        for (let i = 0; i < COUNT; i++) {
          moved[i]! += Math.abs(applied[i]!);
          const want = layer.w[i]!;
          const tol = ULPS * ulp(want) + UPDATE_REL * moved[i]!;
          worst = Math.max(worst, Math.abs(got[i]! - want) / tol);
        }
      }
      expect(worst).toBeLessThanOrEqual(1);
      // Where the core flushed a tiny weight to 0 and kept it there, so does the kernel.
      const got = mem.view(pw, COUNT);
      for (let i = 5; i < COUNT; i += 31)
        if (layer.w[i] === 0) expect(Math.abs(got[i]!)).toBeLessThan(PARAM_FLUSH_BELOW);
    },
  );
});

describe.each(['simd128', 'relaxed'] as DenseBuild[])('dense_transpose, %s build', (build) => {
  const SIZES = [1, 3, 17, 255];
  it.each(SIZES.flatMap((k) => SIZES.map((j) => [k, j] as const)))(
    'Wb from Wf at K = %i, J = %i is the packing of Wᵀ, padding included',
    async (inDim, outDim) => {
      const kp = padTo(inDim, PANEL);
      const jp = padTo(outDim, PANEL);
      const w = seededNormals(inDim * 1009 + outDim, inDim * outDim);
      const mem = await denseMemory(build, [kp * jp, kp * jp]);
      const [pwf, pwb] = mem.at as [number, number];
      packWeights(w, inDim, outDim, mem.view(pwf, kp * jp));
      mem.view(pwb, kp * jp).fill(NaN);
      mem.fn('dense_transpose')(pwf, pwb, kp, jp);
      const want = new Float32Array(kp * jp);
      packWeights(transposed(w, inDim, outDim), outDim, inDim, want);
      expect(mem.view(pwb, kp * jp)).toEqual(want);
    },
  );
});
