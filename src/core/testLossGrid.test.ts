import { describe, expect, it } from 'vitest';
import { nextTestStep, testStride } from './testLossGrid';

/** The grid by its definition: the steps that are multiples of the stride in force there. */
function grid(limit: number, floor?: number): number[] {
  const out: number[] = [];
  for (let s = 1; s <= limit; s++) if (s % testStride(s, floor) === 0) out.push(s);
  return out;
}

describe('testLossGrid', () => {
  it('nextTestStep walks exactly the grid, for several floors', () => {
    for (const floor of [4, 8, 64]) {
      const steps = grid(300_000, floor);
      let s = 0;
      for (const expected of steps) {
        s = nextTestStep(s, floor);
        expect(s).toBe(expected);
      }
      // From any step, not only from grid steps.
      for (let t = 0; t < 20_000; t += 7)
        expect(nextTestStep(t, floor)).toBe(steps.find((g) => g > t));
    }
  });

  it('samples densely early and about 32 per doubling later', () => {
    expect(grid(1000)).toHaveLength(126);
    expect(grid(3000)).toHaveLength(174);
    expect(grid(1 << 20).length - grid(1 << 19).length).toBe(32);
    expect(testStride(1)).toBe(4);
    expect(testStride(1 << 20)).toBe(1 << 15);
  });
});
