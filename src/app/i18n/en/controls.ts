/**
 * English for the settings panel: data, network and training controls.
 */
// English names of datasets and activations are core's own tables, kept in one place.
import {
  ACTIVATION_FORMULAS,
  ACTIVATION_LABELS,
  type ActivationName,
} from '../../../core/activations';
import { DATASET_LABELS, type DatasetName } from '../../../core/dataset';
import type { InitName } from '../../../core/init';
import type { Widen } from '../widen';

export const enControls = {
  settings: 'Settings',
  jumpToSettings: 'Settings',
  jumpToPlots: 'Plots',
  data: 'Data',
  dataset: 'Dataset',
  datasetNames: DATASET_LABELS satisfies Record<DatasetName, string>,
  points: 'Points',
  noise: 'Noise',
  noiseHint: 'std. dev., 0 – 2',
  seed: 'Seed',
  seedHint: 'Same seed, same data and weights.',
  newSeed: 'New random seed',
  network: 'Network',
  hiddenUnits: 'Hidden units',
  init: 'Initialisation',
  hiddenHint: '1 – 1024 in every layer',
  // The network's shape, and how its starting weights are drawn
  hiddenLayers: 'Hidden layers',
  hiddenLayersHint: '1 – 4',
  unitsMixed: 'mixed',
  unitsMixedHint: 'Widths differ; a number sets them all.',
  layerSizes: 'Layer sizes',
  layerSizesHint: 'Each hidden layer’s width from the input side, such as 32,16,8.',
  networkShape: 'Hidden layers and units',
  initNames: {
    tutorial: 'Tutorial',
    glorot: 'Glorot (Xavier)',
    he: 'He (Kaiming)',
  } satisfies Record<InitName, string>,
  initHints: {
    tutorial:
      'The tutorial’s: weights normal(0, 0.1), biases 0.1, whatever a layer’s size. Right for one small layer; through several layers the signal fades.',
    glorot:
      'Weights normal(0, √(2 / (fan-in + fan-out))), biases 0: meant to keep the signal’s size through tanh and sigmoid layers. Every first-layer unit starts centred at x = 0.',
    he: 'Weights normal(0, √(2 / fan-in)), biases 0: meant to keep the signal’s size through ReLU layers, which zero about half of it. Every first-layer hinge starts at x = 0.',
  } satisfies Record<InitName, string>,
  activation: 'Activation',
  activationNames: ACTIVATION_LABELS satisfies Record<ActivationName, string>,
  activationFormulas: ACTIVATION_FORMULAS satisfies Record<ActivationName, string>,
  activationPreview: (name: string) => `${name} and its derivative, z from -3 to 3`,
  trainingSection: 'Training',
  learningRate: 'Learning rate',
  learningRateHint: 'Plain SGD on the summed gradient. Live.',
  speed: 'Speed',
  speedHint: 'Steps per second. Changes apply live.',
  speedText: (speed: string) => `${speed} steps`,
  asFastAsPossible: 'as fast as possible',
  speedMax: 'Max',
  fixedByLesson: 'Some settings are fixed by this lesson.',
  // What a lesson keeps, and the own-data tools as a control a lesson can hide
  ownData: 'Edit points, CSV',
  ownDataGenerated: 'off (generated data)',
  ownDataPoints: (count: number) => `${count} own point${count === 1 ? '' : 's'}`,
  listSeparator: ', ',
  lessonKept: (settings: string) =>
    `The lesson’s fixed settings were kept: ${settings}. The rest was applied.`,
  modelLessonFixed: (settings: string) =>
    `this lesson fixes ${settings}, and the file’s weights only fit its own`,
};

export type ControlsMessages = Widen<typeof enControls>;
