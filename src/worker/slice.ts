/**
 * One slice of training: the steps due, run in chunks the pacer sizes between clock reads,
 * for at most SLICE_MS, so the worker soon gets back to its messages.
 */
import type { TrainingRun } from '../core/run';
import type { LossBuffer } from './lossBuffer';
import type { Pacer } from './pacer';

/** Training time per slice before yielding to messages, ms. Short, so acks and controls are seen quickly. */
export const SLICE_MS = 4;

/** The loop host's clock: milliseconds, monotonic. */
export interface Clock {
  now(): number;
}

/**
 * Trains up to `budget` steps into `pending`, stopping at divergence, a full buffer or
 * SLICE_MS after `start` (when the due steps were counted); returns the steps taken.
 */
export function trainSlice(
  run: TrainingRun,
  clock: Clock,
  pacer: Pacer,
  pending: LossBuffer,
  start: number,
  budget: number,
  learningRate: number,
): number {
  let taken = 0;
  while (budget - taken > 0 && run.divergedAt === null) {
    const n = Math.min(pacer.chunk, budget - taken, pending.room);
    if (n <= 0) break;
    const t0 = clock.now();
    const done = pending.train(run, n, learningRate);
    // No progress (no points to train on, or diverged): stop rather than spin.
    if (done === 0) break;
    taken += done;
    const t1 = clock.now();
    pacer.adapt(n, t1 - t0);
    if (t1 - start >= SLICE_MS) break;
  }
  return taken;
}
