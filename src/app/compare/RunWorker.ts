/**
 * One run of a comparison in a worker of its own: the same worker script as the single
 * view's (workerClient.ts), its own frame acknowledgements (so each run's frames are paced
 * to the display on their own), its own run ids (frames of a run it has left are dropped),
 * its own record for the numpy script, and a watchdog for a worker that falls silent.
 */
import { modelConfigOf, type RunConfig } from '../../core/config';
import { FrameAcks } from '../../core/frameAcks';
import { piecewiseLinear } from '../../core/framePolicy';
import type { Frame, FromWorker, LabeledData, PictureViews, ToWorker } from '../../core/protocol';
import { trainingOptionsOf } from '../../core/trainingOptions';
import { RunRecorder } from '../runRecord';

/** What went wrong with a run's worker, as data: worded in the language in force when shown. */
export type RunFailure =
  /** The worker reported an error of its own. */
  | { kind: 'failed'; message: string }
  /** The worker could not be created, or crashed. */
  | { kind: 'stopped'; detail: string }
  /** A playing run said nothing for longer than its steps can explain. */
  | { kind: 'silent' };

/** The part of a Worker a run uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** What a run needs from the browser: a worker, animation frames, a clock and a timer. */
export interface RunWorkerHost {
  createWorker(): WorkerLike;
  requestFrame(callback: () => void): void;
  now(): number;
  /** Calls `fn` every `ms`; returns the cancel. */
  every(fn: () => void, ms: number): () => void;
}

export interface RunWorkerEvents {
  /** A frame of the run in force. */
  frame(frame: Frame): void;
  /** The worker failed: the run is stopped (start builds a new worker). */
  failure(failure: RunFailure): void;
}

/** A playing run sends a frame at least this often; silence this long means the worker is gone, ms. */
export const RUN_WATCHDOG_MS = 4000;
const WATCHDOG_PERIOD_MS = 1000;
/** A run whose steps take long is allowed this many steps of silence. */
const WATCHDOG_STEPS = 4;

/**
 * Each run on one thread: the runs are the comparison's parallelism, and a run that split
 * its steps across helper threads (docs/threads.md) would take cores from the others.
 */
export const COMPARE_WORKER_NAME = 'compare-run threads=1';

