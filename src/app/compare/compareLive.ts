/**
 * Each run's live data, outside React (as liveStore is for the single view): its newest
 * frame and its losses. Plots and the table subscribe directly and redraw at most once per
 * animation frame (or, the table, a few times a second).
 */
import { createStore } from 'zustand/vanilla';
import { LossHistory } from '../../core/lossHistory';
import type { Frame } from '../../core/protocol';

/**
 * Losses kept per run, and per run's test loss: four runs' lines on one plot need fewer
 * points than the single view's one, and each redraw walks them all.
 */
export const RUN_HISTORY_CAPACITY = 1024;

export interface RunLive {
  frame: Frame | null;
  /** Loss on all the training points: the recorded losses, or with mini-batches each frame's trainLoss. */
  train: LossHistory;
  /** Loss on the held-out points: the worker's samples between frames and each frame's own; empty when none are held out. */
  test: LossHistory;
}

export interface CompareLive {
  runs: RunLive[];
  /** Increments on every change. */
  version: number;
}

const newRunLive = (): RunLive => ({
  frame: null,
  train: new LossHistory(RUN_HISTORY_CAPACITY),
  test: new LossHistory(RUN_HISTORY_CAPACITY),
});

export const compareLive = createStore<CompareLive>()(() => ({ runs: [], version: 0 }));

function changed(runs: RunLive[]): void {
  compareLive.setState({ runs, version: compareLive.getState().version + 1 });
}

/** As many runs as `count`, each empty. */
export function resetLive(count: number): void {
  changed(Array.from({ length: count }, newRunLive));
}

/** Forgets run `index`'s frame and losses (it starts again). */
export function clearRun(index: number): void {
  const runs = compareLive.getState().runs.slice();
  runs[index] = newRunLive();
  changed(runs);
}

/** Adds an empty run at the end. */
export function addRunLive(): void {
  changed([...compareLive.getState().runs, newRunLive()]);
}

/** Drops run `index`; the later runs move up. */
export function removeRunLive(index: number): void {
  changed(compareLive.getState().runs.filter((_, i) => i !== index));
}

/** Forgets what run `index` recorded after `step` (a rescue went back there). */
export function rewindRun(index: number, step: number): void {
  const run = compareLive.getState().runs[index];
  if (!run) return;
  run.train.truncateAfter(step);
  run.test.truncateAfter(step);
  changed(compareLive.getState().runs.slice());
}

/** Keeps a test-loss sample that is finite and newer than the history's last. */
function pushTest(test: LossHistory, step: number, value: number | null): void {
  if (value !== null && Number.isFinite(value) && step > test.lastStep) test.push(step, value);
}

/** Takes a frame of run `index`: its curve, and its losses into the histories. */
export function acceptRunFrame(index: number, frame: Frame): void {
  const runs = compareLive.getState().runs;
  const run = runs[index];
  if (!run) return;
  if (frame.trainLoss === null) {
    // Full batch: each recorded loss is one on all the points; steps already kept are skipped.
    const skip = Math.max(0, run.train.lastStep + 1 - frame.lossesStart);
    if (skip < frame.losses.length)
      run.train.append(frame.lossesStart + skip, frame.losses.subarray(skip));
  } else if (frame.step > run.train.lastStep && Number.isFinite(frame.trainLoss)) {
    run.train.push(frame.step, frame.trainLoss);
  }
  // The test losses sampled between frames, then the frame's own (of its step, when newer).
  const { testLosses, testLossSteps } = frame;
  for (let i = 0; i < testLosses.length; i++) pushTest(run.test, testLossSteps[i]!, testLosses[i]!);
  pushTest(run.test, frame.step, frame.testLoss);
  const next = runs.slice();
  next[index] = { ...run, frame };
  changed(next);
}
