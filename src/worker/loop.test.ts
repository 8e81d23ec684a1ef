/**
 * TrainerLoop driven entirely by virtual time, through the harness in loop.harness.ts (a
 * fake host on vitest's fake timers and a model of the time training takes). Nothing here
 * waits on real time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { FRAMES_IN_FLIGHT, WAITING_FRAMES } from '../core/frameAcks';
import { TrainingRun } from '../core/run';
import { ACK_TIMEOUT_MS } from './loop';
import { bits, CONFIG, contiguousLosses, directLosses, Harness, LR } from './loop.harness';

let h: Harness;

beforeEach(() => {
  vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});

afterEach(() => {
  expect(h.errors).toEqual([]);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('TrainerLoop frame pacing', () => {
  it('sends frames no faster than a 60 Hz page acks them, at max speed', () => {
    h = new Harness(true);
    h.start(1, { speed: Infinity });
    h.advance(1000);
    const frames = h.frames;
    // At least one per display frame, and no more than the page lets wait between two.
    expect(frames.length).toBeGreaterThanOrEqual(55);
    expect(frames.length).toBeLessThanOrEqual(61 * (WAITING_FRAMES + FRAMES_IN_FLIGHT));
    // Never more than FRAMES_IN_FLIGHT frames sent and not yet acknowledged.
    for (const { at, frame } of h.posted) {
      const acked = Math.max(0, ...h.acked.filter((a) => a.at <= at).map((a) => a.seq));
      expect(frame.seq - acked).toBeLessThanOrEqual(FRAMES_IN_FLIGHT);
    }
    // It really did train flat out meanwhile (thousands of steps per frame).
    expect(h.last.step).toBeGreaterThan(5_000);
  });

  it('after the display stalls (a hidden tab, a long task), frames flow at the display rate again', () => {
    h = new Harness(true);
    h.displayStalledUntil = 3000;
    h.start(1, { speed: Infinity });
    h.advance(3000);
    // Meanwhile one frame per ack timeout, and many acks folded into one at the end of the stall.
    expect(h.posted.length).toBeLessThanOrEqual(3000 / ACK_TIMEOUT_MS + FRAMES_IN_FLIGHT + 1);
    const before = h.posted.length;
    h.advance(1000);
    expect(h.posted.length - before).toBeGreaterThanOrEqual(55);
  });

  it('without acks sends at most one frame per ACK_TIMEOUT_MS, and keeps sending', () => {
    h = new Harness(false);
    h.start(1, { speed: Infinity });
    h.advance(3000);
    // The first FRAMES_IN_FLIGHT go out at once; then one each time an ack fails to come.
    for (let i = FRAMES_IN_FLIGHT; i < h.posted.length; i++) {
      expect(h.posted[i]!.at - h.posted[i - 1]!.at).toBeGreaterThanOrEqual(ACK_TIMEOUT_MS);
    }
    expect(h.posted.length).toBeLessThanOrEqual(3000 / ACK_TIMEOUT_MS + FRAMES_IN_FLIGHT);
    expect(h.posted.length).toBeGreaterThanOrEqual(10);
    expect(h.last.step).toBeGreaterThan(h.frames[1]!.step);
  });
});

describe('TrainerLoop runs and controls', () => {
  it('after a second start, every frame carries the new run id and starts from step 0', () => {
    h = new Harness(true);
    h.start(1, { speed: Infinity });
    h.advance(200);
    expect(h.last.step).toBeGreaterThan(0);
    const mark = h.posted.length;
    h.start(2, { speed: Infinity });
    h.advance(500);
    // A tick that fell due while the worker trained runs before the start message, as in a
    // real worker's queue, and may post one last frame of run 1 (the page drops it); from
    // run 2's first frame on, every frame is run 2's.
    const first = h.since(mark).findIndex((f) => f.runId === 2);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThanOrEqual(1);
    const after = h.since(mark + first);
    expect(after.length).toBeGreaterThan(10);
    for (const f of after) expect(f.runId).toBe(2);
    // Nothing of run 1 leaks into run 2's losses.
    expect(after[0]!.lossesStart).toBe(0);
    const losses = contiguousLosses(after);
    expect(bits(losses)).toEqual(bits(directLosses([[losses.length, LR]])));
  });

  it('pause stops steps, resume continues, and step 1 while paused takes exactly one step', () => {
    h = new Harness(true);
    h.start(1, { speed: 100 });
    h.advance(500);
    h.send({ type: 'pause' });
    h.advance(100);
    const paused = h.last;
    expect(paused.state).toBe('paused');
    expect(paused.step).toBeGreaterThan(40);
    const mark = h.posted.length;
    h.advance(3000);
    for (const f of h.since(mark)) expect(f.step).toBe(paused.step);
    expect(h.last.state).toBe('paused');
    expect(h.last.step).toBe(paused.step);

    h.send({ type: 'resume' });
    h.advance(1000);
    expect(h.last.state).toBe('running');
    expect(h.last.step).toBeGreaterThanOrEqual(paused.step + 98);
    expect(h.last.step).toBeLessThanOrEqual(paused.step + 102);

    h.send({ type: 'pause' });
    h.advance(100);
    const before = h.last;
    expect(before.state).toBe('paused');
    const mark2 = h.posted.length;
    h.send({ type: 'step', count: 1 });
    h.advance(2000);
    const stepped = h.since(mark2);
    expect(stepped).toHaveLength(1);
    const f = stepped[0]!;
    expect(f.step).toBe(before.step + 1);
    expect(f.lossesStart).toBe(before.step);
    expect(f.losses).toHaveLength(1);
    expect(f.state).toBe('paused');
    // The one loss is the one a direct run records at that step.
    const direct = directLosses([[f.step, LR]]);
    expect(bits(f.losses)).toEqual(bits(direct.subarray(before.step)));
  });

  it('a learning-rate change applies live, to the same run', () => {
    h = new Harness(true);
    h.start(7, { learningRate: 0.01, playing: false });
    h.advance(50);
    expect(h.last).toMatchObject({ step: 0, state: 'paused' });
    h.send({ type: 'step', count: 5 });
    h.advance(50);
    h.send({ type: 'setLearningRate', learningRate: 0.05 });
    h.send({ type: 'step', count: 5 });
    h.advance(50);
    const frames = h.frames;
    for (const f of frames) expect(f.runId).toBe(7);
    expect(h.last.step).toBe(10);
    const losses = contiguousLosses(frames);
    expect(losses).toHaveLength(10);
    const expected = directLosses([
      [5, 0.01],
      [5, 0.05],
    ]);
    expect(bits(losses)).toEqual(bits(expected));
    const unchanged = directLosses([[10, 0.01]]);
    expect(bits(losses.subarray(0, 6))).toEqual(bits(unchanged.subarray(0, 6)));
    expect(bits(losses.subarray(6))).not.toEqual(bits(unchanged.subarray(6)));
    // A paused run reports the loss of its current parameters, as the direct run does.
    const run = new TrainingRun(CONFIG);
    const scratch = new Float32Array(5);
    run.train(5, 0.01, scratch, 0);
    run.train(5, 0.05, scratch, 0);
    expect(h.last.loss).toBe(run.currentLoss());
  });

  it('paces steps to the speed, and setSpeed changes it live without a restart', () => {
    h = new Harness(true);
    h.start(3, { speed: 10 });
    // The first step of a span is due at once, the next one 100 ms later.
    h.advance(50);
    expect(h.last.step).toBe(1);
    h.advance(950);
    expect(Math.abs(h.last.step - 10)).toBeLessThanOrEqual(1);
    h.advance(1000);
    const at2s = h.last.step;
    expect(Math.abs(at2s - 20)).toBeLessThanOrEqual(2);
    h.send({ type: 'setSpeed', speed: 50 });
    h.advance(2000);
    expect(Math.abs(h.last.step - (at2s + 100))).toBeLessThanOrEqual(2);
    for (const f of h.frames) expect(f.runId).toBe(3);
    const losses = contiguousLosses(h.frames);
    expect(losses).toHaveLength(h.last.step);
    expect(bits(losses)).toEqual(bits(directLosses([[losses.length, LR]])));
  });

  it.each([true, false])(
    'frames carry every loss exactly once, in order (page acks: %s)',
    (autoAck) => {
      h = new Harness(autoAck);
      h.start(1, { speed: Infinity });
      h.advance(600);
      h.send({ type: 'setSpeed', speed: 1000 });
      h.advance(600);
      h.send({ type: 'pause' });
      h.send({ type: 'step', count: 3 });
      h.send({ type: 'resume' });
      h.advance(600);
      h.send({ type: 'pause' });
      h.advance(600);
      const frames = h.frames;
      expect(frames.length).toBeGreaterThan(autoAck ? 60 : 6);
      expect(h.last.state).toBe('paused');
      expect(frames[0]!.lossesStart).toBe(0);
      const losses = contiguousLosses(frames);
      expect(losses).toHaveLength(h.last.step);
      expect(bits(losses)).toEqual(bits(directLosses([[losses.length, LR]])));
    },
  );

  it('a huge learning rate diverges: state diverged, divergedAt set, stepping stops', () => {
    const config = { ...CONFIG, hidden: 50 };
    h = new Harness(true);
    h.start(1, { config, learningRate: 50, speed: 100 });
    h.advance(1000);
    const f = h.last;
    expect(f.state).toBe('diverged');
    expect(f.divergedAt).not.toBeNull();
    expect(f.step).toBe(f.divergedAt);
    const direct = new TrainingRun(config);
    direct.train(1000, 50, new Float32Array(1000), 0);
    expect(f.divergedAt).toBe(direct.divergedAt);
    const mark = h.posted.length;
    h.advance(3000);
    for (const g of h.since(mark)) expect(g.step).toBe(f.step);
    // Resuming does not restart the stepping either.
    h.send({ type: 'resume' });
    h.advance(1000);
    expect(h.last.step).toBe(f.step);
    expect(h.last.state).toBe('diverged');
  });

  it('after divergence the frame carries the weights from before the loss began to climb', () => {
    // At 0.05 the default run's loss grows about 4x a step for ten steps, one or two per frame.
    h = new Harness(true);
    h.start(1, { learningRate: 0.05, speed: 100 });
    h.advance(1000);
    const f = h.last;
    expect(f.state).toBe('diverged');
    const climbing = h.frames.filter((g) => g.state === 'running' && g.step > 0 && g.step < f.step);
    expect(climbing.length).toBeGreaterThan(2);
    expect(f.checkpointStep).toBe(0);
    const initial = new TrainingRun(CONFIG);
    const params = new Float32Array(initial.paramLength());
    initial.snapshotParams(params);
    expect(f.params).toEqual(params);
    expect(f.loss).toBeCloseTo(initial.currentLoss(), 6);
    // A rescue at the tutorial rate trains on from there.
    h.send({ type: 'rescue', learningRate: 0.01, resume: true });
    h.advance(500);
    expect(h.last.state).toBe('running');
    expect(h.last.loss).toBeLessThan(f.loss);
  });

  it('reset rebuilds the same run under the new id', () => {
    h = new Harness(true);
    h.start(1, { speed: 200 });
    h.advance(500);
    const run1 = contiguousLosses(h.frames);
    expect(run1.length).toBeGreaterThan(50);
    const mark = h.posted.length;
    h.send({ type: 'reset', runId: 2 });
    h.advance(500);
    const after = h.since(mark);
    for (const f of after) expect(f.runId).toBe(2);
    expect(after[0]!.lossesStart).toBe(0);
    const run2 = contiguousLosses(after);
    const n = Math.min(run1.length, run2.length);
    expect(n).toBeGreaterThan(50);
    expect(bits(run2.subarray(0, n))).toEqual(bits(run1.subarray(0, n)));
    expect(bits(run2)).toEqual(bits(directLosses([[run2.length, LR]])));
  });
});

describe('TrainerLoop stop step (presets)', () => {
  it.each([Infinity, 200])(
    'at speed %s a run pauses exactly at stopAt, says so once, and Play goes on beyond it',
    (speed) => {
      h = new Harness(true);
      h.start(1, { speed, stopAt: 300 });
      h.advance(4000);
      expect(h.last.step).toBe(300);
      expect(h.last.state).toBe('paused');
      expect(h.frames.filter((f) => f.reachedStop)).toHaveLength(1);
      expect(h.frames.every((f) => f.step <= 300)).toBe(true);
      const losses = contiguousLosses(h.frames);
      expect(losses).toHaveLength(300);
      expect(bits(losses)).toEqual(bits(directLosses([[300, LR]])));
      h.send({ type: 'resume' });
      h.advance(1000);
      expect(h.last.step).toBeGreaterThan(300);
      expect(h.last.state).toBe('running');
      expect(h.frames.filter((f) => f.reachedStop)).toHaveLength(1);
    },
  );

  it('stopAt 0 pauses before the first step; reset stops there again', () => {
    h = new Harness(true);
    h.start(1, { stopAt: 0 });
    h.advance(500);
    expect(h.frames.map((f) => [f.step, f.state, f.reachedStop])).toEqual([[0, 'paused', true]]);
    h.send({ type: 'resume' });
    h.advance(200);
    expect(h.last.step).toBeGreaterThan(0);
    h.send({ type: 'reset', runId: 2 });
    h.advance(200);
    // Reset replays the run, and its stop with it.
    const after = h.frames.filter((f) => f.runId === 2);
    expect(after.at(-1)!.step).toBe(0);
    expect(after.at(-1)!.reachedStop).toBe(true);
  });

  it('setStopAt null lets a playing run go past its former stop', () => {
    h = new Harness(true);
    h.start(1, { speed: 100, stopAt: 50 });
    h.advance(200);
    expect(h.last.step).toBeLessThan(50);
    h.send({ type: 'setStopAt', stopAt: null });
    h.advance(1000);
    expect(h.last.step).toBeGreaterThan(60);
    expect(h.frames.some((f) => f.reachedStop)).toBe(false);
  });

  it('Step past the stop while paused uses the stop up without a stop frame', () => {
    h = new Harness(true);
    h.start(1, { playing: false, stopAt: 2 });
    h.advance(50);
    h.send({ type: 'step', count: 5 });
    h.advance(50);
    h.send({ type: 'resume' });
    h.advance(300);
    expect(h.last.step).toBeGreaterThan(5);
    expect(h.frames.some((f) => f.reachedStop)).toBe(false);
  });
});

describe('TrainerLoop data from the page', () => {
  const points = (n: number, test = 0) => ({
    x: Float32Array.from({ length: n }, (_, i) => -1 + (2 * i) / Math.max(1, n - 1)),
    y: Float32Array.from({ length: n }, (_, i) => Math.sin(i)),
    test: new Uint8Array(n).fill(test),
  });

  it('setData keeps the run (id, step, weights) and goes on training; frames carry the test loss', () => {
    h = new Harness(true);
    h.start(1);
    h.advance(200);
    const before = h.last.step;
    expect(before).toBeGreaterThan(0);
    expect(h.last.testLoss).toBeNull();
    const data = points(20);
    data.test[3] = 1;
    data.test[11] = 1;
    h.send({ type: 'setData', data });
    h.advance(200);
    const frames = h.frames.filter((f) => f.step > before);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((f) => f.runId === 1)).toBe(true);
    expect(h.last.step).toBeGreaterThan(before);
    expect(Number.isFinite(h.last.testLoss)).toBe(true);
    contiguousLosses(h.frames);
  });

  it('no points: no steps, no busy timer, the worker stays responsive; new points resume training', () => {
    h = new Harness(true);
    h.start(1);
    h.advance(50);
    h.send({ type: 'setData', data: points(0) });
    h.advance(100);
    const stalled = h.last.step;
    expect(Number.isNaN(h.last.loss)).toBe(true);
    h.advance(1000);
    expect(h.last.step).toBe(stalled);
    // Nothing left scheduled but the fake clock: a spinning loop would keep a 0 ms timer armed.
    expect(vi.getTimerCount()).toBe(0);
    h.send({ type: 'setData', data: points(10) });
    h.advance(100);
    expect(h.last.step).toBeGreaterThan(stalled);
    expect(h.errors).toEqual([]);
  });

  it('a training frame reports the loss its last step recorded; a paused one what the next step will record', () => {
    h = new Harness(true);
    h.start(1, { speed: Infinity });
    h.advance(100);
    const running = h.frames.filter((f) => f.state === 'running' && f.losses.length > 0);
    expect(running.length).toBeGreaterThan(3);
    for (const f of running) expect(f.loss).toBe(f.losses[f.losses.length - 1]);
    /** Pauses (if playing), then checks the loss shown against the loss the next Step records. */
    const shownIsNextStepsLoss = () => {
      h.send({ type: 'pause' });
      h.advance(50);
      const shown = h.last;
      expect(shown.state).toBe('paused');
      h.send({ type: 'step', count: 1 });
      h.advance(50);
      expect(h.last.step).toBe(shown.step + 1);
      // Recorded losses are float32.
      expect(h.last.losses[0]).toBe(Math.fround(shown.loss));
      // And Step changes the loss shown.
      expect(h.last.loss).not.toBe(shown.loss);
    };
    shownIsNextStepsLoss();
    // New parameters (a model file), new data, a rescue: no step's loss stands for them.
    const params = new Float32Array(h.last.params!.length).fill(0.05);
    h.send({ type: 'setParams', runId: 1, params, step: 7 });
    shownIsNextStepsLoss();
    h.send({ type: 'setData', data: points(12) });
    shownIsNextStepsLoss();
  });

  it("after a rescue the loss shown is the good parameters' loss, what the next step records", () => {
    const config = { ...CONFIG, hidden: 50 };
    h = new Harness(true);
    h.start(1, { config, learningRate: 50, speed: 100 });
    h.advance(1000);
    expect(h.last.state).toBe('diverged');
    // A diverged run reports the loss of the parameters it went back to: finite, not the blow-up.
    expect(Number.isFinite(h.last.loss)).toBe(true);
    h.send({ type: 'rescue', learningRate: LR, resume: false });
    h.advance(50);
    const shown = h.last;
    expect(shown.state).toBe('paused');
    h.send({ type: 'step', count: 1 });
    h.advance(50);
    expect(h.last.losses[0]).toBe(Math.fround(shown.loss));
  });

  it('frames carry the schedule: each rate and set of points at the step the run first used it', () => {
    h = new Harness(true);
    h.start(1, { learningRate: 0.01 });
    h.advance(100);
    h.send({ type: 'setLearningRate', learningRate: 0.02 });
    h.advance(100);
    const data = { ...points(12), id: 5 };
    h.send({ type: 'setData', data });
    h.advance(100);
    const { rates, data: sets } = h.last.schedule;
    expect(rates).toHaveLength(2);
    expect(sets).toEqual([
      { step: 0, id: 0 },
      { step: sets[1]!.step, id: 5 },
    ]);
    const rateStep = rates[1]!.step;
    expect(rates).toEqual([
      { step: 0, learningRate: 0.01 },
      { step: rateStep, learningRate: 0.02 },
    ]);
    expect(rateStep).toBeGreaterThan(0);
    expect(sets[1]!.step).toBeGreaterThan(rateStep);
    // Replayed from the schedule alone, the run gives the worker's losses bit for bit.
    const losses = contiguousLosses(h.frames);
    const run = new TrainingRun(CONFIG);
    const replay = new Float32Array(losses.length);
    run.train(rateStep, 0.01, replay, 0);
    run.train(sets[1]!.step - rateStep, 0.02, replay, rateStep);
    run.setData(data);
    run.train(losses.length - sets[1]!.step, 0.02, replay, sets[1]!.step);
    expect(bits(losses)).toEqual(bits(replay));
  });

  it('start with data trains on it from step 0, and reset keeps it', () => {
    h = new Harness(true);
    const data = points(6, 0);
    h.send({
      type: 'start',
      runId: 2,
      config: CONFIG,
      learningRate: LR,
      options: DEFAULT_TRAINING_OPTIONS,
      speed: Infinity,
      playing: false,
      stopAt: null,
      data,
    });
    h.advance(50);
    const run = new TrainingRun(CONFIG, undefined, undefined, data);
    expect(h.last.loss).toBeCloseTo(run.currentLoss(), 6);
    h.send({ type: 'step', count: 1 });
    h.send({ type: 'reset', runId: 3 });
    h.advance(50);
    expect(h.last.runId).toBe(3);
    expect(h.last.loss).toBeCloseTo(run.currentLoss(), 6);
  });
});
