/**
 * Live training data (the newest frame and the loss history), outside React. Plots and
 * readouts subscribe directly and redraw at most once per animation frame.
 */
import { createStore } from 'zustand/vanilla';
import { LossHistory } from '../core/lossHistory';
import { sameSetting } from '../core/config';
import type { Frame } from '../core/protocol';

/** Test losses kept: one per frame, decimated like the training loss beyond this. */
const TEST_HISTORY_CAPACITY = 1024;

/** The newest parameters a frame of the current run carried (frames of a large training model often carry none). */
export interface KeptModel {
  runId: number;
  step: number;
  /** The hidden widths they are of. */
  layers: readonly number[];
  params: Float32Array;
  grads: Float32Array;
}

export interface LiveState {
  frame: Frame | null;
  /** The newest parameters and gradients of the current run, or null before any frame had them. */
  model: KeptModel | null;
  /** Losses of the current run, bounded in size. Mutated in place; `version` marks changes. */
  history: LossHistory;
  /** Test loss per frame (held-out points), bounded in size; empty when none are held out. */
  testHistory: LossHistory;
  /** Increments on every accepted frame or reset. */
  version: number;
}

export const liveStore = createStore<LiveState>()(() => ({
  frame: null,
  model: null,
  history: new LossHistory(),
  testHistory: new LossHistory(TEST_HISTORY_CAPACITY),
  version: 0,
}));

/** Forgets the previous run's frame and losses. */
export function clearLive(): void {
  const { history, testHistory, version } = liveStore.getState();
  history.clear();
  testHistory.clear();
  liveStore.setState({ frame: null, model: null, version: version + 1 });
}

/** Takes a frame of the current run: newest curve, plus its losses into the history. */
export function acceptFrame(frame: Frame): void {
  const { history, testHistory, version, model } = liveStore.getState();
  history.append(frame.lossesStart, frame.losses);
  if (
    frame.testLoss !== null &&
    Number.isFinite(frame.testLoss) &&
    frame.step > testHistory.lastStep
  ) {
    testHistory.append(frame.step, [frame.testLoss]);
  }
  const { runId, step, layers, params, grads } = frame;
  liveStore.setState({
    frame,
    model: params && grads ? { runId, step, layers, params, grads } : model,
    version: version + 1,
  });
}

/** The newest parameters of the current run, when they are of these widths (a frame racing a settings change is not). */
export function keptModel(layers: readonly number[]): KeptModel | null {
  const { model } = liveStore.getState();
  return model && sameSetting(model.layers, layers) ? model : null;
}
