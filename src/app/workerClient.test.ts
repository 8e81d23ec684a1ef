import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testFrame } from './testFrame.harness';
import type { Frame } from '../core/protocol';
import { WAITING_FRAMES } from '../core/frameAcks';
import { liveStore } from './liveStore';
import { initialState, useAppStore } from './store';
import { setView } from './views/viewStore';
import {
  connectWorker,
  disconnectWorker,
  handleWorkerMessage,
  send,
  WATCHDOG_MS,
  workerConnected,
} from './workerClient';

function frame(runId: number, step: number, losses: number[]): Frame {
  return testFrame(runId, step, {
    epochs: 0,
    losses: Float32Array.from(losses),
    lossesStart: step - losses.length,
    params: new Float32Array(5),
    grads: new Float32Array(5),
    updates: new Float32Array(5),
    layers: [1],
    stepsPerSecond: 10,
    schedule: { ...testFrame(runId, step).schedule, rates: [] },
  });
}

describe('page side of the protocol', () => {
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    useAppStore.setState({ ...initialState, runId: 3 });
    liveStore.getState().history.clear();
    liveStore.setState({ frame: null });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('drops frames of stale runs and keeps those of the current one', () => {
    handleWorkerMessage(frame(2, 40, [0.9, 0.8]));
    expect(liveStore.getState().frame).toBeNull();
    expect(liveStore.getState().history.length).toBe(0);
    handleWorkerMessage(frame(3, 2, [0.3, 0.2]));
    expect(liveStore.getState().frame?.step).toBe(2);
    expect(liveStore.getState().history.length).toBe(2);
    handleWorkerMessage(frame(4, 90, [0.1]));
    expect(liveStore.getState().frame?.step).toBe(2);
  });

  it('records divergence and worker errors in the store', () => {
    handleWorkerMessage({ ...frame(3, 5, [1, 2, 3, 4, 5]), state: 'diverged', divergedAt: 5 });
    expect(useAppStore.getState()).toMatchObject({ runState: 'diverged', divergedAt: 5 });
    handleWorkerMessage({ type: 'error', runId: 3, message: 'boom' });
    expect(useAppStore.getState().workerError).toContain('boom');
    expect(useAppStore.getState().playing).toBe(false);
  });

  it('a frame that reached its stop step turns Play back on in the page (playing false)', () => {
    useAppStore.setState({ playing: true });
    handleWorkerMessage({ ...frame(3, 49, [0.4]), state: 'running' });
    expect(useAppStore.getState().playing).toBe(true);
    handleWorkerMessage({ ...frame(3, 50, [0.3]), state: 'paused', reachedStop: true });
    expect(useAppStore.getState()).toMatchObject({ playing: false, runState: 'paused' });
  });
});

/** A stand-in for the trainer worker: records what the page posts to it. */
class FakeWorker {
  readonly posted: unknown[] = [];
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  constructor() {
    made.push(this);
  }
  postMessage(msg: unknown) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
}
/** Every FakeWorker constructed since the test began. */
const made: FakeWorker[] = [];

describe('acknowledging frames', () => {
  let frames: (() => void)[] = [];
  const paint = () => {
    const run = frames;
    frames = [];
    run.forEach((f) => f());
  };

  beforeEach(() => {
    frames = [];
    made.length = 0;
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    useAppStore.setState({ ...initialState, runId: 3 });
    liveStore.getState().history.clear();
    connectWorker();
  });
  afterEach(() => {
    disconnectWorker();
    vi.unstubAllGlobals();
  });

  const acks = () => made.at(-1)!.posted.filter((m) => (m as { type: string }).type === 'frameAck');

  it("acknowledges a frame of the current run by its sequence number, and never a stale run's", () => {
    handleWorkerMessage({ ...frame(2, 40, [0.9]), seq: 7 });
    expect(acks()).toEqual([]);
    handleWorkerMessage({ ...frame(3, 2, [0.3, 0.2]), seq: 8 });
    expect(acks()).toEqual([{ type: 'frameAck', seq: 8 }]);
  });

  it('frames that come while WAITING_FRAMES wait for the display are acknowledged at the next animation frame, with the newest', () => {
    const onArrival = Array.from({ length: WAITING_FRAMES }, (_, k) => ({
      type: 'frameAck',
      seq: k + 1,
    }));
    for (let seq = 1; seq <= WAITING_FRAMES + 2; seq++)
      handleWorkerMessage({ ...frame(3, seq + 1, [0.1]), seq });
    expect(acks()).toEqual(onArrival);
    paint();
    expect(acks()).toEqual([...onArrival, { type: 'frameAck', seq: WAITING_FRAMES + 2 }]);
  });

  it('a new worker starts with nothing waiting', () => {
    handleWorkerMessage({ ...frame(3, 2, [0.3, 0.2]), seq: 1 });
    connectWorker();
    handleWorkerMessage({ ...frame(3, 1, [0.3]), seq: 1 });
    expect(acks()).toEqual([{ type: 'frameAck', seq: 1 }]);
  });
});

