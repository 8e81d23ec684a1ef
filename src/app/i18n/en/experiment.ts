/**
 * English for the experiment: presets, the numpy script, the transport bar, model files and
 * lesson links.
 */
import type { PresetId } from '../../../core/presets';
import type { TrainingEngine } from '../../../core/protocol';
import type { Widen } from '../widen';

export const enExperiment = {
  experiment: 'Experiment',
  preset: 'Preset',
  custom: 'Custom',
  customCaption:
    'Your own settings. Pick one of the tutorial’s four experiments to replay it step for step, a deeper network, or a lesson on how networks learn.',
  presetGroupTutorial: 'The tutorial',
  presetGroupDeep: 'Deeper networks',
  presetGroupLearning: 'How it learns',
  noTraining: 'No training',
  stopsAt: (steps: number) => `Stops at step ${steps}`,
  presetLabels: {
    'untrained-line': '1 · Untrained, on the line',
    'fit-line': '2 · Fitting the line',
    'square-none': '3 · The square, no activation',
    'square-relu': '4 · The square, with ReLU',
    'deep-relu': '5 · The square, three ReLU layers',
    'depth4-tutorial': '6 · Depth 4, tutorial initialisation',
    'depth4-he': '7 · Depth 4, He initialisation',
    overfit: '8 · Overfitting',
    'overfit-l2': '9 · Overfitting, with L2',
    'minibatch-noise': '10 · Mini-batches of 4',
    'deep-sgd': '11 · Depth 4, plain gradient descent',
    'deep-adam': '12 · Depth 4, Adam',
  } satisfies Record<PresetId, string>,
  presetCaptions: {
    'untrained-line':
      'predict01(): before any training the random weights give a nearly flat line near 0.1, far from the data. Press Play to watch it learn.',
    'fit-line':
      'predict02(): 50 steps of backpropagation tilt the flat line toward the data. A network without activation is a line, which is all this data needs.',
    'square-none':
      'predict03(): without an activation the ten hidden units add up to a single line, so after 300 steps it still cannot bend to x²: underfitting.',
    'square-relu':
      'predict04(): the same network with ReLU. Each unit becomes a hinge, and in 300 steps the hinges bend the curve into the parabola.',
    'deep-relu':
      'Three hidden layers of 16 ReLU units, He initialisation. Its biases start at 0, so every first-layer hinge starts at x = 0; later layers bend the bent lines again, and in 500 steps the loss comes down to the noise (what x² itself scores on these points). The rate is a tenth of the tutorial’s, one the learning-rate advice calls safe at this depth: at 0.01 some seeds blow up.',
    'depth4-tutorial':
      'Four tanh layers of 8 units drawn as the tutorial draws them (weights normal(0, 0.1), biases 0.1). Each layer shrinks the signal, so at the first step layer 1’s gradient is hundreds to thousands of times smaller than the output layer’s. The output bias finds the data’s mean, and for 1000 steps the fit stays a flat line there.',
    'depth4-he':
      'The same four tanh layers drawn with He’s scale, normal(0, √(2 / fan-in)), biases 0: the signal keeps its size, layer 1’s gradient is hundreds to thousands of times larger than with the tutorial’s draw, and in 1000 steps the fit bends into the parabola, its loss under half the flat line’s and near the noise. Those larger gradients are why both presets train at 0.0005, which the learning-rate advice calls safe here: the loss falls without a jump, while at 0.01 some seeds blow up.',
    overfit:
      'Thirty noisy points to train on, thirty held out, and two tanh layers of 32: over a thousand weights for thirty points. Within the first few hundred steps the test loss reaches its best; then the curve starts to chase the noise between the points, and the test loss turns up (by the end, a fifth or more above its best) while the training loss keeps falling toward zero.',
    'overfit-l2':
      'The same network and data with an L2 penalty of 0.3: every step also pulls each weight toward zero, so the curve cannot bend sharply enough to pass through every noisy point. The training loss stays higher than without L2, and the test loss does not turn up: at the end it is within a fifth of its best, and lower than without L2.',
    'minibatch-noise':
      'The tutorial’s last experiment with a batch of 4: each step learns from 4 of the 30 points, a new handful every step, 8 steps an epoch. The faint batch loss is the loss on that step’s handful: over the last 100 steps it jumps up and down by ten times or more. The loss on all 30 points falls with barely a wobble (no step raises it by more than 5%), and after 300 steps (37½ epochs) it is still above where 300 full-batch steps take it.',
    'deep-sgd':
      'Four tanh layers of 8 drawn as the tutorial draws them, trained by plain gradient descent at 0.002, the rate the learning-rate advice suggests. Each weight moves by its gradient, and the layers near the input get gradients hundreds of times smaller than the output’s: after 1000 steps the fit is still a flat line at the data’s mean.',
    'deep-adam':
      'The same network, data and draw, trained by Adam at 0.005. Adam divides each parameter’s step by the size of its own recent gradients, so every layer moves about as fast, however small its gradient: in 1000 steps the fit bends into the parabola and its loss ends more than twice as low as plain gradient descent’s, at or below the noise.',
  } satisfies Record<PresetId, string>,
  copyScript: 'Copy as numpy script',
  copyScriptTitle: 'A runnable numpy script that prints this run’s losses',
  scriptCopied: '✓ Copied: paste it into a .py file and run it.',
  scriptNotExact: (step: number) =>
    `Copied, but from step ${step} on it is not this run: the points changed too often during training to keep them all (the script's first lines say so).`,
  scriptNotExactNote: (step: number) =>
    `From step ${step} on this script is not this run: the points changed too often during training to keep them all (its first lines say so).`,
  scriptDialogTitle: 'Copy the numpy script',
  scriptDialogText:
    'The browser did not allow copying to the clipboard. The script is selected below: copy it with Ctrl+C (⌘C).',
  numpyScript: 'numpy script',
  copyTorchScript: 'Copy as PyTorch script',
  copyTorchScriptTitle:
    'A runnable PyTorch script (torch.nn.Linear, torch.optim) that prints this run’s losses',
  torchScriptDialogTitle: 'Copy the PyTorch script',
  torchScript: 'PyTorch script',
  scriptBatchesNotExact: (step: number) =>
    `Copied, but from step ${step} on its mini-batches are not this run's: the page drew batch orders before the weights were loaded, which the script cannot know (its first lines say so).`,
  scriptBatchesNotExactNote: (step: number) =>
    `From step ${step} on this script's mini-batches are not this run's: the page drew batch orders before the weights were loaded, which the script cannot know (its first lines say so).`,
  scriptRescueNotExact: (step: number) =>
    `Copied, but from step ${step} on it may differ from this run: a rescue there went back past a change of the training options or points, and the optimizer state the page kept cannot be rebuilt (its first lines say so).`,
  scriptRescueNotExactNote: (step: number) =>
    `From step ${step} on this script may differ from this run: a rescue there went back past a change of the training options or points, and the optimizer state the page kept cannot be rebuilt (its first lines say so).`,
  close: 'Close',
  // Transport
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  stepTitle: 'Pause and take one step',
  reset: 'Reset',
  resetTitle: 'Start again from the same seed',
  readoutStep: 'Step',
  readoutEpoch: 'Epoch',
  readoutEpochTitle:
    'Epochs begun: one pass over the training points. With the full batch every step is one; with mini-batches of B of N points, one takes ⌈N / B⌉ steps.',
  readoutBatchLoss: 'Batch loss',
  readoutBatchLossTitle:
    'The last step’s loss on its own mini-batch, before its update: what the step trained on. Loss is on all the training points.',
  readoutLoss: 'Loss',
  readoutTestLoss: 'Test loss',
  readoutRate: 'Steps/s',
  engine: (engine: TrainingEngine) =>
    ({
      'wasm-relaxed':
        'Trained by WebAssembly relaxed SIMD (fused multiply-add where the CPU has it), in a worker thread',
      'wasm-simd128': 'Trained by WebAssembly SIMD, in a worker thread',
      'wasm-dense-relaxed':
        'Trained by the WebAssembly relaxed SIMD kernels for dense layers (fused multiply-add where the CPU has it), in a worker thread',
      'wasm-dense-simd128':
        'Trained by the WebAssembly SIMD kernels for dense layers, in a worker thread',
      ts: 'Trained by the TypeScript core, in a worker thread',
    })[engine],
  engineThreads: (threads: number) => `, each step split across ${threads} threads`,
  // Model file
  exportModel: 'Export model',
  importModel: 'Import model',
  modelLoaded: (step: number) => `Model loaded at step ${step}: press Play to go on training.`,
  modelFreshOptimizer:
    'The optimizer’s running averages start again from zero: a model file holds the weights, not the optimizer’s state.',
  modelNotLoaded: (why: string) => `Could not load the model: ${why}. Nothing was changed.`,
  modelNotReady: 'No weights yet: wait for the first frame.',
  modelSavedPaused: (step: number) =>
    `Paused at step ${step} and saved its weights: a model this large sends them only while it stands still.`,
  // Sharing with hidden controls
  share: 'Share…',
  shareTitle: 'Share a lesson link',
  shareIntro:
    'Tick the settings students should not change: they are hidden when the link is opened.',
  shareCopy: 'Copy lesson link',
  shareCopied: 'Lesson link copied to the clipboard',
};

export type ExperimentMessages = Widen<typeof enExperiment>;
