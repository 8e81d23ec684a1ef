/**
 * The English dictionary: the source of every visible string. Its shape is the `Messages`
 * type, so a key missing from another language is a compile error.
 */
// English names of datasets and activations are core's own tables, kept in one place.
import { ACTIVATION_FORMULAS, ACTIVATION_LABELS, type ActivationName } from '../../core/activations';
import { DATASET_LABELS, type DatasetName } from '../../core/dataset';
import type { PresetId } from '../../core/presets';
import type { Problem } from '../../core/problems';
import type { TrainingEngine } from '../../core/protocol';
import { formatEn } from '../../messages/en';

export const en = {
  // Header
  title: 'Backprop Playground',
  tagline: 'Watch a 1 → H → 1 network learn by backpropagation, step by step.',
  language: 'Language',
  theme: 'Theme',
  themeNames: { system: 'System', light: 'Light', dark: 'Dark' },
  copyLink: 'Copy link',
  copied: 'Copied',
  linkToRun: 'Link to this run',
  linkCopied: 'Link copied to the clipboard',
  // Status
  starting: 'Starting…',
  training: 'Training',
  paused: 'Paused',
  divergedStatus: (step: number | null) => `Diverged at step ${step ?? '?'}`,
  restart: 'Restart',
  rescueHeading: (step: number) => `Diverged at step ${step}: lower the learning rate.`,
  rescueWhy: (good: number, points: number, hidden: number, suggestion: number, lr: number, times: number) =>
    `The loss blew up, so training paused and kept the last good weights, from step ${good}. The tutorial sums the gradient over all ${points} points and the output over ${hidden} units, so its 0.01 scales to about ${suggestion} here; ${lr} is ${times}× that.`,
  rescueLower: 'Lower learning rate ×0.1 and resume',
  rescueRewind: (step: number) => `Rewind to step ${step}`,
  lrAdvice: (points: number, hidden: number, suggestion: number, lr: number, times: number) =>
    `The gradient is summed over ${points} points and ${hidden} units, so the tutorial’s 0.01 scales to about ${suggestion} here; ${lr} is ${times}× that and may blow up or kill units.`,
  lrUse: (suggestion: number) => `Use ${suggestion}`,
  announce: (prefix: 'diverged' | 'paused' | '', step: number, loss: string) =>
    `${prefix === 'diverged' ? 'Diverged. ' : prefix === 'paused' ? 'Paused. ' : ''}Step ${step}, loss ${loss}.`,
  announceNoData: 'No training points: add some on the plot, or Regenerate, to train.',
  // Link notice
  noticeHeading: 'Some settings in this link were not used.',
  linkNotice: 'Link notice',
  dismiss: 'Dismiss',
  // Controls
  settings: 'Settings',
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
  fixedByLesson: 'Some settings are fixed by this lesson.',
  // Experiment
  experiment: 'Experiment',
  preset: 'Preset',
  custom: 'Custom',
  customCaption: 'Your own settings. Pick one of the tutorial’s four experiments to replay it step for step.',
  noTraining: 'No training',
  stopsAt: (steps: number) => `Stops at step ${steps}`,
  presetLabels: {
    'untrained-line': '1 · Untrained, on the line',
    'fit-line': '2 · Fitting the line',
    'square-none': '3 · The square, no activation',
    'square-relu': '4 · The square, with ReLU',
  } satisfies Record<PresetId, string>,
  presetCaptions: {
    'untrained-line': 'predict01(): before any training the random weights give a nearly flat line near 0.1, far from the data. Press Play to watch it learn.',
    'fit-line': 'predict02(): 50 steps of backpropagation tilt the flat line toward the data. A network without activation is a line, which is all this data needs.',
    'square-none': 'predict03(): without an activation the ten hidden units add up to a single line, so after 300 steps it still cannot bend to x²: underfitting.',
    'square-relu': 'predict04(): the same network with ReLU. Each unit becomes a hinge, and in 300 steps the hinges bend the curve into the parabola.',
  } satisfies Record<PresetId, string>,
  copyScript: 'Copy as numpy script',
  copyScriptTitle: 'A runnable numpy script that prints this run’s losses',
  scriptCopied: '✓ Copied: paste it into a .py file and run it.',
  scriptDialogTitle: 'Copy the numpy script',
  scriptDialogText: 'The browser did not allow copying to the clipboard. The script is selected below: copy it with Ctrl+C (⌘C).',
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
  readoutRate: 'Steps/s',
  engine: (engine: TrainingEngine) =>
    ({
      'wasm-relaxed': 'Trained by WebAssembly relaxed SIMD (fused multiply-add where the CPU has it), in a worker thread',
      'wasm-simd128': 'Trained by WebAssembly SIMD, in a worker thread',
      ts: 'Trained by the TypeScript core, in a worker thread',
    })[engine],
  // Plots
  fit: 'Fit',
  loss: 'Loss',
  logScale: 'Log scale',
  exportLossCsv: 'Export loss CSV',
  plotNoiseFloor: 'noise floor',
  plotBestLine: 'best straight line',
  axisStep: 'step',
  axisLoss: 'loss (MSE)',
  fitPlotLabel: 'Fit plot: data, true function and the network’s curve',
  lossPlotLabel: 'Loss plot: mean squared error against training step',
  noteUnitsDrawn: (shown: number, total: number) => `${shown} largest of ${total} units drawn; the other ${total - shown} are summed in the dotted line`,
  noteResiduals: (shown: number, total: number) => `Residuals of ${shown} of ${total} points, evenly spread`,
  noteNoKinks: 'No kinks: without an activation every unit is a straight line',
  fitViews: 'Fit plot views',
  showUnits: 'Show units',
  showUnitsTitle: 'Each hidden unit’s contribution w2·act(w1·x + b1) as a thin line: they add up to the fit',
  showKinks: 'Show kinks',
  showKinksTitle: 'Where each unit bends: x = −b1 / w1 (hollow when outside the data)',
  showResiduals: 'Show residuals',
  showResidualsTitle: 'A segment from each data point to the curve: the errors the loss squares',
  legendNetwork: 'orange: the network',
  legendUnits: 'thin purple: its hidden units, which add up to orange',
  legendKinks: (relu: boolean) => `▲ ${relu ? 'hinges' : 'centres'} (hollow: outside the data)`,
  legendResiduals: 'red: residuals',
  legendClick: 'click a point to inspect it',
  lossNoteFloor: 'Noise floor: the true function’s own error on this data; a training loss far below it means the network is fitting the noise.',
  lossNoteLine: 'Best straight line: the lowest loss a network without activation can ever reach.',
  pinRun: 'Pin run',
  pinRunTitle: 'Keep this run’s loss curve and fit to compare with the next',
  pinFull: (max: number) => `Up to ${max} pinned runs: unpin one first`,
  clearPinned: 'Clear pinned',
  pinnedRuns: 'Pinned runs',
  pinStep: (step: number) => `step ${step}`,
  unpin: 'Unpin',
  // Inside the network
  insideNetwork: 'Inside the network',
  networkNote: 'bars: each unit’s parameter (orange +, blue −) · purple shade: size of its last gradient',
  groupNotes: { w1: 'input → unit', b1: 'unit bias', w2: 'unit → output', b2: 'output bias' },
  stripLabel: (name: string) => `${name} of each hidden unit, with its last gradient`,
  healthRelu: (dead: number, hidden: number) =>
    `Dead units: ${dead} of ${hidden}${dead > 0 ? ' (grey)' : ''}. A dead ReLU outputs 0 on every data point, so its gradient is 0 and no step can bring it back.`,
  healthNone: 'No activation: units never die or saturate, but their sum can only ever be a line.',
  healthSaturated: (saturated: number, hidden: number, act: string) =>
    `Saturated units: ${saturated} of ${hidden}${saturated > 0 ? ' (grey)' : ''}. A saturated unit has |z| > 3 on every point, where ${act} is flat: act′ ≈ 0, so its gradient all but vanishes.`,
  inspectorPlaying: 'Step inspector: pause, then click a data point to follow it through one step of backprop.',
  inspectorPaused: 'Step inspector: click a data point on the fit plot to see its forward pass and its share of the gradients.',
  inspectorHeading: (i: number, n: number, step: number) => `Point ${i} of ${n} at step ${step}`,
  // Model file
  exportModel: 'Export model',
  importModel: 'Import model',
  modelLoaded: (step: number) => `Model loaded at step ${step}: press Play to go on training.`,
  modelNotLoaded: (why: string) => `Could not load the model: ${why}. Nothing was changed.`,
  modelNotReady: 'No weights yet: wait for the first frame.',
  // Sharing with hidden controls
  share: 'Share…',
  shareTitle: 'Share a lesson link',
  shareIntro: 'Tick the settings students should not change: they are hidden when the link is opened.',
  shareCopy: 'Copy lesson link',
  shareCopied: 'Lesson link copied to the clipboard',
  // Lesson and footer
  lessonNoneLinear: 'No activation: every hidden unit is a line, and a sum of lines is a line, which is all this data needs.',
  lessonNoneSquare:
    'No activation: every hidden unit is a line, and a sum of lines is still a line, so the network cannot bend to fit x². This is the tutorial’s underfitting experiment: try ReLU.',
  lessonRelu: 'ReLU: each hidden unit is a hinge, max(0, w·x + b). The output adds the hinges up, so the curve can bend: this is how the tutorial’s network fits x².',
  lessonSmooth: (name: string) => `${name}: each hidden unit is a smooth step. Weighted sums of steps make smooth curves, so the network can bend to the data.`,
  footer:
    'The network, its initialisation and its update are those of a numpy tutorial on backpropagation: weights Normal(0, 0.1), biases 0.1, summed gradients, w += lr · gw. Training runs in a Web Worker in float32.',
  workerSilent: 'The training worker stopped responding.',
  appLoadFailed: 'The playground could not be loaded (you may be offline, or the site was updated since this page was opened).',
  reloadPage: 'Reload the page',
  plotsUnavailable: 'The plots could not be loaded (you may be offline, or the site was updated since this page was opened). The network still trains.',
  workerFailed: (message: string) => `The training worker failed: ${message}`,
  workerStopped: (detail: string) => `The training worker stopped${detail ? `: ${detail}` : ''}.`,
  // Your own data
  editPoints: 'Edit points',
  deleteMode: 'Delete mode',
  clearData: 'Clear',
  regenerate: 'Regenerate',
  editHint: (deleting: boolean) => `Click the plot to add a point, drag one to move it, Shift-click ${deleting ? 'or click ' : ''}to remove it.`,
  importCsv: 'Import CSV',
  exportCsv: 'Export CSV',
  testShare: 'Test share',
  testShareText: (percent: number) => `${percent} percent of points held out`,
  testShareHint: 'Held-out points (hollow) are not trained on; their loss is the test loss.',
  targetExpression: 'Target expression',
  expressionHint: 'y = f(x), e.g. sin(3*x) + 0.5*x^2 · functions: sin, cos, exp, log, sqrt, abs, tanh…',
  dataImported: (file: string, count: number, rescaled: string) => `${file}: ${count} points imported.${rescaled ? ` ${rescaled}` : ''}`,
  dataFileError: (file: string, why: string) => `${file}: ${why}`,
  dataCleared: 'No data: click “Edit points” and click on the plot to add some, or Regenerate.',
  dataFull: (max: number) => `At most ${max} points.`,
  csvUnavailable: 'CSV import and export could not be loaded (the site may have been updated since this page was opened): reload the page to use them. Nothing else has changed.',
  speedMax: 'Max',
  // Core's problems (bad CSV, expression, number, link, model file): one formatter per code in src/messages.
  problem: (problem: Problem) => formatEn(problem),
};

/** Every message, with the English literal types widened: what each language must supply. */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> };