describe('connecting the worker', () => {
  beforeEach(() => {
    made.length = 0;
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('requestAnimationFrame', () => 1);
  });
  afterEach(() => {
    disconnectWorker();
    vi.unstubAllGlobals();
  });

  it('sends to the connected worker only: a message before connecting is dropped, not queued', () => {
    expect(workerConnected()).toBe(false);
    send({ type: 'pause' });
    connectWorker();
    expect(workerConnected()).toBe(true);
    send({ type: 'resume' });
    expect(made).toHaveLength(1);
    // A new worker first hears what the page shows (it computes only that of the picture).
    expect(made[0]!.posted).toEqual([
      { type: 'setViews', views: { units: true, kinks: true, layers: false } },
      { type: 'resume' },
    ]);
  });

  it('tells the worker when the views change, once per change', () => {
    connectWorker();
    setView({ showLayers: true });
    setView({ showLayers: true });
    setView({ showResiduals: true });
    expect(made[0]!.posted).toEqual([
      { type: 'setViews', views: { units: true, kinks: true, layers: false } },
      { type: 'setViews', views: { units: true, kinks: true, layers: true } },
    ]);
    setView({ showLayers: false });
  });

  it('a restart (after a crash) builds a fresh worker and ends the old one', () => {
    connectWorker();
    connectWorker();
    expect(made).toHaveLength(2);
    expect(made[0]!.terminated).toBe(true);
    expect(made[1]!.terminated).toBe(false);
  });

  it('disconnecting ends the worker', () => {
    connectWorker();
    disconnectWorker();
    expect(workerConnected()).toBe(false);
    expect(made[0]!.terminated).toBe(true);
  });
});

describe('the watchdog', () => {
  beforeEach(() => {
    made.length = 0;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    useAppStore.setState({ ...initialState, runId: 3, playing: true });
    connectWorker();
  });
  afterEach(() => {
    disconnectWorker();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('leaves a worker that has not spoken yet alone: it may still be loading on a slow link', () => {
    vi.advanceTimersByTime(3 * WATCHDOG_MS);
    expect(useAppStore.getState().workerError).toBeNull();
    expect(workerConnected()).toBe(true);
  });

  it('declares a worker that spoke, then went silent while playing, gone', () => {
    handleWorkerMessage(frame(3, 1, [0.5]));
    vi.advanceTimersByTime(WATCHDOG_MS - 1000);
    expect(useAppStore.getState().workerError).toBeNull();
    vi.advanceTimersByTime(2000);
    expect(useAppStore.getState().workerError).toMatch(/stopped responding/);
    expect(workerConnected()).toBe(false);
  });

  it('gives a run that takes seconds per step the time of a few of its steps', () => {
    handleWorkerMessage({ ...frame(3, 1, [0.5]), stepsPerSecond: 0.5 });
    // Four steps of 2 s: 8 s of silence are allowed, not WATCHDOG_MS.
    vi.advanceTimersByTime(7000);
    expect(useAppStore.getState().workerError).toBeNull();
    vi.advanceTimersByTime(2000);
    expect(useAppStore.getState().workerError).toMatch(/stopped responding/);
  });

  it('a worker that cannot be created is said, not thrown', () => {
    vi.stubGlobal('Worker', function NoWorker() {
      throw new Error('module workers are not allowed here');
    });
    expect(() => connectWorker()).not.toThrow();
    expect(useAppStore.getState().workerError).toMatch(/module workers are not allowed here/);
    expect(workerConnected()).toBe(false);
  });
});
