import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { TrainingRun } from './run';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';

const opts = (o: Partial<TrainingOptions>): TrainingOptions => ({
  ...DEFAULT_TRAINING_OPTIONS,
  ...o,
});
const out = new Float32Array(100);

describe('the run history records option changes (issue #20)', () => {
  it('records each change with what it replaced, and none for the default run', () => {
    const run = new TrainingRun(DEFAULT_CONFIG, undefined, { engine: 'ts' });
    run.train(5, 0.01, out, 0);
    expect(run.history.options).toEqual([]);
    run.setTrainingOptions(opts({ batchSize: 4, optimizer: 'adam' }));
    run.train(5, 0.01, out, 0);
    run.setTrainingOptions(opts({ batchSize: 4, optimizer: 'adam', l2: 0.1 }));
    run.train(5, 0.01, out, 0);
    run.setTrainingOptions(opts({ batchSize: 8, optimizer: 'momentum' }));
    const steps = run.history.options.map((o) => [
      o.step,
      o.options.batchSize,
      o.options.optimizer,
      o.freshOptimizer,
      o.newSchedule,
    ]);
    expect(steps).toEqual([
      [5, 4, 'adam', true, true],
      [10, 4, 'adam', false, false],
      [15, 8, 'momentum', true, true],
    ]);
    expect(run.history.schedule().options).toHaveLength(3);
  });

  it('changes at one step merge, keeping whatever any of them replaced', () => {
    const run = new TrainingRun(DEFAULT_CONFIG, undefined, { engine: 'ts' });
    run.setTrainingOptions(opts({ optimizer: 'adam' }));
    run.train(3, 0.01, out, 0);
    run.setTrainingOptions(opts({ optimizer: 'sgd' }));
    run.setTrainingOptions(opts({ optimizer: 'adam' }));
    const last = run.history.options.at(-1)!;
    expect(run.history.options).toHaveLength(2);
    expect(last).toMatchObject({ step: 3, freshOptimizer: true });
    expect(last.options.optimizer).toBe('adam');
  });

  it('loaded weights start the options history again with fresh optimizer state', () => {
    const run = new TrainingRun(DEFAULT_CONFIG, undefined, { engine: 'ts' });
    run.setTrainingOptions(opts({ optimizer: 'rmsprop' }));
    run.train(4, 0.01, out, 0);
    const params = new Float32Array(run.paramLength());
    run.snapshotParams(params);
    run.load(params, 40);
    expect(run.history.options).toEqual([
      {
        step: 40,
        options: opts({ optimizer: 'rmsprop' }),
        freshOptimizer: true,
        newSchedule: false,
      },
    ]);
  });
});
