import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { FRAMES_IN_FLIGHT } from '../../core/frameAcks';
import type { Frame, LabeledData } from '../../core/protocol';
import { FakeHost, fakeFrame } from './fakeWorkers';
import { RUN_WATCHDOG_MS, RunWorker, type RunFailure } from './RunWorker';

function setUp() {
  const host = new FakeHost();
  const frames: Frame[] = [];
  const failures: RunFailure[] = [];
  const run = new RunWorker(
    { frame: (f) => frames.push(f), failure: (f) => failures.push(f) },
    host,
  );
  return { host, run, frames, failures };
}

describe('one run of a comparison in its own worker', () => {
  it('starts in a worker of its own, asking for the kinks only where the activation is piecewise linear', () => {
    const { host, run } = setUp();
    run.start({ ...DEFAULT_CONFIG, activation: 'relu' }, undefined, 100, true);
    const worker = host.workers[0]!;
    expect(worker.sent[0]).toEqual({
      type: 'setViews',
      views: { units: false, kinks: true, layers: false },
    });
    expect(worker.sent[1]).toMatchObject({ type: 'start', runId: 1, speed: 100, playing: true });
    run.start({ ...DEFAULT_CONFIG, activation: 'tanh' }, undefined, 100, true);
    expect(host.workers).toHaveLength(1); // the same worker, a new run
    expect(worker.sent.at(-2)).toEqual({
      type: 'setViews',
      views: { units: false, kinks: false, layers: false },
    });
    expect(worker.runId()).toBe(2);
  });

  it('drops frames of a run it has left', () => {
    const { host, run, frames } = setUp();
    run.start(DEFAULT_CONFIG, undefined, 100, true);
    run.reset(true);
    const worker = host.workers[0]!;
    worker.reply(fakeFrame(1, 5));
    expect(frames).toEqual([]);
    worker.reply(fakeFrame(2, 1));
    expect(frames.map((f) => f.runId)).toEqual([2]);
    expect(run.lastFrame?.step).toBe(1);
  });

  it('acknowledges its frames on its own, paced to the display', () => {
    const { host, run } = setUp();
    run.start(DEFAULT_CONFIG, undefined, Infinity, true);
    const worker = host.workers[0]!;
    for (let step = 1; step <= FRAMES_IN_FLIGHT; step++) worker.reply(fakeFrame(1, step));
    // Two acknowledged as they came; the third waits for the animation frame.
    const acks = () => worker.sent.filter((m) => m.type === 'frameAck').length;
    expect(acks()).toBe(FRAMES_IN_FLIGHT - 1);
    expect(host.frames).toHaveLength(1);
    host.frames[0]!();
    expect(acks()).toBe(FRAMES_IN_FLIGHT);
    expect(worker.sent.at(-1)).toEqual({ type: 'frameAck', seq: FRAMES_IN_FLIGHT + 1 });
  });

  it('remembers the points it started with, for the numpy script', () => {
    const { host, run } = setUp();
    const data: LabeledData = {
      x: Float32Array.of(0, 1),
      y: Float32Array.of(1, 2),
      test: Uint8Array.of(0, 1),
    };
    run.start(DEFAULT_CONFIG, data, 100, true);
    const start = host.workers[0]!.sent.find((m) => m.type === 'start');
    const id = start?.type === 'start' ? start.data?.id : undefined;
    expect(id).toBeGreaterThan(0);
    const frame = fakeFrame(1, 3, {
      schedule: { ...fakeFrame(1, 3).schedule, data: [{ step: 0, id: id! }] },
    });
    host.workers[0]!.reply(frame);
    expect(run.recorder.runRecordOf(frame)?.data).toEqual([{ step: 0, data }]);
    expect(run.data).toBe(data);
  });

  it('reports a silent playing worker, but not a paused or diverged one', () => {
    const { host, run, failures } = setUp();
    run.start(DEFAULT_CONFIG, undefined, 100, true);
    const worker = host.workers[0]!;
    worker.reply(fakeFrame(1, 1));
    run.pause();
    host.advance(RUN_WATCHDOG_MS * 2);
    expect(failures).toEqual([]);
    run.resume();
    worker.reply(fakeFrame(1, 2, { state: 'diverged', divergedAt: 2 }));
    host.advance(RUN_WATCHDOG_MS * 2);
    expect(failures).toEqual([]);
    worker.reply(fakeFrame(1, 3));
    host.advance(RUN_WATCHDOG_MS + 2000);
    expect(failures).toEqual([{ kind: 'silent' }]);
    expect(worker.terminated).toBe(true);
    expect(run.connected).toBe(false);
  });

  it('reports the worker’s errors and crashes, and a new start builds a new worker', () => {
    const { host, run, failures } = setUp();
    run.start(DEFAULT_CONFIG, undefined, 100, true);
    host.workers[0]!.reply({ type: 'error', runId: 1, message: 'out of memory' });
    expect(failures).toEqual([{ kind: 'failed', message: 'out of memory' }]);
    host.workers[0]!.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(failures.at(-1)).toEqual({ kind: 'stopped', detail: 'boom' });
    expect(host.workers[0]!.terminated).toBe(true);
    run.start(DEFAULT_CONFIG, undefined, 100, true);
    expect(host.workers).toHaveLength(2);
  });

  it('steps paused, rescues at a lower rate, and ends its worker on close', () => {
    const { host, run } = setUp();
    run.start(DEFAULT_CONFIG, undefined, 100, true);
    run.step();
    run.rescue(0.001, true);
    run.setSpeed(Infinity);
    run.close();
    const worker = host.workers[0]!;
    expect(worker.types()).toEqual(['setViews', 'start', 'pause', 'step', 'rescue', 'setSpeed']);
    expect(run.config?.learningRate).toBe(0.001);
    expect(worker.terminated).toBe(true);
  });
});
