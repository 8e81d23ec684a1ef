/**
 * The tutorial's four experiments (predict01..predict04) as presets: their data, network
 * and learning rate, and the step count at which the script stops; then three deeper
 * networks on the tutorial's square data. The seed is not part of a preset: the article
 * draws unseeded, so any seed is a faithful replay (deepPresets.test.ts checks the deeper
 * ones' captions on ten seeds).
 */
import type { ActivationName } from './activations';
import type { DatasetName } from './dataset';
import type { InitName } from './init';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';
import { LESSON_PRESET_IDS, LESSON_PRESETS } from './lessonPresets';

/** The tutorial's own experiments, replayed exactly (numpy parity holds for these). */
export const TUTORIAL_PRESET_IDS = [
  'untrained-line',
  'fit-line',
  'square-none',
  'square-relu',
] as const;
/** Experiments with more than one hidden layer. */
export const DEEP_PRESET_IDS = ['deep-relu', 'depth4-tutorial', 'depth4-he'] as const;
export { LESSON_PRESET_IDS } from './lessonPresets';
export const PRESET_IDS = [
  ...TUTORIAL_PRESET_IDS,
  ...DEEP_PRESET_IDS,
  ...LESSON_PRESET_IDS,
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/**
 * The settings a preset fixes; everything else (seed, speed, and the test share unless the
 * preset sets it) stays as the user has it. Every preset fixes how the run learns too (the
 * tutorial's: full batch, summed gradient, plain gradient descent, no penalty, unless the
 * lesson is about them).
 */
export interface PresetSettings extends TrainingOptions {
  dataset: DatasetName;
  points: number;
  noise: number;
  /** Hidden layer widths. */
  layers: readonly number[];
  activation: ActivationName;
  init: InitName;
  learningRate: number;
  /** The held-out share, for a lesson about the test loss; absent, the learner's stays. */
  testShare?: number;
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

/** Four tanh layers of 8 on the square: deep enough that the tutorial's draw fades, small enough to watch. */
const DEPTH4: PresetSettings = {
  dataset: 'quadratic',
  points: 30,
  noise: TUTORIAL_NOISE,
  layers: [8, 8, 8, 8],
  activation: 'tanh',
  init: 'tutorial',
  learningRate: 0.0005,
  ...DEFAULT_TRAINING_OPTIONS,
};

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
      ...DEFAULT_TRAINING_OPTIONS,
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
      ...DEFAULT_TRAINING_OPTIONS,
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
      ...DEFAULT_TRAINING_OPTIONS,
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
      ...DEFAULT_TRAINING_OPTIONS,
    },
    steps: 300,
  },
  'deep-relu': {
    id: 'deep-relu',
    label: '5 · The square, three ReLU layers',
    caption:
      'Three hidden layers of 16 ReLU units, He initialisation. Its biases start at 0, so every first-layer hinge starts at x = 0; later layers bend the bent lines again, and in 500 steps the loss comes down to the noise (what x² itself scores on these points). The rate is a tenth of the tutorial’s, one the learning-rate advice calls safe at this depth: at 0.01 some seeds blow up.',
    settings: {
      dataset: 'quadratic',
      points: 30,
      noise: TUTORIAL_NOISE,
      layers: [16, 16, 16],
      activation: 'relu',
      init: 'he',
      learningRate: 0.001,
      ...DEFAULT_TRAINING_OPTIONS,
    },
    steps: 500,
  },
  'depth4-tutorial': {
    id: 'depth4-tutorial',
    label: '6 · Depth 4, tutorial initialisation',
    caption:
      'Four tanh layers of 8 units drawn as the tutorial draws them (weights normal(0, 0.1), biases 0.1). Each layer shrinks the signal, so at the first step layer 1’s gradient is hundreds to thousands of times smaller than the output layer’s. The output bias finds the data’s mean, and for 1000 steps the fit stays a flat line there.',
    settings: DEPTH4,
    steps: 1000,
  },
  'depth4-he': {
    id: 'depth4-he',
    label: '7 · Depth 4, He initialisation',
    caption:
      'The same four tanh layers drawn with He’s scale, normal(0, √(2 / fan-in)), biases 0: the signal keeps its size, layer 1’s gradient is hundreds to thousands of times larger than with the tutorial’s draw, and in 1000 steps the fit bends into the parabola, its loss under half the flat line’s and near the noise. Those larger gradients are why both presets train at 0.0005, which the learning-rate advice calls safe here: the loss falls without a jump, while at 0.01 some seeds blow up.',
    settings: { ...DEPTH4, init: 'he' },
    steps: 1000,
  },
  ...LESSON_PRESETS,
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
  'batchSize',
  'reduction',
  'optimizer',
  'momentum',
  'l1',
  'l2',
] as const satisfies readonly (keyof PresetSettings)[];

/** The keys this preset fixes: PRESET_KEYS, and the test share when the preset sets one. */
export function presetKeys(id: PresetId): readonly (keyof PresetSettings)[] {
  return PRESETS[id].settings.testShare === undefined ? PRESET_KEYS : [...PRESET_KEYS, 'testShare'];
}
