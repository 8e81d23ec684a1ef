/**
 * The page's half of a run's history. The worker knows at which step each set of points
 * and each learning rate came in, and names the points by an id (RunSchedule); the page
 * keeps the points it sent under those ids, and the weights it loaded from a model file,
 * so the exporters can replay the run on screen exactly (see core/runHistory).
 *
 * One RunRecorder per worker: the single view's (the functions below), and one per run of
 * a comparison (compare/RunWorker), since each worker names its points on its own.
 */
import type { Frame, LabeledData, ToWorker } from '../core/protocol';
import type { RunRecord } from '../core/runHistory';

export class RunRecorder {
  /** Points sent to the worker, by id, while a run's history may still name them. */
  private readonly sent = new Map<number, LabeledData>();
  private nextId = 1;
  /** The weights last loaded from a model file, and the run they were loaded into. */
  private loaded: { runId: number; step: number; params: Float32Array } | null = null;

  /** The message as it goes to the worker: its points named, and remembered under that name. */
  recordSent(msg: ToWorker): ToWorker {
    if (msg.type === 'setParams') {
      this.loaded = { runId: msg.runId, step: msg.step, params: msg.params.slice() };
      return msg;
    }
    if ((msg.type !== 'start' && msg.type !== 'setData') || !msg.data) return msg;
    const id = this.nextId++;
    this.sent.set(id, msg.data);
    return { ...msg, data: { ...msg.data, id } };
  }

  /**
   * Forgets points no history can name again: older than the newest the frame names and
   * not named by it (messages arrive in order, and a rewind only ever names the newest).
   */
  keepNamedBy(frame: Frame): void {
    const named = new Set(frame.schedule.data.map((d) => d.id));
    const newest = Math.max(...named);
    for (const id of this.sent.keys()) if (id < newest && !named.has(id)) this.sent.delete(id);
  }

  /** The run's history with its points and loaded weights in place; null when the page no longer has them. */
  runRecordOf(frame: Frame): RunRecord | null {
    const { schedule } = frame;
    const data = [];
    for (const { step, id } of schedule.data) {
      const points = id === 0 ? null : this.sent.get(id);
      if (points === undefined) return null;
      data.push({ step, data: points });
    }
    let weights: RunRecord['loaded'] = null;
    if (schedule.loadedAt !== null) {
      const { loaded } = this;
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
}

/** The single view's worker's record. */
const single = new RunRecorder();

/** The single view's message as it goes to its worker (see RunRecorder.recordSent). */
export function recordSent(msg: ToWorker): ToWorker {
  return single.recordSent(msg);
}

/** See RunRecorder.keepNamedBy, for the single view's run. */
export function keepNamedBy(frame: Frame): void {
  single.keepNamedBy(frame);
}

/** See RunRecorder.runRecordOf, for the single view's run. */
export function runRecordOf(frame: Frame): RunRecord | null {
  return single.runRecordOf(frame);
}
