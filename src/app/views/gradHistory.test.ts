import { describe, expect, it } from 'vitest';
import { GRAD_HISTORY_CAPACITY, GradHistory, layerRms } from './gradHistory';

describe('the gradient history', () => {
  it('keeps a sample per new step and ignores repeats of the same step', () => {
    const h = new GradHistory(3);
    h.append(1, [1, 2, 3]);
    h.append(1, [9, 9, 9]);
    h.append(2, [4, 5, 6]);
    expect(h.length).toBe(2);
    expect([h.at(1, 0), h.at(1, 1), h.at(1, 2)]).toEqual([4, 5, 6]);
    expect(h.lastStep).toBe(2);
  });

  it('halves when full, keeping the first step, and then keeps every second frame', () => {
    const h = new GradHistory(2);
    for (let s = 1; s <= GRAD_HISTORY_CAPACITY + 1; s++) h.append(s, [s, -s]);
    expect(h.length).toBe(GRAD_HISTORY_CAPACITY / 2 + 1);
    expect(h.steps[0]).toBe(1);
    expect(h.steps[1]).toBe(3);
    expect(h.at(1, 1)).toBe(-3);
    expect(h.lastStep).toBe(GRAD_HISTORY_CAPACITY + 1);
    const before = h.length;
    for (let s = GRAD_HISTORY_CAPACITY + 2; s < GRAD_HISTORY_CAPACITY + 12; s++)
      h.append(s, [s, s]);
    expect(h.length).toBe(before + 5);
  });

  it('cuts back to an earlier step when the run goes back to it', () => {
    const h = new GradHistory(1);
    for (let s = 0; s < 10; s++) h.append(s, [s]);
    h.truncate(4);
    expect(h.lastStep).toBe(4);
    h.append(5, [50]);
    expect(h.at(h.length - 1, 0)).toBe(50);
  });

  it('layer RMS weighs the weight and bias RMS by their counts', () => {
    // 6 weights of RMS 2 and 3 biases of RMS 1: sqrt((6 * 4 + 3 * 1) / 9) = sqrt(3).
    expect(layerRms({ w: 2, b: 1 }, 2, 3)).toBeCloseTo(Math.sqrt(3), 12);
    expect(layerRms({ w: 0, b: 0 }, 1, 1)).toBe(0);
  });
});
