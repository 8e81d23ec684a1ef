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
    'Your own settings. Pick one of the tutorial’s four experiments to replay it step for step.',
  noTraining: 'No training',
  stopsAt: (steps: number) => `Stops at step ${steps}`,
  presetLabels: {
    'untrained-line': '1 · Untrained, on the line',
    'fit-line': '2 · Fitting the line',
    'square-none': '3 · The square, no activation',
    'square-relu': '4 · The square, with ReLU',
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
  close: 'Close',
  // Transport
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  stepTitle: 'Pause and take one step',
  reset: 'Reset',
  resetTitle: 'Start again from the same seed',
  readoutStep: 'Step',
  readoutLoss: 'Loss',
  readoutTestLoss: 'Test loss',
  readoutRate: 'Steps/s',
  engine: (engine: TrainingEngine) =>
    ({
      'wasm-relaxed':
        'Trained by WebAssembly relaxed SIMD (fused multiply-add where the CPU has it), in a worker thread',
      'wasm-simd128': 'Trained by WebAssembly SIMD, in a worker thread',
      ts: 'Trained by the TypeScript core, in a worker thread',
    })[engine],
  // Model file
  exportModel: 'Export model',
  importModel: 'Import model',
  modelLoaded: (step: number) => `Model loaded at step ${step}: press Play to go on training.`,
  modelNotLoaded: (why: string) => `Could not load the model: ${why}. Nothing was changed.`,
  modelNotReady: 'No weights yet: wait for the first frame.',
  // Sharing with hidden controls
  share: 'Share…',
  shareTitle: 'Share a lesson link',
  shareIntro:
    'Tick the settings students should not change: they are hidden when the link is opened.',
  shareCopy: 'Copy lesson link',
  shareCopied: 'Lesson link copied to the clipboard',
};

export type ExperimentMessages = Widen<typeof enExperiment>;
