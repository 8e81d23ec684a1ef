/**
 * The training loop, independent of the worker global so tests can drive it with fake
 * timers. It trains in short slices (yielding to incoming messages between them), paces
 * steps to the requested speed, and keeps at most FRAMES_IN_FLIGHT frames unacknowledged
 * by the page (sending one anyway after a timeout, for hidden tabs), so frames never
 * outrun the display: see core/frameAcks.
 */
import type { ModelConfig } from '../core/config';
import type { LabeledData, RunState, ToWorker } from '../core/protocol';
import { TrainingRun } from '../core/run';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from '../core/trainingOptions';
import { paramsDue } from '../core/framePolicy';
import { buildFrame } from './frame';
import { FrameWindow } from './frameWindow';
import { LossBuffer } from './lossBuffer';
import { Pacer, RateMeter } from './pacer';
import { PictureBuilder } from './picture';
import { trainSlice } from './slice';
import { StopStep } from './stopStep';
import type { LoopHost } from './loopHost';

export type { LoopHost } from './loopHost';
export { ACK_TIMEOUT_MS } from './frameWindow';
/** Most steps one 'step' message may ask for. */
export const MAX_STEP_COUNT = 100_000;

export class TrainerLoop {
  private run: TrainingRun | null = null;
  private config: ModelConfig | null = null;
  /** The page's own data for this run (start.data, then setData), or null for the generated data. */
  private data: LabeledData | null = null;
  private runId = 0;
  private learningRate = 0.01;
  /** How the run learns; kept here so a reset builds the run with them again. */
  private options: TrainingOptions = DEFAULT_TRAINING_OPTIONS;
  private playing = false;
  /** The preset's stop step. */
  private readonly stop = new StopStep();

  private readonly pending: LossBuffer;
  /** Something changed since the last frame. */
  private dirty = false;
  private readonly window = new FrameWindow();

  private readonly pacer = new Pacer();
  private readonly rate = new RateMeter();

  private cancelTimer: (() => void) | null = null;

  private readonly picture: PictureBuilder;

  constructor(private readonly host: LoopHost) {
    this.picture = new PictureBuilder(() => host.now());
    this.pending = new LossBuffer(() => host.now());
  }

