/**
 * Owns the training worker: sends typed messages, drops frames of stale runs, hands the
 * newest frame to liveStore and acknowledges frames (see frameAcks.ts) so the worker
 * never sends frames faster than the page draws them.
 */
import type { FromWorker, ToWorker } from '../core/protocol';
import { FrameAcks } from '../core/frameAcks';
import { acceptFrame } from './liveStore';
import { keepNamedBy, recordSent } from './runRecord';
import { t } from './i18n';
import { useAppStore } from './store';
import { pictureViews, useViewStore } from './views/viewStore';
import { workerName } from './threadsParam';

let worker: Worker | null = null;
const acks = new FrameAcks(
  (callback) => requestAnimationFrame(callback),
  (seq) => send({ type: 'frameAck', seq }),
);
/** When the worker last said anything, ms (performance.now). */
let lastHeardAt = 0;
/**
 * Whether the connected worker has said anything yet. Until then it may still be loading
 * its script, alongside the page's own chunks on a slow link, and is not silent: a script
 * that fails to load fires an error event instead.
 */
let heard = false;
let watchdog: ReturnType<typeof setInterval> | null = null;

/** A playing run sends a frame at least every ACK_TIMEOUT_MS; silence this long means the worker is gone. */
export const WATCHDOG_MS = 4000;
const WATCHDOG_PERIOD_MS = 1000;
/**
 * A worker taking seconds per step (4 layers of 256 units on 1,000 points, on the TypeScript
 * engine) is silent for a whole step: silence is allowed this many of its measured steps.
 */
export const WATCHDOG_STEPS = 4;
/** The silence allowed now, ms: WATCHDOG_MS, or more for a run whose steps take long. */
let silenceAllowed = WATCHDOG_MS;

/** Declares the worker dead when a playing run has gone silent (closed, hung, or crashed without an error event). */
function checkWorker(): void {
  const { playing, runState, workerError } = useAppStore.getState();
  if (
    !heard ||
    !playing ||
    runState === 'diverged' ||
    workerError ||
    document.visibilityState !== 'visible'
  ) {
    lastHeardAt = performance.now();
    return;
  }
  if (performance.now() - lastHeardAt > silenceAllowed) {
    disconnectWorker();
    useAppStore.setState({ workerError: t().workerSilent, playing: false });
  }
}

/** Takes one message from the worker: frames of the current run only. Exported for tests. */
export function handleWorkerMessage(msg: FromWorker): void {
  lastHeardAt = performance.now();
  heard = true;
  const { runId, runState, divergedAt } = useAppStore.getState();
  if (msg.runId !== runId) return; // a frame of a run the user has already left
  if (msg.type === 'error') {
    useAppStore.setState({ workerError: t().workerFailed(msg.message), playing: false });
    return;
  }
  acks.received(msg.seq);
  if (msg.stepsPerSecond > 0)
    silenceAllowed = Math.max(WATCHDOG_MS, (WATCHDOG_STEPS * 1000) / msg.stepsPerSecond);
  acceptFrame(msg);
  keepNamedBy(msg);
  // The run reached its preset's stop step and the worker paused it: show Play.
  if (msg.reachedStop) useAppStore.setState({ playing: false });
  if (msg.state !== runState || msg.divergedAt !== divergedAt) {
    useAppStore.setState({
      runState: msg.state,
      divergedAt: msg.divergedAt,
      rescueStep: msg.divergedAt === null ? null : msg.checkpointStep,
    });
  }
}

function onError(event: ErrorEvent | MessageEvent): void {
  const detail = event instanceof ErrorEvent && event.message ? event.message : '';
  // Its state can no longer be trusted: Restart builds a fresh worker from the configuration.
  disconnectWorker();
  useAppStore.setState({ workerError: t().workerStopped(detail), playing: false });
  event.preventDefault();
}

/** The worker's name carries the page's thread count override (?threads=N), which it reads at start (no location: a test's stub). */
const newWorker = () =>
  new Worker(new URL('../worker/main.ts', import.meta.url), {
    type: 'module',
    name: workerName(globalThis.location?.search ?? ''),
  });

/** Starts (or restarts) the worker. */
export function connectWorker(): void {
  disconnectWorker();
  try {
    worker = newWorker();
  } catch (error) {
    // No worker in this context (a browser that refuses module workers here): said, not thrown.
    useAppStore.setState({
      workerError: t().workerStopped(error instanceof Error ? error.message : String(error)),
      playing: false,
    });
    return;
  }
  heard = false;
  worker.onmessage = (event: MessageEvent<FromWorker>) => handleWorkerMessage(event.data);
  worker.onerror = onError;
  worker.onmessageerror = onError;
  acks.reset();
  silenceAllowed = WATCHDOG_MS;
  sentViews = '';
  sendViews();
  lastHeardAt = performance.now();
  watchdog = setInterval(checkWorker, WATCHDOG_PERIOD_MS);
}

/** Whether a worker is connected (the entry starts the first run before the app mounts). */
export function workerConnected(): boolean {
  return worker !== null;
}

export function disconnectWorker(): void {
  worker?.terminate();
  worker = null;
  if (watchdog !== null) clearInterval(watchdog);
  watchdog = null;
}

/** The views last told to the worker, as JSON ('' for none yet). */
let sentViews = '';

/** Tells the worker what the page shows, when that has changed: it computes only those parts of the picture. */
function sendViews(): void {
  const views = pictureViews(useViewStore.getState());
  const key = JSON.stringify(views);
  if (!worker || key === sentViews) return;
  sentViews = key;
  send({ type: 'setViews', views });
}

useViewStore.subscribe(sendViews);

export function send(msg: ToWorker): void {
  // Points and weights sent are remembered: the run's history names them (see runRecord).
  worker?.postMessage(recordSent(msg));
}
