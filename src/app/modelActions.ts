/** Saving the model to a JSON file and loading one back into a fresh run. */
import { modelFile, readModelFile, type LoadedModel } from '../core/modelFile';
import type { ModelFileProblem } from '../core/problems';
import type { HideableControl } from '../core/urlState';
import { startRun } from './actions';
import { downloadText } from './download';
import { lessonConflicts } from './lessonLock';
import { keptModel, liveStore, type KeptModel } from './liveStore';
import { useAppStore } from './store';
import { send } from './workerClient';

/** What "Export model" did: saved the weights at `step` (pausing the run first when it had to), or found none yet. */
export type ExportResult = { saved: true; step: number; paused: boolean } | { saved: false };

/**
 * The kept parameters when they are those of the newest frame (the step a file names):
 * always for a small model, and for a larger one while its run stands still.
 */
function currentModel(layers: readonly number[]): KeptModel | null {
  const { frame } = liveStore.getState();
  const model = keptModel(layers);
  if (!frame || !model || model.runId !== frame.runId || model.step !== frame.step) return null;
  return model;
}

function save(model: KeptModel): void {
  const { config } = useAppStore.getState();
  downloadText(
    'backprop-model.json',
    `${JSON.stringify(modelFile(config, model.step, model.params), null, 1)}\n`,
    'application/json',
  );
}

/**
 * The parameters of run `runId`'s first frame standing still (the worker sends them with
 * it), or null when the run is replaced or set playing before that frame comes.
 */
function pausedModel(layers: readonly number[], runId: number): Promise<KeptModel | null> {
  return new Promise((resolve) => {
    const settled = (): boolean => {
      const { runId: now, playing } = useAppStore.getState();
      if (now !== runId || playing) {
        resolve(null);
        return true;
      }
      const { frame } = liveStore.getState();
      if (!frame || frame.runId !== runId || frame.state === 'running') return false;
      resolve(currentModel(layers));
      return true;
    };
    if (settled()) return;
    const unsubscribe = liveStore.subscribe(() => {
      if (settled()) unsubscribe();
    });
  });
}

/** The export under way, so a second click while it waits saves one file, not two. */
let exporting: Promise<ExportResult> | null = null;

/**
 * Downloads the current run's configuration, step and weights. A large model's running
 * frames carry no weights (core/framePolicy), so rather than save old ones under a newer
 * step the run is paused and the paused frame's weights are saved, at the step they are of.
 */
export function exportModel(): Promise<ExportResult> {
  exporting ??= exportNow().finally(() => (exporting = null));
  return exporting;
}

async function exportNow(): Promise<ExportResult> {
  const { config, runId } = useAppStore.getState();
  const now = currentModel(config.layers);
  if (now) {
    save(now);
    return { saved: true, step: now.step, paused: false };
  }
  const { frame } = liveStore.getState();
  if (!frame || frame.runId !== runId || frame.state !== 'running') return { saved: false };
  if (useAppStore.getState().playing) {
    useAppStore.setState({ playing: false });
    send({ type: 'pause' });
  }
  const paused = await pausedModel(config.layers, runId);
  if (!paused) return { saved: false };
  save(paused);
  return { saved: true, step: paused.step, paused: true };
}

/** Settings the weights are meaningless without: their shape (H) and what each unit computes. */
const WEIGHT_CONTROLS: readonly HideableControl[] = ['hidden', 'activation'];

/**
 * Starts a run with the file's configuration, paused, and puts its weights and step in.
 * What a lesson fixes stays (the store keeps it); returns the controls it kept.
 */
export function loadModel(model: LoadedModel): HideableControl[] {
  useAppStore.setState({ config: model.config, preset: null, playing: false });
  const kept = useAppStore.getState().lessonKept ?? [];
  startRun();
  send({
    type: 'setParams',
    runId: useAppStore.getState().runId,
    params: model.params,
    step: model.step,
  });
  return kept;
}

export type ImportResult =
  /** freshState: the optimizer in force keeps state (momentum, RMSProp, Adam), which starts again from zero. */
  | { ok: true; step: number; kept: HideableControl[]; freshState: boolean }
  | { ok: false; problem: ModelFileProblem }
  /** The lesson fixes the hidden units or the activation to other values than the file's weights need. */
  | { ok: false; lessonFixed: HideableControl[] };

/** Reads a chosen file and loads it; a bad file changes nothing and says why (worded when shown). */
export async function importModelFile(file: File): Promise<ImportResult> {
  const read = readModelFile(await file.text());
  if (!read.ok) return { ok: false, problem: read.problem };
  const { hiddenControls, config } = useAppStore.getState();
  const lessonFixed = lessonConflicts(hiddenControls, config, read.model.config).filter((c) =>
    WEIGHT_CONTROLS.includes(c),
  );
  if (lessonFixed.length > 0) return { ok: false, lessonFixed };
  const kept = loadModel(read.model);
  // A model file holds weights, not the optimizer's moments (TrainingRun.load).
  const freshState = useAppStore.getState().config.optimizer !== 'sgd';
  return { ok: true, step: read.model.step, kept, freshState };
}
