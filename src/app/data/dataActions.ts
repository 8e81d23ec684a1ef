/**
 * The data a run trains on, owned by the page: generated from the settings (exactly
 * numpy's), or edited, imported or cleared by the learner. Every change goes to the
 * worker as `setData`, which keeps the network's weights, so the fit chases the change.
 */
import { PRESETS } from '../../core/presets';
import type { LabeledData } from '../../core/protocol';
import { addedPointHeldOut, testMask } from '../../core/split';
import { downloadText } from '../download';
import { useAppStore, type DataNote } from '../store';
import { generatedFor } from '../views/runData';
import { send } from '../workerClient';

/** The data generated from the current settings, with its seeded split. */
export function generatedData(): LabeledData {
  return generatedFor(useAppStore.getState().config);
}

/** The data in force: the learner's own, or the generated data. */
export function currentData(): LabeledData {
  return useAppStore.getState().customData ?? generatedData();
}

function setCustom(data: LabeledData, note: DataNote | null = null): void {
  useAppStore.setState({ customData: data, dataNote: note });
  // A lesson that fixes the data keeps it (lessonLock): the worker hears only what the store took.
  if (useAppStore.getState().customData !== data) return;
  send({ type: 'setData', data });
}

/** Appends to a float32 array (edits are rare; the copy is fine). */
function appended<T extends Float32Array | Uint8Array>(array: T, value: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length + 1);
  out.set(array);
  out[array.length] = value;
  return out;
}

function without<T extends Float32Array | Uint8Array>(array: T, index: number): T {
  const out = new (array.constructor as new (n: number) => T)(array.length - 1);
  out.set(array.subarray(0, index));
  out.set(array.subarray(index + 1), index);
  return out;
}

/** Most points the learner can have (the Points setting's own maximum). */
const MAX_POINTS = 5000;

export function addPoint(x: number, y: number): void {
  const data = currentData();
  if (data.x.length >= MAX_POINTS) {
    useAppStore.setState({ dataNote: { kind: 'full', max: MAX_POINTS } });
    return;
  }
  const { testShare, seed } = useAppStore.getState().config;
  setCustom({
    x: appended(data.x, x),
    y: appended(data.y, y),
    test: appended(data.test, addedPointHeldOut(data.test, testShare, seed)),
  });
}

export function movePoint(index: number, x: number, y: number): void {
  const data = currentData();
  const moved = { x: data.x.slice(), y: data.y.slice(), test: data.test };
  moved.x[index] = x;
  moved.y[index] = y;
  setCustom(moved);
}

export function removePoint(index: number): void {
  const data = currentData();
  setCustom({
    x: without(data.x, index),
    y: without(data.y, index),
    test: without(data.test, index),
  });
}

export function clearData(): void {
  setCustom(
    { x: new Float32Array(0), y: new Float32Array(0), test: new Uint8Array(0) },
    { kind: 'cleared' },
  );
}

/** Back to the data the settings generate. */
export function regenerateData(): void {
  useAppStore.setState({ customData: null, dataNote: null });
  send({ type: 'setData', data: generatedData() });
}

/** Reads a CSV file; a bad file changes nothing and says why. */
export async function importCsv(file: File): Promise<void> {
  const csv = await loadCsv();
  if (!csv) return;
  const result = csv.parseCsv(await file.text());
  if (!result.ok) {
    useAppStore.setState({
      dataNote: { kind: 'importFailed', file: file.name, problem: result.problem },
    });
    return;
  }
  const { x, y } = result.data;
  const { config } = useAppStore.getState();
  setCustom(
    { x, y, test: testMask(x.length, config.testShare, config.seed) },
    { kind: 'imported', file: file.name, count: x.length, rescaled: result.note },
  );
}

export async function exportCsv(): Promise<void> {
  const data = currentData(); // the data of the moment of the click
  const csv = await loadCsv();
  if (csv) downloadText('data.csv', csv.toCsv(data), 'text/csv');
}

/**
 * The CSV module, loaded the first time a file is read or written: Papa Parse is in no
 * other path, and left out of the page's first download (7 kB gzip) it is not compiled on
 * every visit. If it cannot load (a page left open across a new deployment asks for a file
 * that is gone), the data note says so, and null is returned.
 */
async function loadCsv(): Promise<typeof import('../../core/csv') | null> {
  try {
    return await import('../../core/csv');
  } catch {
    useAppStore.setState({ dataNote: { kind: 'csvUnavailable' } });
    return null;
  }
}

/** A new held-out share: the split is drawn again from the seed, weights are kept. */
export function setTestShare(testShare: number): void {
  const state = useAppStore.getState();
  useAppStore.setState({ config: { ...state.config, testShare } });
  if (useAppStore.getState().config.testShare !== testShare) return; // fixed by the lesson
  // A preset that fixes the share (a lesson about the test loss) is left: Custom, no stop step.
  const fixed = state.preset === null ? undefined : PRESETS[state.preset].settings.testShare;
  if (fixed !== undefined && fixed !== testShare) {
    useAppStore.setState({ preset: null });
    send({ type: 'setStopAt', stopAt: null });
  }
  const data = state.customData
    ? {
        ...state.customData,
        test: testMask(state.customData.x.length, testShare, state.config.seed),
      }
    : generatedData();
  if (state.customData) useAppStore.setState({ customData: data });
  send({ type: 'setData', data });
}
