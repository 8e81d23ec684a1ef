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
import type { OptimizerName, Reduction } from '../../../core/trainingOptions';
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
  learningRateHint: 'The size of a step. Changes apply live.',
  // How the run learns (issue #20): the optimizer, the batch, the gradient, the penalties
  optimizer: 'Optimizer',
  optimizerNames: {
    sgd: 'SGD (plain gradient descent)',
    momentum: 'SGD with momentum',
    rmsprop: 'RMSprop',
    adam: 'Adam',
  } satisfies Record<OptimizerName, string>,
  optimizerHints: {
    sgd: 'Straight down the gradient: w −= lr·g.',
    momentum: 'A velocity that keeps past gradients: v = m·v + g, w −= lr·v.',
    rmsprop: 'Each step divided by √(running mean of g²): w −= lr·g/√s.',
    adam: 'Running means of g and g², corrected for their start at zero: each weight moves about lr a step.',
  } satisfies Record<OptimizerName, string>,
  momentum: 'Momentum',
  momentumHint: '0 – 0.999; steps pile up to 1/(1 − m)×',
  batchSize: 'Batch size',
  batchHint: (points: number) => `1 – ${points}; empty: the full batch`,
  batchSteps: (points: number, steps: number) =>
    `1 – ${points}; ${steps} step${steps === 1 ? '' : 's'} an epoch`,
  batchFull: 'full batch',
  useFullBatch: 'Full batch',
  batchClamped: (batch: number, points: number) =>
    `Batch ${batch} > ${points} training points: the full batch is used.`,
  gradient: 'Gradient',
  reductionNames: {
    sum: 'Sum over the batch',
    mean: 'Mean over the batch',
  } satisfies Record<Reduction, string>,
  reductionHints: {
    sum: 'The tutorial’s: a step grows with the batch.',
    mean: 'Divided by the batch size: a step does not grow with it.',
  } satisfies Record<Reduction, string>,
  l1: 'L1',
  l2: 'L2',
  l1Hint: '0 – 10; adds l1·Σ|w|',
  l2Hint: '0 – 10; adds ½l2·Σw²',
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
