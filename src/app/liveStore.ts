/**
 * Live training data (the newest frame and the loss history), outside React. Plots and
 * readouts subscribe directly and redraw at most once per animation frame.
 */
import { createStore } from 'zustand/vanilla';
import { LossHistory } from '../core/lossHistory';
import { sameSetting } from '../core/config';
import type { Frame } from '../core/protocol';
import { EpochStarts } from './plots/epochStarts';

/** Test losses kept: the worker's samples and one per frame, decimated like the training loss beyond this. */
const TEST_HISTORY_CAPACITY = 1024;
/** Penalties kept: one per frame, likewise. */
const PENALTY_HISTORY_CAPACITY = 1024;

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
  /** Test loss (held-out points) at the worker's sampled steps and each frame's, bounded in size; empty when none are held out. */
  testHistory: LossHistory;
  /**
   * Loss on all the training points. With the full batch, the recorded losses (as in
   * `history`); with mini-batches, whose recorded losses are one batch's, one per frame
   * (its trainLoss).
   */
  trainHistory: LossHistory;
  /** Whether some frame of the run trained on mini-batches: `history` then holds batch losses. */
  batched: boolean;
  /** The L1/L2 penalty per frame while one is set, bounded in size. */
  penaltyHistory: LossHistory;
  /** Where the run's epochs began (marked on the loss plot with mini-batches). */
  epochStarts: EpochStarts;
  /** Increments on every accepted frame or reset. */
  version: number;
}

export const liveStore = createStore<LiveState>()(() => ({
  frame: null,
  model: null,
  history: new LossHistory(),
  testHistory: new LossHistory(TEST_HISTORY_CAPACITY),
  trainHistory: new LossHistory(),
  batched: false,
  penaltyHistory: new LossHistory(PENALTY_HISTORY_CAPACITY),
  epochStarts: new EpochStarts(),
  version: 0,
}));

/** Forgets the previous run's frame and losses. */
export function clearLive(): void {
  const { history, testHistory, trainHistory, penaltyHistory, epochStarts, version } =
    liveStore.getState();
  history.clear();
  testHistory.clear();
  trainHistory.clear();
  penaltyHistory.clear();
  epochStarts.clear();
  liveStore.setState({ frame: null, model: null, batched: false, version: version + 1 });
}

/** Forgets what was recorded after `step`: the run was rewound there (a rescue) and goes on from it. */
export function rewindLive(step: number): void {
  const { history, testHistory, trainHistory, penaltyHistory, epochStarts, version } =
    liveStore.getState();
  for (const h of [history, testHistory, trainHistory, penaltyHistory]) h.truncateAfter(step);
  epochStarts.truncateAfter(step);
  liveStore.setState({ version: version + 1 });
}

/** Appends `values`, recorded from step `start` on, leaving out steps the history already has. */
function appendNew(history: LossHistory, start: number, values: Float32Array): void {
  const skip = Math.max(0, history.lastStep + 1 - start);
  if (skip < values.length) history.append(start + skip, values.subarray(skip));
}

/** Pushes one value per frame, at the frame's step, once per step. */
function pushSample(history: LossHistory, step: number, value: number | null): void {
  if (value !== null && step > history.lastStep) history.push(step, value);
}

/** Pushes a finite value at a step the history does not have yet. */
function pushFinite(history: LossHistory, step: number, value: number | null): void {
  if (value !== null && Number.isFinite(value) && step > history.lastStep)
    history.push(step, value);
}

/** The newest schedule's first step, from the option changes the frame carries. */
function scheduleFrom(frame: Frame): number | undefined {
  const changes = frame.schedule.options;
  for (let i = changes.length - 1; i >= 0; i--)
    if (changes[i]!.newSchedule && changes[i]!.step <= frame.step) return changes[i]!.step;
  return undefined;
}

/** Takes a frame of the current run: newest curve, plus its losses into the history. */
export function acceptFrame(frame: Frame): void {
  const live = liveStore.getState();
  const { history, testHistory, trainHistory, penaltyHistory, version, model } = live;
  history.append(frame.lossesStart, frame.losses);
  // The samples taken between frames, then the frame's own (of its step, when newer).
  const { testLosses, testLossSteps } = frame;
  for (let i = 0; i < testLosses.length; i++)
    pushFinite(testHistory, testLossSteps[i]!, testLosses[i]!);
  pushFinite(testHistory, frame.step, frame.testLoss);
  // With the full batch every recorded loss is one on all the points: the whole-set history
  // takes them all, so a run that turns to mini-batches later keeps its start.
  if (frame.trainLoss === null) appendNew(trainHistory, frame.lossesStart, frame.losses);
  else pushSample(trainHistory, frame.step, frame.trainLoss);
  pushSample(penaltyHistory, frame.step, frame.penalty);
  const from = scheduleFrom(frame);
  const { stepsPerEpoch, stepsIntoEpoch } = frame;
  live.epochStarts.observe({
    step: frame.step,
    trainLoss: frame.trainLoss,
    stepsPerEpoch,
    stepsIntoEpoch,
    ...(from === undefined ? {} : { scheduleFrom: from }),
  });
  const { runId, step, layers, params, grads } = frame;
  liveStore.setState({
    frame,
    model: params && grads ? { runId, step, layers, params, grads } : model,
    batched: live.batched || frame.trainLoss !== null,
    version: version + 1,
  });
}

/** The history of the loss on all the training points: the recorded losses unless some were a mini-batch's. */
export function wholeSetHistory(live: LiveState): LossHistory {
  return live.batched ? live.trainHistory : live.history;
}

/** The newest parameters of the current run, when they are of these widths (a frame racing a settings change is not). */
export function keptModel(layers: readonly number[]): KeptModel | null {
  const { model } = liveStore.getState();
  return model && sameSetting(model.layers, layers) ? model : null;
}
