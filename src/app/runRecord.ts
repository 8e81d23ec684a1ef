/**
 * The page's half of a run's history. The worker knows at which step each set of points
 * and each learning rate came in, and names the points by an id (RunSchedule); the page
 * keeps the points it sent under those ids, and the weights it loaded from a model file,
 * so the exporters can replay the run on screen exactly (see core/runHistory).
 */
import type { Frame, LabeledData, ToWorker } from '../core/protocol';
import type { RunRecord } from '../core/runHistory';

/** Points sent to the worker, by id, while a run's history may still name them. */
const sent = new Map<number, LabeledData>();
let nextId = 1;
/** The weights last loaded from a model file, and the run they were loaded into. */
let loaded: { runId: number; step: number; params: Float32Array } | null = null;

/** The message as it goes to the worker: its points named, and remembered under that name. */
export function recordSent(msg: ToWorker): ToWorker {
  if (msg.type === 'setParams') {
    loaded = { runId: msg.runId, step: msg.step, params: msg.params.slice() };
    return msg;
  }
  if ((msg.type !== 'start' && msg.type !== 'setData') || !msg.data) return msg;
  const id = nextId++;
  sent.set(id, msg.data);
  return { ...msg, data: { ...msg.data, id } };
}

/**
 * Forgets points no history can name again: older than the newest the frame names and
 * not named by it (messages arrive in order, and a rewind only ever names the newest).
 */
export function keepNamedBy(frame: Frame): void {
  const named = new Set(frame.schedule.data.map((d) => d.id));
  const newest = Math.max(...named);
  for (const id of sent.keys()) if (id < newest && !named.has(id)) sent.delete(id);
}

/** The run's history with its points and loaded weights in place; null when the page no longer has them. */
export function runRecordOf(frame: Frame): RunRecord | null {
  const { schedule } = frame;
  const data = [];
  for (const { step, id } of schedule.data) {
    const points = id === 0 ? null : sent.get(id);
    if (points === undefined) return null;
    data.push({ step, data: points });
  }
  let weights: RunRecord['loaded'] = null;
  if (schedule.loadedAt !== null) {
    if (!loaded || loaded.runId !== frame.runId || loaded.step !== schedule.loadedAt) return null;
    weights = { step: loaded.step, params: loaded.params };
  }
  return {
    rates: schedule.rates,
    options: schedule.options,
    data,
    loaded: weights,
    droppedFrom: schedule.droppedFrom,
    dropped: schedule.dropped,
  };
}
