/**
 * Live training data (the newest frame and the loss history), outside React. Plots and
 * readouts subscribe directly and redraw at most once per animation frame.
 */
import { createStore } from 'zustand/vanilla';
import { LossHistory } from '../core/lossHistory';
import type { Frame } from '../core/protocol';

/** Test losses kept: one per frame, decimated like the training loss beyond this. */
const TEST_HISTORY_CAPACITY = 1024;

export interface LiveState {
  frame: Frame | null;
  /** Losses of the current run, bounded in size. Mutated in place; `version` marks changes. */
  history: LossHistory;
  /** Test loss per frame (held-out points), bounded in size; empty when none are held out. */
  testHistory: LossHistory;
  /** Increments on every accepted frame or reset. */
  version: number;
}

export const liveStore = createStore<LiveState>()(() => ({
  frame: null,
  history: new LossHistory(),
  testHistory: new LossHistory(TEST_HISTORY_CAPACITY),
  version: 0,
}));

/** Forgets the previous run's frame and losses. */
export function clearLive(): void {
  const { history, testHistory, version } = liveStore.getState();
  history.clear();
  testHistory.clear();
  liveStore.setState({ frame: null, version: version + 1 });
}

/** Takes a frame of the current run: newest curve, plus its losses into the history. */
export function acceptFrame(frame: Frame): void {
  const { history, testHistory, version } = liveStore.getState();
  history.append(frame.lossesStart, frame.losses);
  if (
    frame.testLoss !== null &&
    Number.isFinite(frame.testLoss) &&
    frame.step > testHistory.lastStep
  ) {
    testHistory.append(frame.step, [frame.testLoss]);
  }
  liveStore.setState({ frame, version: version + 1 });
}
