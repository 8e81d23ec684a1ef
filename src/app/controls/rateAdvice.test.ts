/** The advice, the divergence explanation and the rescue count the points trained on. Without React or a worker. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabeledData, ToWorker } from '../../core/protocol';
import { learningRateRisky } from '../../core/stability';

const sent: ToWorker[] = [];
vi.mock('../workerClient', () => ({
  send: (msg: ToWorker) => sent.push(msg),
  connectWorker: () => {},
  disconnectWorker: () => {},
}));

const { rescueRun } = await import('../actions');
const { initialState, useAppStore } = await import('../store');
const { rateAdviceFor } = await import('./rateAdvice');

/** n imported points on [-1, 1], none held out. */
function imported(n: number): LabeledData {
  const x = Float32Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  return { x, y: x.map((v) => v * v), test: new Uint8Array(n) };
}

describe('the number of points the advice counts', () => {
  beforeEach(() => {
    sent.length = 0;
    useAppStore.setState({ ...initialState });
  });

  it('5,000 imported points: the advice counts them, not the generated 30, and warns', () => {
    const state = { config: { ...initialState.config, points: 30 }, customData: imported(5000) };
    const advice = rateAdviceFor(state);
    expect(advice.points).toBe(5000);
    expect(advice.risky).toBe(true);
    expect(advice.rescue).toBeLessThanOrEqual(advice.suggestion);
  });

  it('held-out points are not trained on: a test share lowers the count', () => {
    const config = { ...initialState.config, points: 30, testShare: 0.5 };
    expect(rateAdviceFor({ config, customData: null }).points).toBe(15);
    const own = imported(10);
    own.test.set([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(rateAdviceFor({ config, customData: own }).points).toBe(7);
  });

  it('the rescue after divergence on 5,000 imported points sends a rate the advice calls safe there', () => {
    useAppStore.setState({
      config: { ...initialState.config, points: 30, layers: [1024], learningRate: 0.01 },
      customData: imported(5000),
      divergedAt: 2,
      rescueStep: 0,
      runState: 'diverged',
    });
    rescueRun(true);
    const rescue = sent.find((m) => m.type === 'rescue');
    if (!rescue || rescue.type !== 'rescue') throw new Error('no rescue sent');
    expect(rescue.learningRate).not.toBeNull();
    expect(
      learningRateRisky(rescue.learningRate!, 5000, {
        layers: [1024],
        activation: 'relu',
        init: 'tutorial',
      }),
    ).toBe(false);
    expect(useAppStore.getState().config.learningRate).toBe(rescue.learningRate);
  });
});
