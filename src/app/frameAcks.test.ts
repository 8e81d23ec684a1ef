import { describe, expect, it } from 'vitest';
import { FrameAcks, WAITING_FRAMES } from './frameAcks';

/** A fake display: animation-frame callbacks run when `paint` is called. */
function setup(limit = WAITING_FRAMES) {
  let callbacks: (() => void)[] = [];
  const log: string[] = [];
  const acks = new FrameAcks(
    (cb) => callbacks.push(cb),
    () => log.push('ack'),
    limit,
  );
  const paint = () => {
    const run = callbacks;
    callbacks = [];
    log.push('paint');
    for (const cb of run) cb();
  };
  return { acks, log, paint, pending: () => callbacks.length };
}

describe('frame acknowledgements', () => {
  it('acknowledges up to WAITING_FRAMES frames as they arrive, and asks for one animation frame', () => {
    const { acks, log, pending } = setup();
    for (let k = 0; k < WAITING_FRAMES; k++) acks.received();
    expect(log).toEqual(Array(WAITING_FRAMES).fill('ack'));
    expect(pending()).toBe(1);
  });

  it('a frame beyond them is acknowledged at the animation frame, once however many came', () => {
    const { acks, log, paint } = setup(2);
    for (let k = 0; k < 5; k++) acks.received();
    expect(log).toEqual(['ack', 'ack']);
    paint();
    expect(log).toEqual(['ack', 'ack', 'paint', 'ack']);
    // After the paint nothing waits: the next frames are acknowledged as they arrive.
    acks.received();
    acks.received();
    acks.received();
    expect(log).toEqual(['ack', 'ack', 'paint', 'ack', 'ack', 'ack']);
  });

  it('a worker that may send whenever it holds an ack gets WAITING_FRAMES + 1 frames through per display frame', () => {
    for (const limit of [1, 2]) {
      const { acks, log, paint } = setup(limit);
      // One frame in flight at a time (the worker's window is tested in loop.test.ts); it could send five per display frame.
      let credit = 1;
      let acked = 0;
      const settle = () => {
        const n = log.filter((e) => e === 'ack').length;
        credit += n - acked;
        acked = n;
      };
      for (let frame = 0; frame < 10; frame++) {
        for (let k = 0; k < 5; k++) {
          if (credit === 0) break;
          credit--;
          acks.received();
          settle();
        }
        paint();
        settle();
      }
      // Acknowledging every frame at once would let all 50 through; only at the animation frame, 10.
      expect(acked).toBeGreaterThanOrEqual(10 * (limit + 1) - 1);
      expect(acked).toBeLessThanOrEqual(10 * (limit + 1) + 1);
    }
  });

  it('after reset, an animation frame asked for before it owes nothing', () => {
    const { acks, log, paint } = setup(1);
    acks.received();
    acks.received();
    acks.reset();
    paint();
    expect(log).toEqual(['ack', 'paint']);
    acks.received();
    expect(log).toEqual(['ack', 'paint', 'ack']);
  });
});