  handle(msg: ToWorker): void {
    try {
      this.dispatch(msg);
    } catch (err) {
      this.fail(err);
    }
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'start':
        this.config = msg.config;
        this.learningRate = msg.learningRate;
        this.options = msg.options;
        this.pacer.speed = msg.speed;
        this.playing = msg.playing;
        this.stop.set(msg.stopAt);
        this.data = msg.data ?? null;
        this.begin(msg.runId);
        return;
      case 'setData':
        this.data = msg.data;
        this.pending.forgetLast();
        // Samples of the old held-out points are not of the new ones.
        this.pending.tests.reset();
        this.picture.invalidate();
        if (this.run) {
          this.run.setData(msg.data);
          this.refresh();
        }
        return;
      case 'reset':
        if (this.config) this.begin(msg.runId);
        return;
      case 'pause':
        this.playing = false;
        this.show();
        return;
      case 'resume':
        this.playing = true;
        this.refresh();
        return;
      case 'step':
        this.stepNow(msg.count);
        return;
      case 'setStopAt':
        this.stop.set(msg.stopAt);
        if (this.run) this.checkStop(this.run);
        this.wake();
        return;
      case 'setLearningRate':
        this.learningRate = msg.learningRate;
        return;
      case 'setTrainingOptions':
        this.options = msg.options;
        if (this.run) {
          this.run.setTrainingOptions(msg.options);
          this.show();
        }
        return;
      case 'setSpeed':
        this.pacer.speed = msg.speed;
        this.reanchor();
        this.wake();
        return;
      case 'setParams':
        if (msg.runId !== this.runId || !this.run?.load(msg.params, msg.step)) return;
        this.picture.invalidate();
        this.pending.reset(msg.step);
        this.rate.rebase(msg.step);
        this.refresh();
        return;
      case 'rescue':
        this.rescue(msg.learningRate, msg.resume);
        return;
      case 'frameAck':
        this.window.ack(msg.seq);
        if (this.dirty) this.wake();
        return;
      case 'setViews':
        this.picture.setViews(msg.views);
        // The picture on show lacks what was just asked for: a frame with it follows.
        this.show();
        return;
    }
  }

  /** Rewinds a diverged run to its last good step; losses buffered past it are dropped. */
  private rescue(learningRate: number | null, resume: boolean): void {
    const run = this.run;
    if (!run || run.divergedAt === null) return;
    run.rewind();
    this.picture.invalidate();
    if (learningRate !== null) this.learningRate = learningRate;
    this.playing = resume;
    this.pending.reset(run.step);
    this.refresh();
  }

  private begin(runId: number): void {
    this.runId = runId;
    const pool = this.host.pool ?? null;
    this.run = new TrainingRun(this.config!, undefined, { pool }, this.data ?? undefined);
    this.run.setTrainingOptions(this.options);
    this.pending.reset(0);
    this.window.forgetInFlight();
    this.dirty = true;
    this.pacer.chunk = 1;
    this.rate.reset(this.host.now(), 0);
    this.stop.restart();
    this.checkStop(this.run);
    this.reanchor();
    this.wake();
  }

  /** A playing run at its stop step pauses (see StopStep). */
  private checkStop(run: TrainingRun): void {
    if (!this.stop.check(run.step, this.playing)) return;
    this.playing = false;
    this.dirty = true;
  }

  private stepNow(count: number): void {
    const run = this.run;
    if (!run) return;
    const n = Math.max(0, Math.min(Math.floor(count), MAX_STEP_COUNT, this.pending.room));
    if (this.pending.train(run, n, this.learningRate) > 0) this.dirty = true;
    this.checkStop(run);
    this.refresh();
  }

  /** Something the page shows changed: a frame follows. */
  private show(): void {
    this.dirty = true;
    this.wake();
  }

  /** As show(), and pacing starts again from now. */
  private refresh(): void {
    this.reanchor();
    this.show();
  }

  private reanchor(): void {
    this.pacer.reanchor(this.host.now(), this.run?.step ?? 0);
  }

  private get trainable(): boolean {
    // No points to train on: nothing to do until new data comes (no timer spins meanwhile).
    return (
      this.playing &&
      this.run !== null &&
      this.run.divergedAt === null &&
      this.run.data.x.length > 0 &&
      !this.run.atLastStep
    );
  }

  private wake(): void {
    this.setTimer(0);
  }

  private setTimer(delay: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.host.schedule(() => {
      this.cancelTimer = null;
      try {
        this.tick();
      } catch (err) {
        this.fail(err);
      }
    }, delay);
  }

  private tick(): void {
    const run = this.run;
    if (!run) return;
    if (this.trainable) this.trainDue(run);
    this.maybeSendFrame();
    this.scheduleNext();
  }

  /** Trains the steps due now (up to the stop step) in one slice. */
  private trainDue(run: TrainingRun): void {
    const start = this.host.now();
    let budget = this.pacer.due(start, run.step);
    if (this.stop.ahead !== null) budget = Math.min(budget, this.stop.ahead - run.step);
    const { host, pacer, pending, learningRate } = this;
    const done = trainSlice(run, host, pacer, pending, start, budget, learningRate);
    if (done > 0) this.dirty = true;
    this.checkStop(run);
    // Could not keep up with the requested speed: drop the backlog rather than sprint later.
    if (Number.isFinite(this.pacer.speed) && budget - done > 1) this.reanchor();
  }

  private maybeSendFrame(): void {
    if (!this.dirty || !this.run) return;
    const now = this.host.now();
    if (this.window.full(now)) return;
    this.sendFrame(this.run, now);
  }

  private sendFrame(run: TrainingRun, now: number): void {
    this.rate.sample(now, run.step);
    const state: RunState =
      run.divergedAt !== null ? 'diverged' : this.playing ? 'running' : 'paused';
    const still = state !== 'running';
    const withParams = paramsDue(run.paramLength(), still);
    const tests = this.pending.tests.copy();
    const { frame, transfer } = buildFrame(run, {
      runId: this.runId,
      seq: this.window.send(now),
      losses: this.pending.copy(),
      lossesStart: this.pending.start,
      testLosses: tests.losses,
      testLossSteps: tests.steps,
      stepsPerSecond: this.trainable ? this.rate.stepsPerSecond : 0,
      state,
      reachedStop: this.stop.reached,
      lastLoss: this.pending.last,
      withParams,
      picture: this.picture.build(run, run.grid, still),
    });
    this.stop.reached = false;
    this.pending.clear(run.step);
    this.dirty = false;
    this.host.post(frame, transfer);
  }

  private scheduleNext(): void {
    const now = this.host.now();
    let delay = Infinity;
    if (this.trainable) {
      delay =
        this.pending.room === 0
          ? this.window.untilTimeout(now)
          : this.pacer.untilNext(now, this.run!.step);
    }
    // A frame is waiting for its ack: make sure it goes out when the ack times out.
    if (this.dirty && this.window.saturated) delay = Math.min(delay, this.window.untilTimeout(now));
    if (delay < Infinity) this.setTimer(Math.max(0, delay));
  }

  private fail(err: unknown): void {
    this.playing = false;
    const message = err instanceof Error ? err.message : String(err);
    this.host.post({ type: 'error', runId: this.runId, message }, []);
  }
}
