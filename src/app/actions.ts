/** Everything the controls can do, as plain functions over the store and the worker. */
import { modelConfigOf, RESTART_KEYS, sameSetting, type RunConfig } from '../core/config';
import { presetKeys, PRESETS, type PresetId } from '../core/presets';
import { MAX_SEED } from '../core/rng';
import { sameOptions, trainingOptionsOf } from '../core/trainingOptions';
import { rateAdviceFor } from './controls/rateAdvice';
import { clearLive, rewindLive } from './liveStore';
import { generatedFor } from './views/runData';
import { useAppStore, type AppState } from './store';
import { connectWorker, disconnectWorker, send } from './workerClient';

/** Settings that generate the data: changing one brings back generated data. */
const DATA_KEYS = [
  'dataset',
  'expression',
  'points',
  'noise',
  'seed',
] as const satisfies readonly (keyof RunConfig)[];

export function startRun(): void {
  const { runId, config, playing, preset, customData } = useAppStore.getState();
  const next = runId + 1;
  useAppStore.setState({ runId: next, runState: 'starting', divergedAt: null });
  clearLive();
  const { learningRate, speed, testShare } = config;
  const stopAt = preset ? PRESETS[preset].steps : null;
  // The worker generates the same data from the config; the page sends points only when
  // they are the learner's own or some are held out.
  const data = customData ?? (testShare > 0 ? generatedFor(config) : undefined);
  send({
    type: 'start',
    runId: next,
    config: modelConfigOf(config),
    learningRate,
    options: trainingOptionsOf(config),
    speed,
    playing,
    stopAt,
    ...(data ? { data } : {}),
  });
}

/** Boots the worker and the first run (on page load, and to recover from a crash). */
export function startPlayground(): void {
  useAppStore.setState({ workerError: null, playing: true });
  connectWorker();
  startRun();
}

export function stopPlayground(): void {
  disconnectWorker();
}

/** Applies settings: data or model changes start a new run; rate and speed change live. */
export function updateConfig(patch: Partial<RunConfig>): void {
  const { config: before, preset } = useAppStore.getState();
  const wanted = { ...before, ...patch };
  // Editing a setting the experiment fixes leaves it: the picker shows Custom, no stop step.
  const leavesPreset =
    preset !== null && presetKeys(preset).some((key) => !sameSetting(wanted[key], before[key]));
  useAppStore.setState(leavesPreset ? { config: wanted, preset: null } : { config: wanted });
  // The store keeps what a lesson fixes (lessonLock): go on with the settings it took.
  const config = useAppStore.getState().config;
  const leftPreset = preset !== null && useAppStore.getState().preset === null;
  // New data settings: the learner's own points give way to the generated data.
  if (DATA_KEYS.some((key) => config[key] !== before[key]))
    useAppStore.setState({ customData: null, dataNote: null });
  if (RESTART_KEYS.some((key) => !sameSetting(config[key], before[key]))) {
    startRun();
    return;
  }
  if (leftPreset) send({ type: 'setStopAt', stopAt: null });
  if (config.learningRate !== before.learningRate)
    send({ type: 'setLearningRate', learningRate: config.learningRate });
  if (config.speed !== before.speed) send({ type: 'setSpeed', speed: config.speed });
  if (!sameOptions(trainingOptionsOf(config), trainingOptionsOf(before)))
    send({ type: 'setTrainingOptions', options: trainingOptionsOf(config) });
}

export function togglePlaying(): void {
  const playing = !useAppStore.getState().playing;
  useAppStore.setState({ playing });
  send({ type: playing ? 'resume' : 'pause' });
}

/**
 * Store state with a preset's settings applied (seed and speed stay as they are, and the test
 * share unless the preset sets one). Pure.
 */
export function withPreset(
  state: Pick<AppState, 'config'>,
  id: PresetId,
): Pick<AppState, 'config' | 'preset'> {
  return { config: { ...state.config, ...PRESETS[id].settings }, preset: id };
}

/** Loads a tutorial experiment and runs it from step 0 to its stop; null just leaves it. */
export function choosePreset(id: PresetId | null): void {
  if (id === null) {
    if (useAppStore.getState().preset === null) return;
    useAppStore.setState({ preset: null });
    send({ type: 'setStopAt', stopAt: null });
    return;
  }
  useAppStore.setState({
    ...withPreset(useAppStore.getState(), id),
    playing: true,
    customData: null,
    dataNote: null,
  });
  startRun();
}

/** One step; pauses first, so the learner sees exactly one update. */
export function stepOnce(): void {
  if (useAppStore.getState().playing) {
    useAppStore.setState({ playing: false });
    send({ type: 'pause' });
  }
  send({ type: 'step', count: 1 });
}

/** The same run again from its seed: same data, same initial weights, step 0. */
export function resetRun(): void {
  const next = useAppStore.getState().runId + 1;
  useAppStore.setState({ runId: next, runState: 'starting', divergedAt: null });
  clearLive();
  send({ type: 'reset', runId: next });
}

/** A fresh seed from the page's own randomness (the core stays seeded). */
export function randomizeSeed(): void {
  updateConfig({ seed: Math.floor(Math.random() * (MAX_SEED + 1)) });
}

export function setLogScale(logScale: boolean): void {
  useAppStore.setState({ logScale });
}

/**
 * After divergence: back to the weights kept from before the loss began to climb, and their
 * step (the loss history is cut there too), either at a rate the advice calls safe
 * (rateAdviceFor's rescue) and training on, or paused.
 */
export function rescueRun(lowerRate: boolean): void {
  const state = useAppStore.getState();
  const { config, rescueStep } = state;
  if (rescueStep === null) return;
  rewindLive(rescueStep);
  const learningRate = lowerRate ? rateAdviceFor(state).rescue : null;
  useAppStore.setState({
    config: learningRate === null ? config : { ...config, learningRate },
    playing: lowerRate,
    runState: lowerRate ? 'running' : 'paused',
    divergedAt: null,
    rescueStep: null,
  });
  // The rate the store took (a lesson that fixes the rate keeps it).
  send({
    type: 'rescue',
    learningRate: learningRate === null ? null : useAppStore.getState().config.learningRate,
    resume: lowerRate,
  });
}
