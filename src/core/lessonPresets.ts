/**
 * Lessons on how a network learns (issue #20): overfitting and L2 against it, mini-batch
 * noise, Adam against plain gradient descent. Each caption is a claim that
 * lessonPresets.test.ts checks on seeds 0 to 9.
 */
import type { Preset, PresetSettings } from './presets';
import { DEFAULT_TRAINING_OPTIONS } from './trainingOptions';

/** The overfitting lessons, then the mini-batch and optimizer ones. */
export const LESSON_PRESET_IDS = [
  'overfit',
  'overfit-l2',
  'minibatch-noise',
  'deep-sgd',
  'deep-adam',
] as const;
export type LessonPresetId = (typeof LESSON_PRESET_IDS)[number];

/**
 * Sixty noisy points of a sine, half held out, and two tanh layers of 32 (over a thousand
 * weights for thirty points). Adam, because plain gradient descent takes far longer to
 * chase the noise; its rate is one the learning-rate advice accepts for plain descent too.
 */
const OVERFIT: PresetSettings = {
  dataset: 'sine',
  points: 60,
  noise: 0.5,
  layers: [32, 32],
  activation: 'tanh',
  init: 'glorot',
  learningRate: 0.003,
  ...DEFAULT_TRAINING_OPTIONS,
  optimizer: 'adam',
  testShare: 0.5,
};

/** Four tanh layers of 8 drawn as the tutorial draws them: the depth-4 lesson's fading network. */
const DEEP: PresetSettings = {
  dataset: 'quadratic',
  points: 30,
  noise: 0.2,
  layers: [8, 8, 8, 8],
  activation: 'tanh',
  init: 'tutorial',
  learningRate: 0.002,
  ...DEFAULT_TRAINING_OPTIONS,
};

export const LESSON_PRESETS: Record<LessonPresetId, Preset> = {
  overfit: {
    id: 'overfit',
    label: '8 · Overfitting',
    caption:
      'Thirty noisy points to train on, thirty held out, and two tanh layers of 32: over a thousand weights for thirty points. Within the first few hundred steps the test loss reaches its best; then the curve starts to chase the noise between the points, and the test loss turns up (by the end, a fifth or more above its best) while the training loss keeps falling toward zero.',
    settings: OVERFIT,
    steps: 3000,
  },
  'overfit-l2': {
    id: 'overfit-l2',
    label: '9 · Overfitting, with L2',
    caption:
      'The same network and data with an L2 penalty of 0.3: every step also pulls each weight toward zero, so the curve cannot bend sharply enough to pass through every noisy point. The training loss stays higher than without L2, and the test loss does not turn up: at the end it is within a fifth of its best, and lower than without L2.',
    settings: { ...OVERFIT, l2: 0.3 },
    steps: 3000,
  },
  'minibatch-noise': {
    id: 'minibatch-noise',
    label: '10 · Mini-batches of 4',
    caption:
      'The tutorial’s last experiment with a batch of 4: each step learns from 4 of the 30 points, a new handful every step, 8 steps an epoch. The faint batch loss is the loss on that step’s handful: over the last 100 steps it jumps up and down by ten times or more. The loss on all 30 points falls with barely a wobble (no step raises it by more than 5%), and after 300 steps (37½ epochs) it is still above where 300 full-batch steps take it.',
    settings: {
      dataset: 'quadratic',
      points: 30,
      noise: 0.2,
      layers: [10],
      activation: 'relu',
      init: 'tutorial',
      learningRate: 0.01,
      ...DEFAULT_TRAINING_OPTIONS,
      batchSize: 4,
    },
    steps: 300,
  },
  'deep-sgd': {
    id: 'deep-sgd',
    label: '11 · Depth 4, plain gradient descent',
    caption:
      'Four tanh layers of 8 drawn as the tutorial draws them, trained by plain gradient descent at 0.002, the rate the learning-rate advice suggests. Each weight moves by its gradient, and the layers near the input get gradients hundreds of times smaller than the output’s: after 1000 steps the fit is still a flat line at the data’s mean.',
    settings: DEEP,
    steps: 1000,
  },
  'deep-adam': {
    id: 'deep-adam',
    label: '12 · Depth 4, Adam',
    caption:
      'The same network, data and draw, trained by Adam at 0.005. Adam divides each parameter’s step by the size of its own recent gradients, so every layer moves about as fast, however small its gradient: in 1000 steps the fit bends into the parabola and its loss ends more than twice as low as plain gradient descent’s, at or below the noise.',
    settings: { ...DEEP, optimizer: 'adam', learningRate: 0.005 },
    steps: 1000,
  },
};
