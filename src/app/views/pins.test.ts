import { beforeEach, describe, expect, it, vi } from 'vitest';
import { testFrame } from '../testFrame.harness';
import { DEFAULT_CONFIG } from '../../core/config';
import type { Frame } from '../../core/protocol';
import { acceptFrame, clearLive } from '../liveStore';
import { clearPinned, pinLabels, pinRun, unpin } from './pins';
import { MAX_PINNED, useViewStore } from './viewStore';

const C = DEFAULT_CONFIG;

describe('pin labels', () => {
  it('name hidden size and activation, plus whatever else differs', () => {
    expect(pinLabels([{ config: C, step: 1 }])).toEqual(['H=10 relu']);
    expect(
      pinLabels([
        { config: { ...C, activation: 'none' }, step: 1 },
        { config: C, step: 2 },
      ]),
    ).toEqual(['H=10 none', 'H=10 relu']);
    expect(
      pinLabels([
        { config: C, step: 1 },
        { config: { ...C, learningRate: 0.05, seed: 3 }, step: 2 },
      ]),
    ).toEqual(['H=10 relu seed=0 lr=0.01', 'H=10 relu seed=3 lr=0.05']);
  });

  it('name the layers at depth, and the initialisation when it differs', () => {
    expect(
      pinLabels([
        { config: C, step: 1 },
        { config: { ...C, layers: [32, 16, 8], init: 'he' }, step: 2 },
        { config: { ...C, layers: [16, 16], init: 'glorot' }, step: 3 },
      ]),
    ).toEqual(['H=10 relu init=tutorial', 'H=32,16,8 relu init=he', 'H=16,16 relu init=glorot']);
    expect(
      pinLabels([
        { config: { ...C, layers: [8, 8, 8, 8] }, step: 1 },
        { config: { ...C, layers: [8, 8, 8, 8], init: 'he' }, step: 1 },
      ]),
    ).toEqual(['H=8,8,8,8 relu init=tutorial', 'H=8,8,8,8 relu init=he']);
  });

  it('tell identical settings apart by the step they were pinned at', () => {
    expect(
      pinLabels([
        { config: C, step: 100 },
        { config: C, step: 300 },
      ]),
    ).toEqual(['H=10 relu @100', 'H=10 relu @300']);
  });
});

function frame(step: number): Frame {
  return testFrame(1, step, {
    seq: 1,
    loss: 0.1,
    epochs: 0,
    losses: Float32Array.from([0.3, 0.2]),
    lossesStart: step - 2,
    curve: Float32Array.from([1, 2, 3]),
    params: new Float32Array(31),
    grads: new Float32Array(31),
    updates: new Float32Array(31),
    layers: [1],
    stepsPerSecond: 0,
    state: 'paused',
    schedule: { ...testFrame(1, step).schedule, rates: [] },
  });
}

describe('pinning', () => {
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    clearPinned();
    clearLive();
  });

  it('copies the loss curve and fit, keeps at most five, unpins and clears', () => {
    pinRun();
    expect(useViewStore.getState().pinned).toHaveLength(0); // nothing to pin before a frame
    const f = frame(2);
    acceptFrame(f);
    pinRun();
    const [pin] = useViewStore.getState().pinned;
    expect(Array.from(pin!.losses)).toEqual([Math.fround(0.3), Math.fround(0.2)]);
    f.curve[0] = 99; // a copy, not the live buffer
    expect(pin!.curve[0]).toBe(1);
    for (let i = 0; i < 10; i++) pinRun();
    const pinned = useViewStore.getState().pinned;
    expect(pinned).toHaveLength(MAX_PINNED);
    expect(new Set(pinned.map((p) => p.color)).size).toBe(MAX_PINNED);
    unpin(pinned[0]!.id);
    expect(useViewStore.getState().pinned).toHaveLength(MAX_PINNED - 1);
    clearPinned();
    expect(useViewStore.getState().pinned).toHaveLength(0);
  });
});
