import { describe, expect, it } from 'vitest';
import { largestPile } from './hingePile';

describe('largestPile', () => {
  it('finds every hinge at 0 when the biases are zero, whatever the weights', () => {
    const w = Float32Array.from([0.5, -1.2, 2, 0.01, -0.3]);
    const pile = largestPile(w, new Float32Array(5), 0.01);
    expect(pile.count).toBe(5);
    expect(Math.abs(pile.x)).toBe(0);
  });

  it('counts the crowd in the window and skips flat units', () => {
    // Hinges at -b/w: 0.1, 0.105, 0.108, 0.5, -0.7, and none for w = 0.
    const w = Float32Array.from([1, 1, 1, 1, 1, 0]);
    const b = Float32Array.from([-0.1, -0.105, -0.108, -0.5, 0.7, 3]);
    const pile = largestPile(w, b, 0.01);
    expect(pile.count).toBe(3);
    expect(pile.x).toBeCloseTo((0.1 + 0.105 + 0.108) / 3, 6);
    expect(largestPile(w, b, 0.001).count).toBe(1);
  });
});
