/**
 * What a lesson link fixes stays fixed, whatever asks to change it: a preset, a model file,
 * a rescue, a shortcut, a future path. The store applies this to every update (store.ts),
 * so no path has to remember; the learner is told which settings the lesson kept.
 */
import { sameSetting, type RunConfig } from '../core/config';
import { presetKeys, PRESETS, type PresetId } from '../core/presets';
import { HIDEABLE_CONTROLS, type HideableControl } from '../core/urlState';
import type { AppState } from './store';

/** The settings each hidden control fixes (the preset and the own-data tools fix state of their own). */
export const FIXED_KEYS: Record<HideableControl, readonly (keyof RunConfig)[]> = {
  preset: [],
  dataset: ['dataset', 'expression'],
  points: ['points'],
  noise: ['noise'],
  seed: ['seed'],
  ownData: [],
  testShare: ['testShare'],
  hidden: ['layers'],
  activation: ['activation'],
  init: ['init'],
  learningRate: ['learningRate'],
  speed: ['speed'],
  optimizer: ['optimizer'],
  momentum: ['momentum'],
  batchSize: ['batchSize'],
  reduction: ['reduction'],
  l1: ['l1'],
  l2: ['l2'],
};

/** The hidden controls whose settings `config` would change: what a lesson would keep from it. */
export function lessonConflicts(
  hidden: readonly HideableControl[],
  current: RunConfig,
  config: RunConfig,
): HideableControl[] {
  return HIDEABLE_CONTROLS.filter(
    (c) =>
      hidden.includes(c) && FIXED_KEYS[c].some((key) => !sameSetting(config[key], current[key])),
  );
}

/** Whether every setting the experiment fixes has its value in `config`. */
function presetHolds(preset: PresetId, config: RunConfig): boolean {
  const settings = PRESETS[preset].settings;
  return presetKeys(preset).every((key) => sameSetting(config[key], settings[key]));
}

function sameConfig(a: RunConfig, b: RunConfig): boolean {
  return (Object.keys(a) as (keyof RunConfig)[]).every((key) => sameSetting(a[key], b[key]));
}

/**
 * The state `next` with what the lesson fixes put back as it is in `current`. Pure. An update
 * that sets the hidden controls themselves (opening a link) is the lesson being set: it passes.
 */
export function keepLesson(current: AppState, next: AppState): AppState {
  const hidden = current.hiddenControls;
  if (hidden.length === 0 || next.hiddenControls !== hidden) return next;
  const kept = new Set<HideableControl>();
  let { config, preset, customData } = next;
  // A fixed experiment: choosing another one is refused whole (its settings come with it).
  if (hidden.includes('preset') && preset !== null && preset !== current.preset) {
    kept.add('preset');
    config = current.config;
    preset = current.preset;
  }
  for (const control of lessonConflicts(hidden, current.config, config)) {
    kept.add(control);
    const restored: Partial<RunConfig> = {};
    for (const key of FIXED_KEYS[control]) Object.assign(restored, { [key]: current.config[key] });
    config = { ...config, ...restored };
  }
  if (hidden.includes('ownData') && customData !== current.customData) {
    kept.add('ownData');
    customData = current.customData;
  }
  if (kept.size === 0) {
    // A new setting the lesson allows: a note about an earlier one is out of date.
    return next.config !== current.config && next.lessonKept !== null
      ? { ...next, lessonKept: null }
      : next;
  }
  if (sameConfig(config, current.config)) {
    // Nothing was left to change: the settings, and the experiment they are, stay as they were.
    config = current.config;
    preset = current.preset;
  } else if (preset !== null && !presetHolds(preset, config)) {
    // The experiment's own settings are not all in force: the run is Custom, as a link says it.
    preset = null;
  }
  return {
    ...next,
    config,
    preset,
    customData,
    lessonKept: HIDEABLE_CONTROLS.filter((c) => kept.has(c)),
  };
}