export const browserHost: RunWorkerHost = {
  createWorker: () =>
    new Worker(new URL('../../worker/main.ts', import.meta.url), {
      type: 'module',
      name: COMPARE_WORKER_NAME,
    }),
  requestFrame: (callback) => requestAnimationFrame(callback),
  now: () => performance.now(),
  every(fn, ms) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

/** The views a run's frames carry: the linear pieces where the activation has them, nothing else. */
export function compareViews(config: RunConfig): PictureViews {
  return { units: false, kinks: piecewiseLinear(config.activation), layers: false };
}

export class RunWorker {
  /** The run in force; frames of any other are stale. */
  runId = 0;
  /** The points and weights this run's worker was sent, for the numpy script. */
  readonly recorder = new RunRecorder();
  /** The settings the run in force was started with. */
  config: RunConfig | null = null;
  /** The points the run was started with (undefined: the worker generated them from the config). */
  data: LabeledData | undefined;
  /** The newest frame of the run in force. */
  lastFrame: Frame | null = null;

  private worker: WorkerLike | null = null;
  private readonly acks: FrameAcks;
  private playing = false;
  private diverged = false;
  private heard = false;
  private lastHeardAt = 0;
  private silenceAllowed = RUN_WATCHDOG_MS;
  private stopWatchdog: (() => void) | null = null;
  private sentViews = '';

  constructor(
    private readonly events: RunWorkerEvents,
    private readonly host: RunWorkerHost = browserHost,
  ) {
    this.acks = new FrameAcks(
      (callback) => host.requestFrame(callback),
      (seq) => this.send({ type: 'frameAck', seq }),
    );
  }

  /** Starts a new run of `config` (a new worker when none is alive); `data` as startRun sends it. */
  start(config: RunConfig, data: LabeledData | undefined, speed: number, playing: boolean): void {
    if (!this.worker && !this.connect()) return;
    this.runId++;
    this.config = config;
    this.data = data;
    this.lastFrame = null;
    this.playing = playing;
    this.diverged = false;
    this.sendViews(config);
    this.send({
      type: 'start',
      runId: this.runId,
      config: modelConfigOf(config),
      learningRate: config.learningRate,
      options: trainingOptionsOf(config),
      speed,
      playing,
      stopAt: null,
      ...(data ? { data } : {}),
    });
  }

  pause(): void {
    this.playing = false;
    this.send({ type: 'pause' });
  }

  resume(): void {
    this.playing = true;
    this.send({ type: 'resume' });
  }

  /** One step, paused first so exactly one update shows. */
  step(): void {
    if (this.playing) this.pause();
    this.send({ type: 'step', count: 1 });
  }

  /** The same run again from its seed, under a new id. */
  reset(playing: boolean): void {
    this.runId++;
    this.lastFrame = null;
    this.diverged = false;
    this.send({ type: 'reset', runId: this.runId });
    if (playing !== this.playing) {
      if (playing) this.resume();
      else this.pause();
    }
  }

  /** Back to the diverged run's last good weights, at `learningRate` when given, resuming or not. */
  rescue(learningRate: number | null, resume: boolean): void {
    this.diverged = false;
    this.playing = resume;
    if (learningRate !== null && this.config) this.config = { ...this.config, learningRate };
    this.send({ type: 'rescue', learningRate, resume });
  }

  setSpeed(speed: number): void {
    this.send({ type: 'setSpeed', speed });
  }

  /** Ends the worker; a later start builds a new one. */
  close(): void {
    this.worker?.terminate();
    this.worker = null;
    this.stopWatchdog?.();
    this.stopWatchdog = null;
  }

  /** Whether a worker is alive. */
  get connected(): boolean {
    return this.worker !== null;
  }

  /** Takes one message from the worker (exported through the class for tests). */
  handle(msg: FromWorker): void {
    this.lastHeardAt = this.host.now();
    this.heard = true;
    if (msg.runId !== this.runId) return; // a run this one has already left
    if (msg.type === 'error') {
      this.playing = false;
      this.events.failure({ kind: 'failed', message: msg.message });
      return;
    }
    this.acks.received(msg.seq);
    if (msg.stepsPerSecond > 0)
      this.silenceAllowed = Math.max(RUN_WATCHDOG_MS, (WATCHDOG_STEPS * 1000) / msg.stepsPerSecond);
    this.diverged = msg.state === 'diverged';
    if (msg.state === 'paused' && msg.reachedStop) this.playing = false;
    this.recorder.keepNamedBy(msg);
    this.lastFrame = msg;
    this.events.frame(msg);
  }

  private connect(): boolean {
    try {
      this.worker = this.host.createWorker();
    } catch (error) {
      this.events.failure({
        kind: 'stopped',
        detail: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
    const worker = this.worker;
    worker.onmessage = (event) => this.handle(event.data);
    const onError = (event: ErrorEvent | MessageEvent) => {
      // An ErrorEvent carries a message; a message that could not be read carries none.
      const detail = 'message' in event && typeof event.message === 'string' ? event.message : '';
      this.close();
      this.playing = false;
      this.events.failure({ kind: 'stopped', detail });
      event.preventDefault();
    };
    worker.onerror = onError;
    worker.onmessageerror = onError;
    this.acks.reset();
    this.heard = false;
    this.sentViews = '';
    this.silenceAllowed = RUN_WATCHDOG_MS;
    this.lastHeardAt = this.host.now();
    this.stopWatchdog = this.host.every(() => this.checkSilence(), WATCHDOG_PERIOD_MS);
    return true;
  }

  /** Declares the worker dead when a playing run has gone silent. Public for tests. */
  checkSilence(): void {
    const quietAllowed =
      !this.heard ||
      !this.playing ||
      this.diverged ||
      (typeof document !== 'undefined' && document.visibilityState !== 'visible');
    if (quietAllowed) {
      this.lastHeardAt = this.host.now();
      return;
    }
    if (this.host.now() - this.lastHeardAt > this.silenceAllowed) {
      this.close();
      this.playing = false;
      this.events.failure({ kind: 'silent' });
    }
  }

  private sendViews(config: RunConfig): void {
    const views = compareViews(config);
    const key = JSON.stringify(views);
    if (key === this.sentViews) return;
    this.sentViews = key;
    this.send({ type: 'setViews', views });
  }

  private send(msg: ToWorker): void {
    this.worker?.postMessage(this.recorder.recordSent(msg));
  }
}
