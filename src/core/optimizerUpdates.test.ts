import { describe, expect, it } from 'vitest';
import { OptimizerState } from './optimizers';
import { optimizerCases, type OptimizerCase } from './optimizers.harness';

/** Steps per case: enough for Adam's bias corrections and the moments to matter. */
const STEPS = 60;

/**
 * Issue #20's rules in float64, one step at a time from the playground's own (float32)
 * weights, so its update can be compared step by step: the update the rule intends,
 * -lr * step, before the weight is rounded to float32.
 */
function referenceStepper(c: OptimizerCase) {
  const { optimizer, reduction, momentum, l1, l2 } = c.options;
  const first = c.initial.flatMap((l) => [l.w.map(() => 0), l.b.map(() => 0)]);
  const second = first.map((a) => a.map(() => 0));
  let t = 0;
  return (before: number[][], tutorial: number[][]): number[][] => {
    t++;
    return before.map((p, k) =>
      p.map((w, i) => {
        let g = -tutorial[k]![i]!;
        if (reduction === 'mean') g /= c.batch;
        if (k % 2 === 0) g += l2 * w + l1 * Math.sign(w);
        switch (optimizer) {
          case 'sgd':
            return -c.lr * g;
          case 'momentum':
            first[k]![i] = momentum * first[k]![i]! + g;
            return -c.lr * first[k]![i];
          case 'rmsprop':
            second[k]![i] = 0.99 * second[k]![i]! + 0.01 * g * g;
            return (-c.lr * g) / (Math.sqrt(second[k]![i]) + 1e-8);
          case 'adam': {
            first[k]![i] = 0.9 * first[k]![i]! + 0.1 * g;
            second[k]![i] = 0.999 * second[k]![i]! + 0.001 * g * g;
            const mHat = first[k]![i] / (1 - 0.9 ** t);
            const vHat = second[k]![i] / (1 - 0.999 ** t);
            return (-c.lr * mHat) / (Math.sqrt(vHat) + 1e-8);
          }
        }
      }),
    );
  };
}

describe("OptimizerState.updates: each step's applied update", () => {
  for (const c of optimizerCases(STEPS))
    it(c.name, () => {
      const layers = c.initial.map((l) => ({
        w: Float32Array.from(l.w),
        b: Float32Array.from(l.b),
      }));
      const state = OptimizerState.forLayers(layers);
      const gw = layers.map((l) => new Float64Array(l.w.length));
      const gb = layers.map((l) => new Float64Array(l.b.length));
      const reference = referenceStepper(c);
      const flat = () => layers.flatMap((l) => [[...l.w], [...l.b]]);
      const updates = () => state.updates.flatMap((u) => [[...u.w], [...u.b]]);
      let worst = 0;
      let smallest = Infinity;
      for (const step of c.grads) {
        step.forEach((g, l) => {
          gw[l]!.set(g.w);
          gb[l]!.set(g.b);
        });
        const before = flat();
        const intended = reference(
          before,
          step.flatMap((g) => [g.w, g.b]),
        );
        state.step(layers, gw, gb, c.batch, c.lr, c.options);
        const after = flat();
        const applied = updates();
        after.forEach((p, k) =>
          p.forEach((w, i) => {
            // Exactly the float32 weights' difference.
            expect(applied[k]![i]).toBe(w - before[k]![i]!);
            // The rule's update to within the rounding of the stored weight (half an ulp
            // of float32, 2^-24 relative) and float64's own.
            const u = intended[k]![i]!;
            const err = Math.abs(applied[k]![i]! - u);
            worst = Math.max(worst, err / (2 ** -24 * Math.abs(w) + 1e-12 * Math.abs(u)));
            smallest = Math.min(smallest, Math.abs(u));
          }),
        );
      }
      expect(worst).toBeLessThanOrEqual(1);
      // Updates are not vanishing: a wrong rule would be seen.
      expect(smallest).toBeGreaterThan(0);
    });

  it('save and restore leave the last update alone; a step replaces it', () => {
    const layers = [{ w: Float32Array.of(1, -2), b: Float32Array.of(0.5) }];
    const state = OptimizerState.forLayers(layers);
    const options = { reduction: 'sum', optimizer: 'adam', momentum: 0.9, l1: 0, l2: 0 } as const;
    const gw = [Float64Array.of(3, -1)];
    const gb = [Float64Array.of(2)];
    const saved = state.save();
    state.step(layers, gw, gb, 4, 0.01, options);
    // Adam's first step is lr * sign(-g) to within eps: the tutorial-sign gradient's sign.
    expect([...state.updates[0]!.w].map((u) => Math.round(u * 1e6) / 1e6)).toEqual([0.01, -0.01]);
    const last = [...state.updates[0]!.w];
    state.restore(saved);
    expect([...state.updates[0]!.w]).toEqual(last);
  });
});
