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
  hiddenHint: '1 → H → 1, H from 1 to 1024',
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
