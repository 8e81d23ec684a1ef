/**
 * The tutorial's four experiments (predict01..predict04) as presets: their data, network
 * and learning rate, and the step count at which the script stops. The seed is not part
 * of a preset: the article draws unseeded, so any seed is a faithful replay.
 */
import type { ActivationName } from './activations';
import type { DatasetName } from './dataset';
import type { InitName } from './init';

export const PRESET_IDS = ['untrained-line', 'fit-line', 'square-none', 'square-relu'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** The settings a preset fixes; everything else (seed, speed) stays as the user has it. */
export interface PresetSettings {
  dataset: DatasetName;
  points: number;
  noise: number;
  /** Hidden layer widths. */
  layers: readonly number[];
  activation: ActivationName;
  init: InitName;
  learningRate: number;
}

export interface Preset {
  id: PresetId;
  /** Name in the picker. */
  label: string;
  /** One or two sentences: what the experiment shows. */
  caption: string;
  settings: PresetSettings;
  /** The script's step count: training pauses there (Play goes on beyond it). */
  steps: number;
}

/** The tutorial's noise and learning rate, shared by all four experiments. */
const TUTORIAL_NOISE = 0.2;
const TUTORIAL_LR = 0.01;

export const PRESETS: Record<PresetId, Preset> = {
  'untrained-line': {
    id: 'untrained-line',
    label: '1 · Untrained, on the line',
    caption:
      'predict01(): before any training the random weights give a nearly flat line near 0.1, far from the data. Press Play to watch it learn.',
    settings: {
      dataset: 'linear',
      points: 10,
      noise: TUTORIAL_NOISE,
      layers: [3],
      activation: 'none',
      init: 'tutorial',
      learningRate: TUTORIAL_LR,
    },
    steps: 0,
  },
  'fit-line': {
    id: 'fit-line',
    label: '2 · Fitting the line',
    caption:
      'predict02(): 50 steps of backpropagation tilt the flat line toward the data. A network without activation is a line, which is all this data needs.',
    settings: {
      dataset: 'linear',
      points: 10,
      noise: TUTORIAL_NOISE,
      layers: [3],
      activation: 'none',
      init: 'tutorial',
      learningRate: TUTORIAL_LR,
    },
    steps: 50,
  },
  'square-none': {
    id: 'square-none',
    label: '3 · The square, no activation',
    caption:
      'predict03(): without an activation the ten hidden units add up to a single line, so after 300 steps it still cannot bend to x²: underfitting.',
    settings: {
      dataset: 'quadratic',
      points: 30,
      noise: TUTORIAL_NOISE,
      layers: [10],
      activation: 'none',
      init: 'tutorial',
      learningRate: TUTORIAL_LR,
    },
    steps: 300,
  },
  'square-relu': {
    id: 'square-relu',
    label: '4 · The square, with ReLU',
    caption:
      'predict04(): the same network with ReLU. Each unit becomes a hinge, and in 300 steps the hinges bend the curve into the parabola.',
    settings: {
      dataset: 'quadratic',
      points: 30,
      noise: TUTORIAL_NOISE,
      layers: [10],
      activation: 'relu',
      init: 'tutorial',
      learningRate: TUTORIAL_LR,
    },
    steps: 300,
  },
};

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && (PRESET_IDS as readonly string[]).includes(value);
}

/** Keys a preset fixes: editing one of them leaves the preset (the picker shows Custom). */
export const PRESET_KEYS = [
  'dataset',
  'points',
  'noise',
  'layers',
  'activation',
  'init',
  'learningRate',
] as const satisfies readonly (keyof PresetSettings)[];
