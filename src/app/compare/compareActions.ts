/**
 * Everything a comparison does, as plain functions over its store and its runs' workers:
 * open and close, what varies and its values, and the transport acting on all runs.
 *
 * A change restarts only the runs it changes: a value edited restarts that run, a run
 * added starts alone, a removed one stops alone; the others keep training, so a learner
 * who adds a fifth idea does not lose the four curves already drawn. A new "Vary" changes
 * every run, so all start again.
 */
import { DEFAULT_VALUES, configFor, type CompareSpec, type VaryKey } from '../../core/compare';
import type { RunConfig } from '../../core/config';
import type { Frame, LabeledData } from '../../core/protocol';
import { rateAdviceFor } from '../controls/rateAdvice';
import { generatedFor } from '../views/runData';
import { nextValue } from './compareValues';
import {
  acceptRunFrame,
  addRunLive,
  clearRun,
  removeRunLive,
  resetLive,
  rewindRun,
} from './compareLive';
import { newRunUi, patchRun, useCompareStore } from './compareStore';
import { browserHost, RunWorker, type RunFailure, type RunWorkerHost } from './RunWorker';

/** The runs' workers, in the comparison's order. */
let workers: RunWorker[] = [];
let host: RunWorkerHost = browserHost;

/** Tests run the comparison on fake workers. */
export function setRunWorkerHost(next: RunWorkerHost): void {
  host = next;
}

/** The workers of the open comparison (the numpy script reads their records). */
export function compareWorkers(): readonly RunWorker[] {
  return workers;
}

/** The points every run trains on, as startRun sends them: the learner's own, or a split of the generated ones. */
function dataFor(base: RunConfig, customData: LabeledData | null): LabeledData | undefined {
  return customData ?? (base.testShare > 0 ? generatedFor(base) : undefined);
}

function onFrame(worker: RunWorker, frame: Frame): void {
  const index = workers.indexOf(worker);
  if (index < 0) return;
  acceptRunFrame(index, frame);
  const run = useCompareStore.getState().runs[index];
  if (!run) return;
  const diverged = frame.state === 'diverged';
  if (run.state !== frame.state || run.divergedAt !== frame.divergedAt)
    patchRun(index, {
      state: frame.state,
      divergedAt: frame.divergedAt,
      rescueStep: diverged ? frame.checkpointStep : null,
    });
}

function onFailure(worker: RunWorker, failure: RunFailure): void {
  const index = workers.indexOf(worker);
  if (index >= 0) patchRun(index, { failure });
}

function newWorker(): RunWorker {
  const worker: RunWorker = new RunWorker(
    {
      frame: (frame) => onFrame(worker, frame),
      failure: (failure) => onFailure(worker, failure),
    },
    host,
  );
  return worker;
}

/** Starts run `index` afresh from its value (a new worker when it has none). */
function startRunAt(index: number): void {
  const { base, customData, spec, speed, playing } = useCompareStore.getState();
  const worker = workers[index];
  const value = spec.values[index];
  if (!base || !worker || value === undefined) return;
  patchRun(index, newRunUi(value));
  clearRun(index);
  worker.start(configFor(base, spec.vary, value), dataFor(base, customData), speed, playing);
}

/** Opens a comparison of `spec` on the single view's settings and data; every run starts playing. */
export function openCompare(
  base: RunConfig,
  customData: LabeledData | null,
  spec: CompareSpec,
): void {
  closeRuns();
  useCompareStore.setState({
    spec,
    base,
    customData,
    playing: true,
    speed: base.speed,
    runs: spec.values.map(newRunUi),
  });
  resetLive(spec.values.length);
  workers = spec.values.map(newWorker);
  spec.values.forEach((_, i) => startRunAt(i));
}

function closeRuns(): void {
  for (const worker of workers) worker.close();
  workers = [];
}

/** Ends every run's worker (going back to the single view). */
export function closeCompare(): void {
  closeRuns();
  useCompareStore.setState({ runs: [] });
  resetLive(0);
}

