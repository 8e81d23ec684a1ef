/**
 * Fake workers for the comparison's tests: they record what the page sends and let a test
 * play the worker's part, with a clock and animation frames the test moves by hand.
 */
import type { FromWorker, ToWorker } from '../../core/protocol';
export { testFrame as fakeFrame } from '../testFrame.harness';
import type { RunWorkerHost, WorkerLike } from './RunWorker';

export class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;

  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker says `message`. */
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }

  /** The types of the messages sent, frame acks left out. */
  types(): string[] {
    return this.sent.filter((m) => m.type !== 'frameAck').map((m) => m.type);
  }

  /** The run id of the newest start or reset sent. */
  runId(): number {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const m = this.sent[i]!;
      if (m.type === 'start' || m.type === 'reset') return m.runId;
    }
    return 0;
  }
}

export class FakeHost implements RunWorkerHost {
  workers: FakeWorker[] = [];
  frames: (() => void)[] = [];
  time = 0;
  timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];

  createWorker(): FakeWorker {
    const worker = new FakeWorker();
    this.workers.push(worker);
    return worker;
  }

  requestFrame(callback: () => void): void {
    this.frames.push(callback);
  }

  now(): number {
    return this.time;
  }

  every(fn: () => void, ms: number): () => void {
    const timer = { fn, ms, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Moves the clock by `ms`, running the timers due (once per period passed). */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.time < end) {
      this.time += 1000;
      for (const timer of this.timers) if (!timer.cancelled) timer.fn();
    }
  }
}
