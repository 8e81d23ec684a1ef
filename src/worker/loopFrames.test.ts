import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import { DEFAULT_CONFIG } from '../core/config';
import type { Frame, FromWorker } from '../core/protocol';
import { TrainingRun } from '../core/run';
import { TrainerLoop, type LoopHost } from './loop';

const { learningRate, speed, ...model } = DEFAULT_CONFIG;

describe('frames carry the parameters and the last gradients', () => {
  it('sends [w1, b1, w2, b2] and the gradients of the step just taken, transferred', () => {
    const posted: { msg: FromWorker; transfer: Transferable[] }[] = [];
    const queue: (() => void)[] = [];
    const host: LoopHost = {
      now: () => 0,
      schedule: (fn) => {
        queue.push(fn);
        return () => undefined;
      },
      post: (msg, transfer) => posted.push({ msg, transfer }),
    };
    const loop = new TrainerLoop(host);
    const run = () => {
      while (queue.length > 0) queue.shift()!();
    };
    loop.handle({
      type: 'start',
      runId: 1,
      config: model,
      learningRate,
      options: DEFAULT_TRAINING_OPTIONS,
      speed,
      playing: false,
      stopAt: null,
    });
    run();
    loop.handle({ type: 'frameAck', seq: 1 });
    loop.handle({ type: 'step', count: 1 });
    run();
    const frames = posted.map((p) => p.msg).filter((m): m is Frame => m.type === 'frame');
    const [first, second] = frames;
    expect(first!.step).toBe(0);
    expect(Array.from(first!.grads!).every((g) => g === 0)).toBe(true);
    // What trains: the kernel's relaxed build here (Vitest runs Node with relaxed SIMD on).
    expect(first!.engine).toBe('wasm-relaxed');
    // The same run built here, one step on: the frame must hold exactly its state.
    const ref = new TrainingRun(model);
    ref.train(1, learningRate, new Float32Array(1), 0);
    const params = new Float32Array(ref.paramLength());
    const grads = new Float32Array(ref.paramLength());
    ref.snapshotParams(params);
    ref.lastGradients(grads);
    expect(second!.step).toBe(1);
    expect(second!.params).toEqual(params);
    expect(second!.grads).toEqual(grads);
    expect(params.length).toBe(3 * 10 + 1);
    const transfer = posted.find((p) => p.msg === second)!.transfer;
    expect(transfer).toContain(second!.params!.buffer);
    expect(transfer).toContain(second!.grads!.buffer);
  });
});