/** Varies another setting, from its default values: every run starts again. */
export function setVary(vary: VaryKey): void {
  const { spec, base } = useCompareStore.getState();
  if (vary === spec.vary || !base) return;
  const { customData } = useCompareStore.getState();
  openCompare({ ...base, speed: useCompareStore.getState().speed }, customData, {
    vary,
    values: DEFAULT_VALUES[vary],
  });
}

/** Sets run `index`'s value (canonical, checked by the caller) and starts that run again. */
export function setValue(index: number, value: string): void {
  const { spec } = useCompareStore.getState();
  if (spec.values[index] === value || index >= spec.values.length) return;
  const values = spec.values.map((v, i) => (i === index ? value : v));
  useCompareStore.setState({ spec: { ...spec, values } });
  startRunAt(index);
}

/** Adds a run with a value not yet compared; the others go on. */
export function addRun(): void {
  const { spec, runs } = useCompareStore.getState();
  const value = nextValue(spec.vary, spec.values);
  if (value === null) return;
  useCompareStore.setState({
    spec: { ...spec, values: [...spec.values, value] },
    runs: [...runs, newRunUi(value)],
  });
  addRunLive();
  workers.push(newWorker());
  startRunAt(workers.length - 1);
}

/** Removes run `index` (down to two runs); the others go on. */
export function removeRun(index: number): void {
  const { spec, runs } = useCompareStore.getState();
  if (spec.values.length <= 2 || index >= spec.values.length) return;
  workers[index]?.close();
  workers = workers.filter((_, i) => i !== index);
  removeRunLive(index);
  useCompareStore.setState({
    spec: { ...spec, values: spec.values.filter((_, i) => i !== index) },
    runs: runs.filter((_, i) => i !== index),
  });
}

/** Whether run `index` can train now (not diverged, not stopped). */
function canTrain(index: number): boolean {
  const run = useCompareStore.getState().runs[index];
  return run !== undefined && run.state !== 'diverged' && run.failure === null;
}

/** Play or Pause, for every run that can train. */
export function togglePlaying(): void {
  const playing = !useCompareStore.getState().playing;
  useCompareStore.setState({ playing });
  workers.forEach((worker, i) => {
    if (!canTrain(i)) return;
    if (playing) worker.resume();
    else worker.pause();
  });
}

/** One step of each run, paused first. */
export function stepAll(): void {
  useCompareStore.setState({ playing: false });
  workers.forEach((worker, i) => {
    if (canTrain(i)) worker.step();
  });
}

/** Every run again from step 0 with its seed; a stopped worker is built anew. */
export function resetAll(): void {
  const { playing } = useCompareStore.getState();
  workers.forEach((worker, i) => {
    const run = useCompareStore.getState().runs[i];
    if (!run) return;
    if (!worker.connected || run.failure !== null || run.rescuedRate !== null) {
      startRunAt(i);
      return;
    }
    patchRun(i, newRunUi(run.value));
    clearRun(i);
    worker.reset(playing);
  });
}

export function setSpeed(speed: number): void {
  useCompareStore.setState({ speed });
  for (const worker of workers) worker.setSpeed(speed);
}

/**
 * After run `index` diverged: back to its last good weights, at the rate the advice
 * gives for its settings and going on with the others (or paused there, to look).
 */
export function rescueRun(index: number, lowerRate: boolean): void {
  const { runs, customData, playing } = useCompareStore.getState();
  const run = runs[index];
  const worker = workers[index];
  if (!run || !worker?.config || run.rescueStep === null) return;
  rewindRun(index, run.rescueStep);
  const learningRate = lowerRate
    ? rateAdviceFor({ config: worker.config, customData }).rescue
    : null;
  const resume = lowerRate && playing;
  patchRun(index, {
    state: resume ? 'running' : 'paused',
    divergedAt: null,
    rescueStep: null,
    ...(learningRate === null ? {} : { rescuedRate: learningRate }),
  });
  worker.rescue(learningRate, resume);
}
