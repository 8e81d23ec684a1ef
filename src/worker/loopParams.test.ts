/**
 * Which frames carry the whole model (core/framePolicy): a small model every frame, a large
 * one never while it trains and in every frame while it stands still; the picture, the
 * panel's strips included, in every frame. Virtual time, as in loop.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_PARAMS_LIMIT } from '../core/framePolicy';
import { panelStrips } from '../core/panelStrips';
import { layerViews, paramLayout } from '../core/paramLayout';
import { TrainingRun } from '../core/run';
import { CONFIG, Harness } from './loop.harness';

let harness: Harness | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});

afterEach(() => {
  expect(harness?.errors ?? []).toEqual([]);
  vi.useRealTimers();
  vi.restoreAllMocks();
  harness = undefined;
});

const LARGE = { ...CONFIG, layers: [80, 80], init: 'he' as const };

describe('frames of a large model', () => {
  it('the limit lets every one-layer model up to H = 1024 send its parameters, and not 80 x 80', () => {
    expect(paramLayout([1024]).length).toBeLessThanOrEqual(FRAME_PARAMS_LIMIT);
    expect(paramLayout(LARGE.layers).length).toBeGreaterThan(FRAME_PARAMS_LIMIT);
  });

  it('carry no parameters while training, but the panel’s strips, new in every frame; all of them once paused', () => {
    const h = (harness = new Harness(true));
    // A few hundred steps a second: each step of this model takes real milliseconds here.
    h.start(1, { config: LARGE, learningRate: 0.001, speed: 200 });
    h.advance(1500);
    const running = h.posted.filter((p) => p.frame.state === 'running');
    expect(running.length).toBeGreaterThan(20);
    for (const { frame } of running) {
      expect(frame.params).toBeNull();
      expect(frame.grads).toBeNull();
      // The picture and the widths always.
      expect(frame.layers).toEqual(LARGE.layers);
      expect(frame.picture.layers).toHaveLength(2);
      expect(frame.picture.units?.units.length).toBe(32);
      expect(frame.picture.strips.hidden.map((b) => b.width)).toEqual(LARGE.layers);
    }
    // The strips follow the training: the second layer's column norms move from frame to frame.
    const norms = running.map(({ frame }) => frame.picture.strips.hidden[1]!.strips[0]!.values);
    expect(norms.at(-1)).not.toEqual(norms[0]);
    h.send({ type: 'pause' });
    h.advance(50);
    const paused = h.last;
    expect(paused.state).toBe('paused');
    expect(paused.params).not.toBeNull();
    h.send({ type: 'step', count: 1 });
    h.advance(50);
    expect(h.last.step).toBe(paused.step + 1);
    // The step's frame holds exactly the run's state: the same run, built and trained here.
    const ref = new TrainingRun(LARGE);
    const lr = new Float32Array(h.last.step);
    ref.train(h.last.step, 0.001, lr, 0);
    const params = new Float32Array(ref.paramLength());
    ref.snapshotParams(params);
    expect(h.last.params).toEqual(params);
    // The strips are those of the frame's own parameters and gradients (the frame rounds the
    // engine's float64 gradients to float32, the strips sum them unrounded: 1e-6 relative).
    const layout = paramLayout(LARGE.layers);
    const want = panelStrips(
      layout,
      layerViews(layout, params),
      layerViews(layout, h.last.grads!),
      layerViews(layout, h.last.updates!),
    );
    const got = h.last.picture.strips;
    const pairs = [
      ...want.hidden.flatMap((b, l) => b.strips.map((x, k) => [x, got.hidden[l]!.strips[k]!])),
      [want.output, got.output],
    ];
    for (const [w, g] of pairs) {
      expect(g!.name).toBe(w!.name);
      expect(g!.values).toEqual(w!.values);
      w!.grads.forEach((v, j) =>
        expect(Math.abs(g!.grads[j]! - v)).toBeLessThanOrEqual(1e-6 * Math.abs(v)),
      );
      w!.updates.forEach((v, j) =>
        expect(Math.abs(g!.updates[j]! - v)).toBeLessThanOrEqual(1e-6 * Math.abs(v)),
      );
    }
    expect(got.outputBias).toEqual(want.outputBias);
    const curve = new Float32Array(ref.grid.length);
    ref.curve(curve);
    // The curve of a TypeScript-engine run is the picture's own forward pass over the grid: bit for bit the engine's.
    expect(h.last.curve).toEqual(curve);
  }, 30_000);

  it('a small model carries its parameters in every frame, running or not', () => {
    const h = (harness = new Harness(true));
    h.start(1, { config: { ...CONFIG, layers: [16, 16] } });
    h.advance(500);
    expect(h.frames.length).toBeGreaterThan(20);
    expect(h.frames.every((f) => f.params !== null && f.grads !== null)).toBe(true);
  });

  it('asks for the views the page shows: a paused run sends a frame with the layer rows at once', () => {
    const h = (harness = new Harness(true));
    h.start(1, { config: { ...CONFIG, layers: [8, 8] }, playing: false });
    h.advance(50);
    expect(h.last.picture.layers.every((l) => l.drawn === null)).toBe(true);
    const before = h.frames.length;
    h.send({ type: 'setViews', views: { units: false, kinks: true, layers: true } });
    h.advance(50);
    expect(h.frames.length).toBe(before + 1);
    expect(h.last.picture.layers.every((l) => l.drawn !== null)).toBe(true);
    expect(h.last.picture.units).toBeNull();
  });
});
