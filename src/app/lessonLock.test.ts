/** A lesson link's fixed settings through every path that changes settings, without React or a worker. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type RunConfig } from '../core/config';
import { modelFile } from '../core/modelFile';
import { PRESETS, type PresetId } from '../core/presets';
import type { ToWorker } from '../core/protocol';
import { HIDEABLE_CONTROLS, type HideableControl } from '../core/urlState';

const sent: ToWorker[] = [];
vi.mock('./workerClient', () => ({
  send: (msg: ToWorker) => sent.push(msg),
  connectWorker: () => {},
  disconnectWorker: () => {},
}));

const { choosePreset, rescueRun, updateConfig } = await import('./actions');
const { addPoint, setTestShare } = await import('./data/dataActions');
const { importModelFile } = await import('./modelActions');
const { initialState, useAppStore } = await import('./store');

/** Every control a lesson can fix. */
const ALL: HideableControl[] = [...HIDEABLE_CONTROLS];

/** Opens a lesson link: these settings, these controls hidden (as readUrlIntoStore does). */
function openLesson(
  config: Partial<RunConfig>,
  hide: HideableControl[],
  preset: PresetId | null = null,
): void {
  useAppStore.setState({
    ...initialState,
    config: { ...DEFAULT_CONFIG, ...config },
    preset,
    hiddenControls: hide,
  });
}

function lastStart() {
  const start = sent.filter((m) => m.type === 'start').at(-1);
  if (!start || start.type !== 'start') throw new Error('no start sent');
  return start;
}

/** A model file of `config` with zero weights, as the file input hands it over. */
function file(config: RunConfig): File {
  const params = new Float32Array(3 * config.layers[0]! + 1);
  return new File([JSON.stringify(modelFile(config, 12, params))], 'model.json', {
    type: 'application/json',
  });
}

