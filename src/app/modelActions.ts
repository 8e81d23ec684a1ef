/** Saving the model to a JSON file and loading one back into a fresh run. */
import { modelFile, readModelFile, type LoadedModel } from '../core/modelFile';
import type { ModelFileProblem } from '../core/problems';
import { startRun } from './actions';
import { downloadText } from './download';
import { liveStore } from './liveStore';
import { useAppStore } from './store';
import { send } from './workerClient';

/** Downloads the current run's configuration, step and weights; false when there is no frame yet. */
export function exportModel(): boolean {
  const frame = liveStore.getState().frame;
  const { config } = useAppStore.getState();
  if (!frame || frame.params.length !== 3 * config.hidden + 1) return false;
  downloadText('backprop-model.json', `${JSON.stringify(modelFile(config, frame.step, frame.params), null, 1)}\n`, 'application/json');
  return true;
}

/** Starts a run with the file's configuration, paused, and puts its weights and step in. */
export function loadModel(model: LoadedModel): void {
  useAppStore.setState({ config: model.config, preset: null, playing: false });
  startRun();
  send({ type: 'setParams', runId: useAppStore.getState().runId, params: model.params, step: model.step });
}

/** Reads a chosen file and loads it; a bad file changes nothing and says why (worded when shown). */
export async function importModelFile(file: File): Promise<{ ok: true; step: number } | { ok: false; problem: ModelFileProblem }> {
  const read = readModelFile(await file.text());
  if (!read.ok) return { ok: false, problem: read.problem };
  loadModel(read.model);
  return { ok: true, step: read.model.step };
}
