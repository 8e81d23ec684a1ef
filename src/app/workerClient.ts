/**
 * Owns the training worker: sends typed messages, drops frames of stale runs, hands the
 * newest frame to liveStore and acknowledges it after the next paint so the worker
 * never sends frames faster than the page draws them.
 */
import type { FromWorker, ToWorker } from '../core/protocol';
import { acceptFrame } from './liveStore';
import { useAppStore } from './store';

let worker: Worker | null = null;
let ackScheduled = false;

/** Takes one message from the worker: frames of the current run only. Exported for tests. */
export function handleWorkerMessage(msg: FromWorker): void {
  const { runId, runState, divergedAt } = useAppStore.getState();
  if (msg.runId !== runId) return; // a frame of a run the user has already left
  if (msg.type === 'error') {
    useAppStore.setState({ workerError: `The training worker failed: ${msg.message}`, playing: false });
    return;
  }
  acceptFrame(msg);
  // The run reached its preset's stop step and the worker paused it: show Play.
  if (msg.reachedStop) useAppStore.setState({ playing: false });
  if (msg.state !== runState || msg.divergedAt !== divergedAt) {
    useAppStore.setState({ runState: msg.state, divergedAt: msg.divergedAt });
  }
  if (!ackScheduled) {
    ackScheduled = true;
    requestAnimationFrame(() => {
      ackScheduled = false;
      send({ type: 'frameAck' });
    });
  }
}

function onError(event: ErrorEvent | MessageEvent): void {
  const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
  useAppStore.setState({ workerError: `The training worker stopped${detail}.`, playing: false });
  event.preventDefault();
}

/** Starts (or restarts) the worker. */
export function connectWorker(): void {
  disconnectWorker();
  worker = new Worker(new URL('../worker/main.ts', import.meta.url), { type: 'module', name: 'trainer' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => handleWorkerMessage(event.data);
  worker.onerror = onError;
  worker.onmessageerror = onError;
  ackScheduled = false;
}

export function disconnectWorker(): void {
  worker?.terminate();
  worker = null;
}

export function send(msg: ToWorker): void {
  worker?.postMessage(msg);
}