describe('what a lesson fixes stays fixed', () => {
  beforeEach(() => {
    sent.length = 0;
    useAppStore.setState(initialState);
  });

  it('a lesson that hides the test share keeps it from a preset that sets one: that preset is then Custom', () => {
    openLesson({ testShare: 0.2 }, ['testShare']);
    choosePreset('overfit');
    const state = useAppStore.getState();
    expect(state.config.testShare).toBe(0.2);
    expect(state.config.optimizer).toBe('adam');
    expect(state.lessonKept).toEqual(['testShare']);
    expect(state.preset).toBeNull();
    expect(lastStart().stopAt).toBeNull();
    // A preset that leaves the share alone is not touched by the lock.
    choosePreset('square-relu');
    expect(useAppStore.getState().preset).toBe('square-relu');
    expect(useAppStore.getState().config.testShare).toBe(0.2);
  });

  it('a preset applies what the lesson leaves free, keeps the fixed activation, says so, and is then Custom', () => {
    openLesson({ activation: 'tanh' }, ['activation']);
    choosePreset('square-relu');
    const { config, preset, lessonKept } = useAppStore.getState();
    expect(config.activation).toBe('tanh');
    expect(config.points).toBe(PRESETS['square-relu'].settings.points);
    expect(config.layers).toEqual(PRESETS['square-relu'].settings.layers);
    expect(preset).toBeNull();
    expect(lessonKept).toEqual(['activation']);
    expect(lastStart().config.activation).toBe('tanh');
    expect(lastStart().stopAt).toBeNull();
  });

  it('a fixed experiment refuses another one whole', () => {
    openLesson({ ...PRESETS['fit-line'].settings }, ['preset'], 'fit-line');
    choosePreset('square-none');
    const { config, preset, lessonKept } = useAppStore.getState();
    expect(preset).toBe('fit-line');
    expect(config.activation).toBe(PRESETS['fit-line'].settings.activation);
    expect(lessonKept).toEqual(['preset']);
  });

  it('with everything hidden, a model file keeps every fixed setting and is refused when its weights need other ones', async () => {
    openLesson({ activation: 'relu', layers: [10] }, ALL);
    const other: RunConfig = {
      ...DEFAULT_CONFIG,
      activation: 'sigmoid',
      layers: [10],
      points: 50,
      seed: 9,
      speed: 500,
    };
    const refused = await importModelFile(file(other));
    expect(refused).toEqual({ ok: false, lessonFixed: ['activation'] });
    expect(useAppStore.getState().config.activation).toBe('relu');
    expect(sent).toEqual([]);

    const sameNetwork: RunConfig = { ...other, activation: 'relu' };
    const loaded = await importModelFile(file(sameNetwork));
    expect(loaded).toEqual({
      ok: true,
      step: 12,
      freshState: false,
      kept: ['points', 'seed', 'speed'],
    });
    const { config } = useAppStore.getState();
    expect(config).toEqual({ ...DEFAULT_CONFIG, activation: 'relu', layers: [10] });
    expect(lastStart().config).toMatchObject({
      points: DEFAULT_CONFIG.points,
      seed: DEFAULT_CONFIG.seed,
      activation: 'relu',
    });
    expect(sent.at(-1)).toMatchObject({ type: 'setParams', step: 12 });
  });

  it('a model file trained with Adam loads its options and says the optimizer starts afresh', async () => {
    openLesson({}, []);
    const loaded = await importModelFile(
      file({ ...DEFAULT_CONFIG, optimizer: 'adam', batchSize: 5 }),
    );
    expect(loaded).toMatchObject({ ok: true, freshState: true });
    expect(useAppStore.getState().config).toMatchObject({ optimizer: 'adam', batchSize: 5 });
    expect(lastStart().options).toMatchObject({ optimizer: 'adam', batchSize: 5 });
  });

  it('a model file with other hidden units is refused when the lesson fixes them', async () => {
    openLesson({ layers: [4] }, ['hidden']);
    expect(await importModelFile(file({ ...DEFAULT_CONFIG, layers: [6] }))).toEqual({
      ok: false,
      lessonFixed: ['hidden'],
    });
    expect(useAppStore.getState().config.layers).toEqual([4]);
  });

  it('a direct settings change, a rescue, the test share and edited points all keep what is fixed', () => {
    openLesson({ learningRate: 0.5 }, ['learningRate', 'testShare', 'ownData', 'noise']);
    updateConfig({ noise: 1, seed: 3 });
    expect(useAppStore.getState().config).toMatchObject({ noise: DEFAULT_CONFIG.noise, seed: 3 });
    expect(lastStart().config.noise).toBe(DEFAULT_CONFIG.noise);

    sent.length = 0;
    updateConfig({ learningRate: 0.05 });
    expect(useAppStore.getState().config.learningRate).toBe(0.5);
    expect(sent).toEqual([]);

    useAppStore.setState({ divergedAt: 40, rescueStep: 39 });
    rescueRun(true);
    expect(useAppStore.getState().config.learningRate).toBe(0.5);
    expect(sent.at(-1)).toEqual({ type: 'rescue', learningRate: 0.5, resume: true });

    sent.length = 0;
    setTestShare(0.3);
    addPoint(0.1, 0.2);
    expect(useAppStore.getState().config.testShare).toBe(0);
    expect(useAppStore.getState().customData).toBeNull();
    expect(sent).toEqual([]);
    expect(useAppStore.getState().lessonKept).toEqual(['ownData']);
  });

  it('a fixed network shape and initialisation hold against the fields and a deeper preset', async () => {
    const { keptText } = await import('./controls/FixedSettings');
    const { messagesFor } = await import('./i18n');
    openLesson({ layers: [16, 16], init: 'glorot' }, ['hidden', 'init']);
    updateConfig({ layers: [32, 16, 8] });
    expect(useAppStore.getState().config.layers).toEqual([16, 16]);
    expect(useAppStore.getState().lessonKept).toEqual(['hidden']);
    updateConfig({ init: 'he' });
    expect(useAppStore.getState().config.init).toBe('glorot');
    expect(useAppStore.getState().lessonKept).toEqual(['init']);
    expect(sent).toEqual([]);

    choosePreset('deep-relu');
    const state = useAppStore.getState();
    // What the lesson leaves free comes from the preset; the run is then Custom.
    expect(state.config).toMatchObject({
      layers: [16, 16],
      init: 'glorot',
      activation: 'relu',
      learningRate: PRESETS['deep-relu'].settings.learningRate,
    });
    expect(state.preset).toBeNull();
    expect(state.lessonKept).toEqual(['hidden', 'init']);
    expect(lastStart().config).toMatchObject({ layers: [16, 16], init: 'glorot' });
    expect(keptText(messagesFor('en'), state, ['hidden', 'init'])).toBe(
      'Hidden layers and units (16,16), Initialisation (Glorot (Xavier))',
    );
  });

  it('a change the lesson allows clears the note about a kept setting', () => {
    openLesson({}, ['activation']);
    updateConfig({ activation: 'sine', layers: [3] });
    expect(useAppStore.getState().lessonKept).toEqual(['activation']);
    expect(useAppStore.getState().config.layers).toEqual([3]);
    updateConfig({ layers: [5] });
    expect(useAppStore.getState().lessonKept).toBeNull();
  });

  it('without a lesson nothing is kept, and opening a link sets the lesson itself', () => {
    choosePreset('square-none');
    expect(useAppStore.getState()).toMatchObject({ preset: 'square-none', lessonKept: null });
    expect(useAppStore.getState().config.activation).toBe('none');
    openLesson({ activation: 'tanh' }, ['activation']);
    expect(useAppStore.getState().config.activation).toBe('tanh');
  });
});
