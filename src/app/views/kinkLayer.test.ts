import { describe, expect, it } from 'vitest';
import { KinkCapacity } from './kinkLayer';

describe('the markers kept for kinks at depth', () => {
  it('hold every kink, from 64 up by doubling', () => {
    const room = new KinkCapacity();
    expect(room.fit(0)).toBe(64);
    expect(room.fit(64)).toBe(64);
    expect(room.fit(65)).toBe(128);
    expect(room.fit(1985)).toBe(2048);
  });

  it('stay put while the count hovers around a power of two (a full redraw each time they change)', () => {
    // Kinks of a 4 x 256 relu network over 30 frames of training.
    const counts = [1009, 1011, 983, 1003, 1016, 1028, 1025, 1049, 1033, 1019, 1021, 1017];
    const room = new KinkCapacity();
    const capacities = counts.map((n) => room.fit(n));
    expect(capacities.slice(0, 5)).toEqual([1024, 1024, 1024, 1024, 1024]);
    expect(capacities.slice(5)).toEqual(Array(7).fill(2048));
  });

  it('are given back once the count falls to a quarter of them', () => {
    const room = new KinkCapacity();
    room.fit(2000);
    expect(room.fit(513)).toBe(2048);
    expect(room.fit(512)).toBe(512);
    expect(room.fit(3)).toBe(64);
  });
});
