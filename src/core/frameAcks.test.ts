import { describe, expect, it } from 'vitest';
import { FrameAcks, FRAMES_IN_FLIGHT, WAITING_FRAMES } from './frameAcks';

/** A fake display: animation-frame callbacks run when `paint` is called. */
function setup(limit = WAITING_FRAMES) {
  let callbacks: (() => void)[] = [];
  const log: string[] = [];
  const acks = new FrameAcks(
    (cb) => callbacks.push(cb),
    (seq) => log.push(`ack ${seq}`),
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
  it('acknowledges up to WAITING_FRAMES frames as they arrive, naming each, and asks for one animation frame', () => {
    const { acks, log, pending } = setup();
    for (let k = 1; k <= WAITING_FRAMES; k++) acks.received(k);
    expect(log).toEqual(Array.from({ length: WAITING_FRAMES }, (_, k) => `ack ${k + 1}`));
    expect(pending()).toBe(1);
  });

  it('frames beyond them are acknowledged together at the animation frame, by the newest', () => {
    const { acks, log, paint } = setup(2);
    for (let k = 1; k <= 5; k++) acks.received(k);
    expect(log).toEqual(['ack 1', 'ack 2']);
    paint();
    // One ack for frames 3, 4 and 5: acks are cumulative, so the worker counts none of them in flight.
    expect(log).toEqual(['ack 1', 'ack 2', 'paint', 'ack 5']);
    // After the paint nothing waits: the next frames are acknowledged as they arrive.
    acks.received(6);
    acks.received(7);
    acks.received(8);
    expect(log).toEqual(['ack 1', 'ack 2', 'paint', 'ack 5', 'ack 6', 'ack 7']);
  });

  it('with a worker that sends whenever fewer than FRAMES_IN_FLIGHT frames are unacknowledged, frames never outrun the display', () => {
    for (const limit of [1, 2]) {
      const { acks, log, paint } = setup(limit);
      let sent = 0;
      let acked = 0;
      const settle = () => {
        const last = log.filter((e) => e.startsWith('ack')).at(-1);
        if (last) acked = Math.max(acked, Number(last.slice(4)));
      };
      // The worker could send ten frames per display frame.
      for (let frame = 0; frame < 10; frame++) {
        for (let k = 0; k < 10; k++) {
          if (sent - acked >= FRAMES_IN_FLIGHT) break;
          acks.received(++sent);
          settle();
        }
        paint();
        settle();
      }
      // Acknowledging every frame at once would let all 100 through.
      expect(sent).toBeGreaterThanOrEqual(10 * (limit + 1));
      expect(sent).toBeLessThanOrEqual(10 * (limit + FRAMES_IN_FLIGHT));
    }
  });

  it('after reset, an animation frame asked for before it owes nothing', () => {
    const { acks, log, paint } = setup(1);
    acks.received(1);
    acks.received(2);
    acks.reset();
    paint();
    expect(log).toEqual(['ack 1', 'paint']);
    acks.received(1);
    expect(log).toEqual(['ack 1', 'paint', 'ack 1']);
  });
});
