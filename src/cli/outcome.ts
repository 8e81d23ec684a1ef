/**
 * Training a `fit` run as the worker trains it, and the one-line summary of what it reached
 * (the loss, the test loss when points are held out, or where it diverged).
 */
import { PRINT_EVERY } from '../core/numpyScript';
import type { TrainingEngine } from '../core/protocol';
import type { TrainingRun } from '../core/run';
import type { TrainingOptions } from '../core/trainingOptions';

/** What training reached: the loss before each step, and where it stopped. */
export interface Outcome {
  losses: Float32Array;
  /** Loss of the final parameters (NaN after a divergence). */
  finalLoss: number;
  divergedAt: number | null;
  engine: TrainingEngine;
  /** Threads each step was split across (1: one). */
  threads: number;
  /** Loss on the held-out points before training and of the final parameters; null when none. */
  test: { start: number; end: number } | null;
}

/**
 * Trains up to `steps` steps in chunks of PRINT_EVERY, as the worker trains in slices: a run
 * that diverges goes back to the weights it kept from before its loss began to climb
 * (see TrainingRun.train).
 */
export function train(run: TrainingRun, lr: number, steps: number): Outcome {
  const losses = new Float32Array(steps);
  const testStart = run.testLoss();
  let done = 0;
  while (done < steps && run.divergedAt === null) {
    const taken = run.train(Math.min(PRINT_EVERY, steps - done), lr, losses, done);
    if (taken === 0) break;
    done += taken;
  }
  const divergedAt = run.divergedAt;
  return {
    losses: losses.subarray(0, done),
    finalLoss: divergedAt === null ? run.currentLoss() : NaN,
    divergedAt,
    engine: run.engineName,
    threads: run.threads,
    test: testStart === null ? null : { start: testStart, end: run.testLoss() ?? NaN },
  };
}

/** ", batch 8, mean, adam, l2 0.001": the options that are not the tutorial's, or nothing. */
export function describeOptions(o: TrainingOptions): string {
  const parts = [
    o.batchSize === null ? '' : `batch ${o.batchSize}`,
    o.reduction === 'sum' ? '' : o.reduction,
    o.optimizer === 'sgd'
      ? ''
      : o.optimizer === 'momentum'
        ? `momentum ${o.momentum}`
        : o.optimizer,
    o.l1 === 0 ? '' : `l1 ${o.l1}`,
    o.l2 === 0 ? '' : `l2 ${o.l2}`,
  ].filter((p) => p !== '');
  return parts.map((p) => `, ${p}`).join('');
}

export function summary(
  run: { label: string; lr: number },
  options: TrainingOptions,
  outcome: Outcome,
): string {
  const head = `${run.label}, lr ${run.lr}${describeOptions(options)}`;
  if (outcome.divergedAt !== null)
    return `${head}: diverged at step ${outcome.divergedAt} on ${outcome.engine}; try a smaller --lr`;
  const start = outcome.losses[0] ?? outcome.finalLoss;
  const { test } = outcome;
  const testPart = test
    ? `, test loss ${test.start.toPrecision(6)} -> ${test.end.toPrecision(6)}`
    : '';
  const threads = outcome.threads > 1 ? ` (${outcome.threads} threads)` : '';
  return `${head}: ${outcome.losses.length} steps on ${outcome.engine}${threads}, loss ${start.toPrecision(6)} -> ${outcome.finalLoss.toPrecision(6)}${testPart}`;
}
