/** Saving the model to a JSON file and loading one back into a fresh run. */
import { paramLayout } from '../core/paramLayout';
import { modelFile, readModelFile, type LoadedModel } from '../core/modelFile';
import type { ModelFileProblem } from '../core/problems';
import type { HideableControl } from '../core/urlState';
import { startRun } from './actions';
import { downloadText } from './download';
import { lessonConflicts } from './lessonLock';
import { keptModel } from './liveStore';
import { useAppStore } from './store';
import { send } from './workerClient';

/**
 * Downloads the current run's configuration, step and weights: the newest a frame carried
 * (a large model's running frames carry them only now and then, see core/framePolicy);
 * false when no frame has had them yet.
 */
export function exportModel(): boolean {
  const { config } = useAppStore.getState();
  const model = keptModel(config.layers);
  if (!model || model.params.length !== paramLayout(config.layers).length) return false;
  downloadText(
    'backprop-model.json',
    `${JSON.stringify(modelFile(config, model.step, model.params), null, 1)}\n`,
    'application/json',
  );
  return true;
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
  | { ok: true; step: number; kept: HideableControl[] }
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
  return { ok: true, step: read.model.step, kept };
}
