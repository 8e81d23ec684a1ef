/**
 * The harness of loop.test.ts: TrainerLoop on a fake LoopHost whose schedule() is setTimeout
 * under vitest's fake timers and whose now() is the fake Date.now(), a model of the time
 * training takes (see Harness), and helpers to compare the losses frames carry.
 */
import { expect, vi } from 'vitest';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { DEFAULT_CONFIG, modelConfigOf, type ModelConfig } from '../core/config';
import { FrameAcks } from '../core/frameAcks';
import type { Frame, FromWorker, ToWorker } from '../core/protocol';
import { TrainingRun } from '../core/run';
import { TrainerLoop, type LoopHost } from './loop';

/** The run the tests start: the default settings. */
export const CONFIG: ModelConfig = modelConfigOf(DEFAULT_CONFIG);
/** Its learning rate. */
export const LR = DEFAULT_CONFIG.learningRate;

/**
 * Virtual cost of one training step, ms. With a clock that only moves when timers advance,
 * a slice would take 0 ms: at speed Infinity the loop would then never see SLICE_MS pass,
 * its chunk would double on every clock read, and each slice would only end when the
 * 2^18-loss pending buffer is full. A constant cost per *clock read* (say 0.01 ms)
 * does not help for the same reason: two reads around a chunk always differ by the same
 * tiny amount, so the chunk still doubles without bound. Charging time per *step* makes
 * the chunk settle (at 8 steps = 0.375 ms) and slices last about SLICE_MS, as in a browser.
 * About 50 us is a slowish device for the default 1 -> 10 -> 1 net on 30 points; larger
 * would make max-speed tests train fewer real steps, smaller more. A binary fraction, so
 * the clock sums it exactly: the timeline does not depend on how the loop splits a chunk
 * into train() calls (0.05 ms summed in pieces rounds differently from in one).
 */
export const STEP_COST_MS = 3 / 64;
/** A 60 Hz display: requestAnimationFrame callbacks run on multiples of this. */
export const VSYNC_MS = 1000 / 60;

export interface Posted {
  frame: Frame;
  /** Worker clock when it was posted. */
  at: number;
}

/**
 * One worker thread and the page, on vitest's fake timers (which run whole milliseconds,
 * and give a zero delay set inside a timer 1 ms). The worker thread is single-threaded:
 * while it trains (busyUntil in the future) nothing else can run on it, so timers and
 * messages that fall due meanwhile are delivered when it is free again, in order, like a
 * real worker's event queue. now() never goes backwards.
 */
export class Harness {
  readonly loop: TrainerLoop;
  readonly posted: Posted[] = [];
  readonly errors: string[] = [];
  /** Worker clock: the thread is busy training until then. */
  private busyUntil = 0;
  /** The page's current run id (frames of other runs are dropped, not acked, like workerClient). */
  private pageRunId = 0;
  /** The page's acknowledgement policy (the real one), its animation frames at 60 Hz. */
  private readonly acks = new FrameAcks(
    (callback) => {
      // The next refresh, or the end of a stall (a hidden tab, a long task): no animation frame before it.
      const vsync = Math.max(
        (Math.floor(this.now() / VSYNC_MS) + 1) * VSYNC_MS,
        this.displayStalledUntil,
      );
      setTimeout(callback, Math.ceil(vsync - Date.now()));
    },
    (seq) => this.send({ type: 'frameAck', seq }),
  );
  /** Acks the loop has handled: when, and the frame each acknowledged. */
  readonly acked: { at: number; seq: number }[] = [];
  /** No animation frame runs before this time. */
  displayStalledUntil = 0;
  /** Tasks waiting for the thread, in the order they fell due. */
  private readonly queue: (() => void)[] = [];
  private draining = false;
  private drainTimer = false;

