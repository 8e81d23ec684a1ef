/** Points added in edit mode: which are held out, without React or a worker. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../core/protocol';

const sent: ToWorker[] = [];
vi.mock('../workerClient', () => ({
  send: (msg: ToWorker) => sent.push(msg),
  connectWorker: () => {},
  disconnectWorker: () => {},
}));

const { addPoint, clearData, removePoint } = await import('./dataActions');
const { initialState, useAppStore } = await import('../store');

/** Clears the data, then adds `count` points; returns their held-out flags. */
function drawPoints(count: number): number[] {
  clearData();
  for (let i = 0; i < count; i++) addPoint(i / count - 0.5, 0);
  return Array.from(useAppStore.getState().customData!.test);
}

describe('adding points', () => {
  beforeEach(() => {
    sent.length = 0;
    useAppStore.setState({
      ...initialState,
      config: { ...initialState.config, seed: 7, testShare: 0.4 },
    });
  });

  it('holds out the same points for the same seed and share, without Math.random', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    try {
      const first = drawPoints(40);
      expect(drawPoints(40)).toEqual(first);
      expect(first[0]).toBe(0); // the first point always trains
      const held = first.reduce((s, v) => s + v, 0);
      expect(held).toBeGreaterThan(5);
      expect(held).toBeLessThan(30);
      // The worker trains on exactly what the page holds.
      const last = sent.at(-1);
      expect(last?.type === 'setData' && Array.from(last.data.test)).toEqual(first);
      useAppStore.setState({ config: { ...useAppStore.getState().config, seed: 8 } });
      expect(drawPoints(40)).not.toEqual(first);
    } finally {
      random.mockRestore();
    }
  });

  it('gives a re-added point the draw of its index', () => {
    const first = drawPoints(10);
    removePoint(9);
    addPoint(0.3, 0.1);
    expect(Array.from(useAppStore.getState().customData!.test)).toEqual(first);
  });
});
