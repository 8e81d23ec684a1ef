/**
 * The worker's side of how a run learns (issue #20): the start message's options, the live
 * setTrainingOptions message, and what frames then say (batch, epochs, full loss, penalty).
 */
import { describe, expect, it } from 'vitest';
import { TrainingRun } from '../core/run';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { LR, model, pausedLoop } from './pausedLoop.harness';

describe('training options in the worker', () => {
  it('the default run reports the full batch, one epoch a step, no full loss apart and no penalty', () => {
    const w = pausedLoop(DEFAULT_TRAINING_OPTIONS);
    w.send({ type: 'step', count: 5 });
    expect(w.last()).toMatchObject({
      step: 5,
      epochs: 5,
      batchSize: 30,
      stepsPerEpoch: 1,
      stepsIntoEpoch: 1,
      trainLoss: null,
      penalty: null,
    });
    expect(w.last().schedule.options).toEqual([]);
  });

  it('a start with mini-batches trains as TrainingRun does and reports epochs and the full loss', () => {
    const options = {
      ...DEFAULT_TRAINING_OPTIONS,
      batchSize: 8,
      optimizer: 'adam' as const,
      l2: 0.01,
    };
    const w = pausedLoop(options);
    w.send({ type: 'step', count: 10 });
    const frame = w.last();
    const run = new TrainingRun(model);
    run.setTrainingOptions(options);
    const losses = new Float32Array(10);
    run.train(10, LR, losses, 0);
    // 30 points in batches of 8: 4 steps an epoch, the 10th step is the 2nd of the 3rd epoch.
    expect(frame).toMatchObject({
      step: 10,
      epochs: 3,
      batchSize: 8,
      stepsPerEpoch: 4,
      stepsIntoEpoch: 2,
    });
    expect(frame.trainLoss).toBe(run.currentLoss());
    expect(frame.loss).toBe(run.currentLoss());
    expect(frame.penalty).toBeCloseTo(run.penalty(), 12);
    expect(frame.penalty).toBeGreaterThan(0);
  });

  it('setTrainingOptions changes a running run live, keeping its step and weights', () => {
    const w = pausedLoop(DEFAULT_TRAINING_OPTIONS);
    w.send({ type: 'step', count: 4 });
    const before = w.last().params!.slice();
    w.send({ type: 'setTrainingOptions', options: { ...DEFAULT_TRAINING_OPTIONS, batchSize: 50 } });
    // A batch above N is clamped to N: the full batch, the default step.
    expect(w.last()).toMatchObject({ step: 4, batchSize: 30, trainLoss: null });
    expect(w.last().params).toEqual(before);
    w.send({ type: 'setTrainingOptions', options: { ...DEFAULT_TRAINING_OPTIONS, batchSize: 3 } });
    w.send({ type: 'step', count: 3 });
    expect(w.last()).toMatchObject({ step: 7, batchSize: 3, stepsPerEpoch: 10, stepsIntoEpoch: 3 });
    // Both changes came at step 4, before any step with the first: one change in the history.
    expect(w.last().schedule.options.map((o) => o.step)).toEqual([4]);
  });

  it('a reset rebuilds the run with the options in force', () => {
    const w = pausedLoop(DEFAULT_TRAINING_OPTIONS);
    w.send({
      type: 'setTrainingOptions',
      options: { ...DEFAULT_TRAINING_OPTIONS, optimizer: 'momentum' },
    });
    w.send({ type: 'reset', runId: 2 });
    w.send({ type: 'step', count: 2 });
    expect(w.last().runId).toBe(2);
    expect(w.last().schedule.options.map((o) => o.options.optimizer)).toEqual(['momentum']);
  });
});
