/** Presets in the store and what the worker is told, without React or a worker. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../core/protocol';
import { PRESETS } from '../core/presets';

const sent: ToWorker[] = [];
vi.mock('./workerClient', () => ({
  send: (msg: ToWorker) => sent.push(msg),
  connectWorker: () => {},
  disconnectWorker: () => {},
}));

const { choosePreset, updateConfig, withPreset } = await import('./actions');
const { initialState, useAppStore } = await import('./store');

function lastStart() {
  const start = sent.filter((m) => m.type === 'start').at(-1);
  if (!start || start.type !== 'start') throw new Error('no start sent');
  return start;
}

describe('presets in the page', () => {
  beforeEach(() => {
    sent.length = 0;
    useAppStore.setState({
      ...initialState,
      config: { ...initialState.config, seed: 77, speed: 500 },
    });
  });

  it('choosing one applies its settings, keeps seed and speed, and starts a run that stops at its steps', () => {
    choosePreset('fit-line');
    const { config, preset, playing } = useAppStore.getState();
    expect(preset).toBe('fit-line');
    expect(playing).toBe(true);
    // The custom target and the test share are not the experiment's: they stay as they were.
    expect(config).toEqual({
      ...PRESETS['fit-line'].settings,
      seed: 77,
      speed: 500,
      expression: initialState.config.expression,
      testShare: 0,
    });
    const start = lastStart();
    expect(start.stopAt).toBe(50);
    const { learningRate, batchSize, reduction, optimizer, momentum, l1, l2, ...model } =
      PRESETS['fit-line'].settings;
    expect(start.options).toEqual({ batchSize, reduction, optimizer, momentum, l1, l2 });
    expect(start.config).toEqual({
      ...model,
      seed: 77,
      expression: initialState.config.expression,
    });
    expect(start.data).toBeUndefined(); // generated data, no split: the worker makes it itself
    expect(start.learningRate).toBe(learningRate);
    expect(start.config.points).toBe(10);
  });

  it('editing a setting the preset fixes makes it Custom and the new run has no stop', () => {
    choosePreset('square-none');
    updateConfig({ layers: [12] });
    expect(useAppStore.getState().preset).toBeNull();
    expect(lastStart().stopAt).toBeNull();
  });

  it('a live learning-rate edit makes it Custom and lifts the stop of the running run', () => {
    choosePreset('square-relu');
    const starts = sent.filter((m) => m.type === 'start').length;
    updateConfig({ learningRate: 0.02 });
    expect(useAppStore.getState().preset).toBeNull();
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(starts);
    expect(sent).toContainEqual({ type: 'setStopAt', stopAt: null });
  });

  it('a new seed or speed keeps the experiment (and its stop)', () => {
    choosePreset('square-relu');
    updateConfig({ seed: 5 });
    updateConfig({ speed: 50 });
    expect(useAppStore.getState().preset).toBe('square-relu');
    expect(lastStart().stopAt).toBe(300);
    expect(lastStart().config.seed).toBe(5);
  });

  it('a lesson that fixes the test share sets it; the others leave it as the learner has it', () => {
    useAppStore.setState({ config: { ...useAppStore.getState().config, testShare: 0.2 } });
    choosePreset('overfit');
    expect(useAppStore.getState().config.testShare).toBe(0.5);
    // Held-out points: the page sends the data with its split.
    expect(lastStart().data?.test.reduce((n, v) => n + v, 0)).toBe(30);
    choosePreset('square-relu');
    expect(useAppStore.getState().config.testShare).toBe(0.5);
    expect(useAppStore.getState().preset).toBe('square-relu');
  });

  it('a new test share leaves a lesson that fixes it (Custom, no stop), not one that does not', async () => {
    const { setTestShare } = await import('./data/dataActions');
    choosePreset('square-relu');
    setTestShare(0.3);
    expect(useAppStore.getState().preset).toBe('square-relu');
    choosePreset('overfit-l2');
    sent.length = 0;
    setTestShare(0.3);
    expect(useAppStore.getState().preset).toBeNull();
    expect(sent).toContainEqual({ type: 'setStopAt', stopAt: null });
    choosePreset('overfit');
    updateConfig({ testShare: 0.2 });
    expect(useAppStore.getState().preset).toBeNull();
  });

  it('withPreset is pure', () => {
    const state = { config: initialState.config };
    const next = withPreset(state, 'untrained-line');
    expect(state.config).toBe(initialState.config);
    expect(next.config.dataset).toBe('linear');
    expect(next.preset).toBe('untrained-line');
  });
});
