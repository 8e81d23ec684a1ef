/**
 * Fake workers for the comparison's tests: they record what the page sends and let a test
 * play the worker's part, with a clock and animation frames the test moves by hand.
 */
import type { Frame, FromWorker, ToWorker } from '../../core/protocol';
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

/** A frame of run `runId` at `step`, with `losses` recorded since the last one. */
export function fakeFrame(runId: number, step: number, patch: Partial<Frame> = {}): Frame {
  return {
    type: 'frame',
    runId,
    seq: step + 1,
    step,
    loss: 0.5,
    testLoss: null,
    testLosses: new Float32Array(0),
    testLossSteps: new Float64Array(0),
    trainLoss: null,
    penalty: null,
    epochs: step,
    batchSize: 30,
    stepsPerEpoch: 1,
    stepsIntoEpoch: 0,
    losses: Float32Array.of(0.5),
    lossesStart: Math.max(0, step - 1),
    curve: new Float32Array(4),
    params: null,
    grads: null,
    updates: null,
    batch: null,
    layers: [10],
    picture: {
      layers: [],
      outputGradRms: { w: 0, b: 0 },
      units: null,
      outputBias: 0,
      kinks: null,
      strips: {
        hidden: [],
        output: {
          name: 'w2',
          kind: 'w-out',
          values: new Float32Array(1),
          grads: new Float32Array(1),
          updates: new Float32Array(1),
        },
        outputBias: { name: 'b2', value: 0, grad: 0, update: 0 },
      },
    },
    stepsPerSecond: 100,
    engine: 'wasm-relaxed',
    threads: 1,
    state: 'running',
    divergedAt: null,
    reachedStop: false,
    checkpointStep: 0,
    schedule: {
      rates: [{ step: 0, learningRate: 0.01 }],
      options: [],
      data: [{ step: 0, id: 0 }],
      loadedAt: null,
      droppedFrom: null,
      dropped: 0,
    },
    ...patch,
  };
}
