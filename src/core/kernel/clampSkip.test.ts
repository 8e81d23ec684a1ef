/**
 * tanh and sigmoid clamp their scaled input before the rational approximation; the kernel
 * skips that clamp for a step when no unit's input can reach it on the data (clampBound in
 * scripts/kernel/activations.mjs). Both sides of that check must train exactly as the TS
 * core: units just inside the clamp (the clamp skipped) and units far beyond it (kept,
 * where the rational alone would leave [-1, 1]).
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../buildModel';
import { createWorkspace, forward } from '../network';
import { evaluateLoss, trainStep } from '../train';
import { curveGrid } from '../grid';
import { FusedKernel } from './fusedKernel';
import { scaledError } from './scaledError';
import { kernelModule, type KernelBuild } from './wasmRuntime';

/** |z| at which each activation's clamp applies: TANH_CLAMP over its input scale. */
const Z_CLAMP = { tanh: 8.0245, sigmoid: 2 * 8.0245 } as const;

const CASES = (['relaxed', 'simd128'] as KernelBuild[]).flatMap((build) =>
  (['tanh', 'sigmoid'] as const).flatMap((activation) =>
    // Unit 0's largest |z| on the data (x in [-1, 1]) as a multiple of the clamp's: just
    // inside (the step skips the clamp) and 3 times beyond it (the step clamps). H = 2200
    // takes the kernel's blocks of 16 samples (see SMALL_BLOCK in scripts/kernel/wat.mjs),
    // which have forwards of their own, with and without the clamp.
    [8, 2200].flatMap((hidden) =>
      [0.99, 3].map((reach) => [build, activation, hidden, reach] as const),
    ),
  ),
);

describe.each(CASES)(
  '%s kernel, %s, H=%i, largest |z| at %s of the clamp',
  (build, activation, hidden, reach) => {
    it('gives the TS core loss, gradients and curve, skipping the clamp only when nothing reaches it', () => {
      const points = hidden > 8 ? 37 : 30;
      const { data, net } = buildModel({
        dataset: 'quadratic',
        points,
        noise: 0.2,
        seed: 2,
        layers: [hidden],
        init: 'tutorial',
        activation,
      });
      const [l1, l2] = net.layers;
      const zmax = reach * Z_CLAMP[activation];
      // z = w1 x + b1 reaches zmax at x = 1; unit 1 mirrors it at x = -1.
      l1!.w[0] = zmax - 0.25;
      l1!.b[0] = 0.25;
      l1!.w[1] = zmax - 0.25;
      l1!.b[1] = -0.25;
      l2!.w[0] = 0.5;
      l2!.w[1] = -0.5;
      const k = new FusedKernel(
        data.x,
        data.y,
        hidden,
        activation,
        curveGrid(),
        kernelModule(build),
      );
      k.w1.set(l1!.w);
      k.b1.set(l1!.b);
      k.w2.set(l2!.w);
      k.b2.set(l2!.b);

      const ws = createWorkspace(net, data.x.length);
      const want = evaluateLoss(net, ws, data.x, data.y);
      // Rounding only: observed under 1e-7 relative. The rational without its clamp at 3 times
      // the bound is far from +-1 and changes the loss by orders more.
      expect(Math.abs(k.loss() - want) / want).toBeLessThan(1e-6);
      // Nothing else is near the clamp (the other units' weights are the tutorial's, about 0.1).
      expect(k.clampSkipped()).toBe(reach < 1);

      const curve = new Float32Array(curveGrid().length);
      const wantCurve = new Float32Array(curve.length);
      k.curve(curve);
      wantCurve.set(forward(net, createWorkspace(net, curve.length), curveGrid()));
      // The curve sums H float32 terms: observed 1.8e-6 at H = 2200, under 1e-7 at H = 8.
      expect(scaledError(curve, wantCurve)).toBeLessThan(hidden > 8 ? 1e-5 : 1e-6);

      // One step at rate 0: the gradients, with the parameters left as they are.
      k.step(0);
      trainStep(net, ws, data.x, data.y, 0);
      expect(scaledError(k.gw1, ws.gw[0]!)).toBeLessThan(1e-5);
      expect(scaledError(k.gb1, ws.gb[0]!)).toBeLessThan(1e-5);
      expect(scaledError(k.gw2, ws.gw[1]!)).toBeLessThan(1e-5);
    });
  },
);
