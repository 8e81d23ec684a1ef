/**
 * What frames say of the last step (issue #20): the update each parameter received and,
 * with mini-batches, which of the page's points the step used.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../core/buildModel';
import { testMask } from '../core/split';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { LR, model, pausedLoop } from './pausedLoop.harness';

describe('frames carry the last step’s updates and batch', () => {
  it('Adam, batch 4: updates are the parameters’ difference between frames; the batch is 4 training points', () => {
    const { x, y } = buildDataset(model);
    const test = testMask(x.length, 0.25, model.seed);
    const w = pausedLoop(
      { ...DEFAULT_TRAINING_OPTIONS, optimizer: 'adam', batchSize: 4 },
      { x, y, test },
    );
    expect(w.last().updates!.every((u) => u === 0)).toBe(true);
    expect(w.last().batch).toBeNull();
    for (let s = 0; s < 3; s++) {
      const before = w.last().params!.slice();
      w.send({ type: 'step', count: 1 });
      const f = w.last();
      f.params!.forEach((p, i) => expect(f.updates![i]).toBe(Math.fround(p - before[i]!)));
      expect(f.batch).toHaveLength(4);
      for (const i of f.batch!) expect(test[i]).toBe(0);
      // The panel's strips show the same updates: w1 is the first hidden layer's weights.
      expect(Array.from(f.picture.strips.hidden[0]!.strips[0]!.updates)).toEqual(
        Array.from(f.updates!.subarray(0, f.picture.strips.hidden[0]!.width)),
      );
    }
  });

  it('the default run: no batch, and lr times the summed gradients', () => {
    const w = pausedLoop(DEFAULT_TRAINING_OPTIONS);
    w.send({ type: 'step', count: 2 });
    const f = w.last();
    expect(f.batch).toBeNull();
    expect(Array.from(f.updates!)).toEqual(Array.from(f.grads!, (g) => Math.fround(LR * g)));
  });
});
