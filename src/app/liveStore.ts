/**
 * Live training data (the newest frame and the loss history), outside React. Plots and
 * readouts subscribe directly and redraw at most once per animation frame.
 */
import { createStore } from 'zustand/vanilla';
import { LossHistory } from '../core/lossHistory';
import type { Frame } from '../core/protocol';

export interface LiveState {
  frame: Frame | null;
  /** Losses of the current run, bounded in size. Mutated in place; `version` marks changes. */
  history: LossHistory;
  /** Increments on every accepted frame or reset. */
  version: number;
}

export const liveStore = createStore<LiveState>()(() => ({
  frame: null,
  history: new LossHistory(),
  version: 0,
}));

/** Forgets the previous run's frame and losses. */
export function clearLive(): void {
  const { history, version } = liveStore.getState();
  history.clear();
  liveStore.setState({ frame: null, version: version + 1 });
}

/** Takes a frame of the current run: newest curve, plus its losses into the history. */
export function acceptFrame(frame: Frame): void {
  const { history, version } = liveStore.getState();
  history.append(frame.lossesStart, frame.losses);
  liveStore.setState({ frame, version: version + 1 });
}
