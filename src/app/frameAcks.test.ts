import { describe, expect, it } from 'vitest';
import { FrameAcks } from './frameAcks';

/** A fake display: animation-frame callbacks run when `paint` is called. */
function setup() {
  let callbacks: (() => void)[] = [];
  const log: string[] = [];
  const acks = new FrameAcks(
    (cb) => callbacks.push(cb),
    () => log.push('ack'),
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
  it('acknowledges a frame at once when none is waiting to be drawn', () => {
    const { acks, log, pending } = setup();
    acks.received();
    expect(log).toEqual(['ack']);
    expect(pending()).toBe(1);
  });

  it('a frame arriving while another waits is acknowledged at the animation frame, not before', () => {
    const { acks, log, paint } = setup();
    acks.received();
    acks.received();
    acks.received();
    expect(log).toEqual(['ack']);
    paint();
    expect(log).toEqual(['ack', 'paint', 'ack']);
    // After the paint nothing waits: the next frame is acknowledged as it arrives.
    acks.received();
    expect(log).toEqual(['ack', 'paint', 'ack', 'ack']);
  });

  it('a fast worker sends two frames per display frame: one drawn, one ready for the next', () => {
    const { acks, log, paint } = setup();
    // The worker sends a frame whenever it holds an ack, and could send five per display frame.
    let credit = 1;
    const workerSends = () => {
      if (credit === 0) return;
      credit--;
      acks.received();
    };
    const countAcks = () => log.filter((e) => e === 'ack').length;
    let acked = 0;
    for (let frame = 0; frame < 10; frame++) {
      for (let k = 0; k < 5; k++) {
        workerSends();
        credit += countAcks() - acked;
        acked = countAcks();
      }
      paint();
      credit += countAcks() - acked;
      acked = countAcks();
    }
    // Acknowledging every frame at once would let all 50 through; only at the animation
    // frame, 10 (a display frame with nothing new whenever the worker is late).
    expect(acked).toBeGreaterThanOrEqual(19);
    expect(acked).toBeLessThanOrEqual(21);
    expect(credit).toBeLessThanOrEqual(1);
  });

  it('after reset, an animation frame asked for before it owes nothing', () => {
    const { acks, log, paint } = setup();
    acks.received();
    acks.received();
    acks.reset();
    paint();
    expect(log).toEqual(['ack', 'paint']);
    acks.received();
    expect(log).toEqual(['ack', 'paint', 'ack']);
  });
});
