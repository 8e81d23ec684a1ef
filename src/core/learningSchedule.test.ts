/**
 * A batch schedule kept through a spell of the default options is not reused at another
 * batch size: mini-batches of 7, then the defaults, then momentum with the full batch
 * trains on all the points, and the history says a new schedule started there.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { TrainingRun } from './run';
import { DEFAULT_TRAINING_OPTIONS } from './trainingOptions';

const CONFIG: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 0,
  layers: [10],
  init: 'tutorial',
  activation: 'relu',
};

describe('the batch schedule after the default options', () => {
  it('momentum with the full batch after B=7 and the defaults steps on every point', () => {
    const run = new TrainingRun(CONFIG, undefined, { engine: 'ts' });
    const out = new Float32Array(1);
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, batchSize: 7, optimizer: 'adam' });
    for (let k = 0; k < 5; k++) run.train(1, 0.003, out, 0);
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS });
    run.train(3, 0.003, new Float32Array(3), 0);
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, optimizer: 'momentum' });
    expect(run.history.options.at(-1)).toMatchObject({ step: 8, newSchedule: true });
    for (let k = 0; k < 3; k++) {
      const whole = run.currentLoss();
      run.train(1, 0.002, out, 0);
      // The recorded loss is the batch's: with the full batch, the whole set's.
      expect(Math.abs(out[0]! - whole) / whole).toBeLessThan(1e-6);
    }
  });
});