  constructor(private readonly autoAck: boolean) {
    const host: LoopHost = {
      now: () => this.now(),
      schedule: (fn, delayMs) => {
        let cancelled = false;
        const id = setTimeout(() => this.onThread(() => !cancelled && fn()), delayMs);
        return () => {
          cancelled = true;
          clearTimeout(id);
        };
      },
      post: (message) => this.receive(message),
    };
    this.loop = new TrainerLoop(host);
    // Time spent training: the real steps run (results are untouched), the clock is charged.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- taken unbound on purpose: applied to each run below
    const train = TrainingRun.prototype.train;
    const charge = (ms: number) => this.charge(ms);
    vi.spyOn(TrainingRun.prototype, 'train').mockImplementation(function (
      this: TrainingRun,
      ...args
    ) {
      const done = train.apply(this, args);
      charge(done * STEP_COST_MS);
      return done;
    });
  }

  now(): number {
    return Math.max(Date.now(), this.busyUntil);
  }

  private charge(ms: number): void {
    this.busyUntil = this.now() + ms;
  }

  /**
   * Runs fn on the worker thread as soon as it is free, after any task that fell due
   * before it (one FIFO queue: re-arming a timer per deferred task would let the loop's
   * own timers, due a millisecond later, overtake and starve queued messages forever).
   */
  private onThread(fn: () => void): void {
    this.queue.push(fn);
    this.drain();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const wait = this.busyUntil - Date.now();
        if (wait > 0) {
          if (!this.drainTimer) {
            this.drainTimer = true;
            setTimeout(() => {
              this.drainTimer = false;
              this.drain();
            }, Math.ceil(wait));
          }
          return;
        }
        this.queue.shift()!();
      }
    } finally {
      this.draining = false;
    }
  }

  /** The page posts a message to the worker. */
  send(msg: ToWorker): void {
    if (msg.type === 'start' || msg.type === 'reset') this.pageRunId = msg.runId;
    this.onThread(() => {
      if (msg.type === 'frameAck') this.acked.push({ at: this.now(), seq: msg.seq });
      this.loop.handle(msg);
    });
  }

  start(
    runId: number,
    opts: Partial<{
      config: ModelConfig;
      learningRate: number;
      speed: number;
      playing: boolean;
      stopAt: number | null;
    }> = {},
  ): void {
    this.send({
      type: 'start',
      runId,
      config: CONFIG,
      learningRate: LR,
      options: DEFAULT_TRAINING_OPTIONS,
      speed: Infinity,
      playing: true,
      stopAt: null,
      ...opts,
    });
  }

  /** The page receives a message; it acks current-run frames as workerClient does (frameAcks.ts). */
  private receive(message: FromWorker): void {
    if (message.type === 'error') {
      this.errors.push(message.message);
      return;
    }
    const at = this.now();
    this.posted.push({ frame: message, at });
    if (!this.autoAck || message.runId !== this.pageRunId) return;
    this.acks.received(message.seq);
  }

  advance(ms: number): void {
    vi.advanceTimersByTime(ms);
  }

  get frames(): Frame[] {
    return this.posted.map((p) => p.frame);
  }

  get last(): Frame {
    const frame = this.posted.at(-1)?.frame;
    if (!frame) throw new Error('no frame yet');
    return frame;
  }

  /** Frames posted from index `from` on. */
  since(from: number): Frame[] {
    return this.frames.slice(from);
  }
}

/** Concatenates frames' losses, checking each frame starts where the previous one ended. */
export function contiguousLosses(frames: Frame[]): Float32Array {
  const out: number[] = [];
  let next = frames[0]?.lossesStart ?? 0;
  for (const f of frames) {
    expect(f.lossesStart, `frame at step ${f.step}`).toBe(next);
    expect(f.lossesStart + f.losses.length).toBe(f.step);
    out.push(...f.losses);
    next = f.step;
  }
  return Float32Array.from(out);
}

/** Losses of a TrainingRun trained directly, in segments of [steps, learningRate]. */
export function directLosses(
  segments: [number, number][],
  config: ModelConfig = CONFIG,
): Float32Array {
  const run = new TrainingRun(config);
  const total = segments.reduce((s, [n]) => s + n, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const [n, lr] of segments) offset += run.train(n, lr, out, offset);
  return out.subarray(0, offset);
}

/** Float32 bit patterns, for bitwise comparison (and readable diffs). */
export function bits(a: Float32Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
}
