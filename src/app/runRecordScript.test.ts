/**
 * "Copy as numpy script" from what the page has: a frame's schedule (with the run's option
 * changes) resolved by runRecordOf gives the script the core writes from the run's own
 * history, options and all (that script is run by python in core/numpyScriptOptions.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../core/config';
import { numpyScriptOf } from '../core/numpyScript';
import type { Frame } from '../core/protocol';
import { TrainingRun } from '../core/run';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { runRecordOf } from './runRecord';

const CONFIG: ModelConfig = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  seed: 1,
  layers: [8, 4],
  init: 'he',
  activation: 'tanh',
};

describe('the page copies the numpy script of a run with training options', () => {
  it("the record a frame carries gives the run history's script", () => {
    const run = new TrainingRun(CONFIG, undefined, { engine: 'ts' });
    const train = (steps: number, lr: number) => run.train(steps, lr, new Float32Array(steps), 0);
    train(20, 0.003);
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, batchSize: 7, optimizer: 'adam' });
    train(30, 0.003);
    run.setTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS, optimizer: 'momentum', l2: 1e-3 });
    train(25, 0.001);
    const frame = { runId: 1, schedule: run.history.schedule() } as Pick<
      Frame,
      'runId' | 'schedule'
    > as Frame;
    const record = runRecordOf(frame);
    expect(record).not.toBeNull();
    const args = { config: CONFIG, learningRate: 0.001, steps: run.step };
    const fromPage = numpyScriptOf({ ...args, history: record! });
    const fromRun = numpyScriptOf({ ...args, history: run.history });
    expect(fromPage).toEqual(fromRun);
    expect(fromPage.exact).toBe(true);
    expect(fromPage.script).toContain('def adam(');
    expect(fromPage.script).toContain('def momentum(');
    expect(fromPage.script).toContain(
      '    50: (dict(batch_size=None, reduction="sum", optimizer="momentum", momentum=0.9, l1=0, l2=0.001), True, True),',
    );
  });
});
