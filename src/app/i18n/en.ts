/**
 * The English dictionary: the source of every visible string. Its shape is the `Messages`
 * type, so a key missing from another language is a compile error.
 */
// English names of datasets and activations are core's own tables, kept in one place.
import {
  ACTIVATION_FORMULAS,
  ACTIVATION_LABELS,
  type ActivationName,
} from '../../core/activations';
import { DATASET_LABELS, type DatasetName } from '../../core/dataset';
import type { KinkKind } from '../../core/insight';
import type { PresetId } from '../../core/presets';
import type { Problem } from '../../core/problems';
import type { TrainingEngine } from '../../core/protocol';
import { formatEn } from '../../messages/en';

const KINK_WORDS: Record<KinkKind, string> = {
  none: 'kink',
  hinge: 'hinge',
  centre: 'centre',
  zero: 'zero crossing',
};
/** Marks a count whose units the strips draw grey. */
const grey = (count: number) => (count > 0 ? ' (grey)' : '');

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
  rescueKept: (good: number) =>
    `The loss blew up, so training paused and went back to the weights of step ${good}, the last step before the loss began to climb.`,
  rescueWhy: (points: number, hidden: number, suggestion: number, lr: number, times: number) =>
    `Each step sums the gradient over the ${points} training points and ${hidden} hidden units, so a rate that trains safely here is about ${suggestion}; ${times > 1 ? `${lr} is ${times}× that.` : `${lr} is not above it, yet the loss grew: a smaller rate still helps.`}`,
  rescueLower: (rate: number) => `Lower the learning rate to ${rate} and resume`,
  rescueRewind: (step: number) => `Rewind to step ${step}`,
  lrAdvice: (points: number, hidden: number, suggestion: number, lr: number, times: number) =>
    `Each step sums the gradient over the ${points} training points and ${hidden} hidden units, so a rate that trains safely here is about ${suggestion}; ${lr} is ${times}× that and may blow up or kill units.`,
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
  // What a lesson keeps, and the own-data tools as a control a lesson can hide
  ownData: 'Edit points, CSV',
  ownDataGenerated: 'off (generated data)',
  ownDataPoints: (count: number) => `${count} own point${count === 1 ? '' : 's'}`,
  listSeparator: ', ',
  lessonKept: (settings: string) =>
    `The lesson’s fixed settings were kept: ${settings}. The rest was applied.`,
  modelLessonFixed: (settings: string) =>
    `this lesson fixes ${settings}, and the file’s weights only fit its own`,
  // When the page itself fails (an error boundary around the app)
  appCrashedTitle: 'Something went wrong',
  appCrashed:
    'The page ran into an error and stopped drawing. Reload it to go on; if the same settings break it again, go back to the defaults.',
  resetToDefaults: 'Reset to defaults',
  errorDetails: 'Details',
  // Experiment
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
  // Plots
  fit: 'Fit',
  loss: 'Loss',
  logScale: 'Log scale',
  exportLossCsv: 'Export loss CSV',
  plotNoiseFloor: 'true function’s error',
  legendTruth: 'truth',
  legendData: 'data',
  legendTestData: 'test data',
  legendFit: 'fit',
  hoverHeldOut: 'held out',
  hoverThinned: (every: number) => `1 in ${every} points shown`,
  hoverStepLoss: 'step %{x}<br>loss %{y:.4g}',
  hoverStepTestLoss: 'step %{x}<br>test loss %{y:.4g}',
  pinnedTrace: (label: string) => `pinned: ${label}`,
  kinkHover: (unit: number, kind: KinkKind, x: string) =>
    `unit ${unit}: ${KINK_WORDS[kind]} at x = ${x}`,
  plotBestLine: 'best straight line',
  axisStep: 'step',
  axisLoss: 'loss (MSE)',
  fitPlotLabel: 'Fit plot: data, true function and the network’s curve',
  lossPlotLabel: 'Loss plot: mean squared error against training step',
  noteUnitsDrawn: (shown: number, total: number) =>
    `${shown} largest of ${total} units drawn; the other ${total - shown} are summed in the dotted line`,
  noteResiduals: (shown: number, total: number) =>
    `Residuals of ${shown} of ${total} points, evenly spread`,
  noteNoKinks: 'No kinks: without an activation every unit is a straight line',
  fitViews: 'Fit plot views',
  showUnits: 'Show units',
  showUnitsTitle:
    'Each hidden unit’s contribution w2·act(w1·x + b1) as a thin line: they add up to the fit',
  showKinks: 'Show kinks',
  showKinksTitle: 'Where each unit bends: x = −b1 / w1 (hollow when outside the data)',
  showResiduals: 'Show residuals',
  showResidualsTitle: 'A segment from each data point to the curve: the errors the loss squares',
  legendNetwork: 'orange: the network',
  legendUnits: 'thin purple: its hidden units',
  legendBias: 'dashed purple: the output bias b2; the units plus b2 add up to orange',
  legendKinks: (kind: KinkKind) => `▲ ${KINK_WORDS[kind]}s (hollow: outside the data)`,
  legendResiduals: 'red: residuals',
  legendClick: 'click a point to inspect it',
  lossNoteFloor: (value: string) =>
    `True function’s error on these points: ${value}, the mean squared noise of this sample. A training loss below it means the network follows some of that noise; whether that costs anything on new points shows in the test loss (hold out a test share).`,
  lossNoteLine: (value: string) =>
    `Best straight line: ${value}, the lowest loss a network without activation can ever reach.`,
  lossNoteLineBelowTruth: (n: number) =>
    `On ${n === 1 ? 'this point' : `these ${n} points`} even the best straight line scores below the true function: fitted to few points, a line already follows part of their noise.`,
  pinRun: 'Pin run',
  pinRunTitle: 'Keep this run’s loss curve and fit to compare with the next',
  pinFull: (max: number) => `Up to ${max} pinned runs: unpin one first`,
  clearPinned: 'Clear pinned',
  pinnedRuns: 'Pinned runs',
  pinStep: (step: number) => `step ${step}`,
  unpin: 'Unpin',
  // Inside the network
  insideNetwork: 'Inside the network',
  networkNote:
    'bars: each unit’s parameter (orange +, blue −) · purple shade: size of its last gradient',
  groupNotes: { w1: 'input → unit', b1: 'unit bias', w2: 'unit → output', b2: 'output bias' },
  stripLabel: (name: string) => `${name} of each hidden unit, with its last gradient`,
  // What "health" truly means for each activation (core's unitHealth counts it; the slopes are checked there).
  health: {
    none: (_count: number, _hidden: number) =>
      'No activation: units never die or saturate, but their sum can only ever be a line.',
    relu: (count: number, hidden: number) =>
      `Dead units: ${count} of ${hidden}${grey(count)}. A dead ReLU outputs 0 on every data point, so its gradient is 0 and no step can bring it back.`,
    tanh: (count: number, hidden: number) =>
      `Saturated units: ${count} of ${hidden}${grey(count)}. A saturated unit has |z| > 3 on every point, where tanh is nearly flat (tanh′ < 0.01), so its gradient all but vanishes.`,
    sigmoid: (count: number, hidden: number) =>
      `Saturated units: ${count} of ${hidden}${grey(count)}. A saturated unit has |z| > 3 on every point, where the sigmoid is nearly flat (σ′ < 0.05, under a fifth of its peak 0.25), so it learns slowly.`,
    'leaky-relu': (count: number, hidden: number) =>
      `Units in the leaky region: ${count} of ${hidden}${grey(count)}. Such a unit has z ≤ 0 on every point, where its slope is 0.01: it learns 100× more slowly, but unlike a ReLU it is never dead.`,
    elu: (count: number, hidden: number) =>
      `Units flat on the negative side: ${count} of ${hidden}${grey(count)}. Such a unit has z < −3 on every point, where ELU is nearly constant at −1 (slope e^z < 0.05). For z > 0 ELU is a line and never saturates.`,
    softplus: (count: number, hidden: number) =>
      `Nearly dead units: ${count} of ${hidden}${grey(count)}. Such a unit has z < −3 on every point, where Softplus is nearly 0 with slope σ(z) < 0.05: like a dead ReLU, but a small gradient remains, so it can come back slowly.`,
    sine: (count: number, hidden: number) =>
      `Sine units never die or saturate: their slope cos(z) swings back to ±1 every π. Units that turn back within the data (their z passes a peak of sin): ${count} of ${hidden}.`,
  } satisfies Record<ActivationName, (count: number, hidden: number) => string>,
  inspectorPlaying:
    'Step inspector: pause, then click a data point to follow it through one step of backprop.',
  inspectorPaused:
    'Step inspector: click a data point on the fit plot to see its forward pass and its share of the gradients.',
  inspectorHeading: (i: number, n: number, step: number) => `Point ${i} of ${n} at step ${step}`,
  inspectorOutput: 'output',
  inspectorError: 'error',
  inspectorCellKey: 'In each gradient cell:',
  inspectorShare: 'this point’s share',
  inspectorSum: (points: number) => `Σ over all ${points} points`,
  inspectorNextStep: '(the next Step adds lr × Σ)',
  inspectorMoved: 'how far the last Step moved it',
  inspectorUnit: 'unit',
  inspectorOut: 'out',
  inspectorBias: (b2: string) => `output bias b2 = ${b2}; its gradient gb2 is dz2 itself`,
  inspectorRowsListed: (shown: number, total: number) =>
    `${shown} of ${total} units listed: those whose w2·a1 matters most to this point.`,
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
  // Lesson and footer
  // The lesson line: what one hidden unit is, then what that means for this data (see src/app/lessonText.ts).
  lessonUnit: {
    none: 'None (identity): every hidden unit is a line, w2·(w1·x + b1), and a sum of lines is a line.',
    relu: 'ReLU: each hidden unit is a hinge, max(0, w1·x + b1): 0 on one side of its kink, a straight line on the other.',
    tanh: 'tanh: each hidden unit is a smooth step from −1 to 1, centred where w1·x + b1 = 0.',
    sigmoid: 'Sigmoid: each hidden unit is a smooth step from 0 to 1, centred where w1·x + b1 = 0.',
    'leaky-relu':
      'Leaky ReLU: each hidden unit is a hinge whose flat side keeps a slope of 0.01, max(0.01·z, z), so it never stops passing a gradient back.',
    elu: 'ELU: each hidden unit is a straight line on one side of its kink and, on the other, the curve e^z − 1, which levels off towards −1.',
    softplus:
      'Softplus: each hidden unit is a rounded hinge, ln(1 + e^z): near 0 on one side, near the line z on the other.',
    sine: 'Sine: each hidden unit is a wave, sin(w1·x + b1), rising and falling again every 2π/|w1| in x; it never flattens out.',
  } satisfies Record<ActivationName, string>,
  /** With no activation the network is a line: what that does to each kind of data. */
  lessonLine: {
    linear: 'This data is a line too, which is all it needs.',
    quadratic:
      'So the network cannot bend to fit x²: this is the tutorial’s underfitting experiment. Try ReLU.',
    sine: 'So the network cannot follow the rise and fall of sin(πx): at best it draws the best straight line through it. Try tanh or Sine.',
    abs: 'So the network cannot make the corner of |x|: at best it draws the best straight line through the V. Try ReLU.',
    step: 'So the network cannot jump from 0 to 1: at best it draws a tilted line through the step. Try Sigmoid.',
    cubic:
      'So the network cannot bend into the S of x³: at best it draws the best straight line through it. Try tanh.',
    custom:
      'So it fits your expression only as well as a straight line can: if its graph bends, the network underfits. Try ReLU.',
    own: 'So it fits your points only as well as a straight line can: if they do not lie on a line, the network underfits. Try ReLU.',
  } satisfies Record<DatasetName | 'own', string>,
  /** With an activation: what the units' sum can do with each kind of data. */
  lessonBends: {
    linear:
      'This data is a straight line, so no bend is needed: the units’ bends must cancel out, stay gentle or lie outside the data. With no activation the network is a line exactly.',
    quadratic: 'Added up (with b2), the units can bend the curve into the parabola x².',
    sine: 'Added up (with b2), the units can make the curve rise and fall with sin(πx).',
    abs: 'Added up (with b2), the units can make the V of |x|; none of them has a sharp corner, so the corner comes out slightly rounded.',
    step: 'No continuous curve can jump, but steep units can make the rise from 0 to 1 nearly sudden; points next to x = 0 keep some error.',
    cubic: 'Added up (with b2), the units can bend the curve into the S of x³.',
    custom:
      'Added up (with b2), the units can bend the curve to follow your expression, as closely as their number and the steps allow.',
    own: 'Added up (with b2), the units can bend the curve through your points; with many units and few points it can fit their noise too.',
  } satisfies Record<DatasetName | 'own', string>,
  lessonReluSquare:
    'The output adds the hinges up, so the curve can bend: this is how the tutorial’s network fits x².',
  lessonHingesAbs:
    'Two hinges make |x| exactly, one for each side of its corner: a network of hinges can fit it with no error but the noise.',
  lessonStepUnits:
    'One steep unit (large w1) is already nearly this step; no continuous curve can jump, so points next to x = 0 keep some error.',
  lessonSineSine:
    'sin(πx) is itself one sine unit, with w1 = π and b1 = 0: this network can fit it with no error but the noise.',
  lessonJoin: (unit: string, data: string) => `${unit} ${data}`,
  footer:
    'The network, its initialisation and its update are those of a numpy tutorial on backpropagation: weights Normal(0, 0.1), biases 0.1, summed gradients, w += lr · gw. Training runs in a Web Worker in float32.',
  workerSilent: 'The training worker stopped responding.',
  appLoadFailed:
    'The playground could not be loaded (you may be offline, or the site was updated since this page was opened).',
  reloadPage: 'Reload the page',
  plotsUnavailable:
    'The plots could not be loaded (you may be offline, or the site was updated since this page was opened). The network still trains.',
  workerFailed: (message: string) => `The training worker failed: ${message}`,
  workerStopped: (detail: string) => `The training worker stopped${detail ? `: ${detail}` : ''}.`,
  // Your own data
  editPoints: 'Edit points',
  deleteMode: 'Delete mode',
  clearData: 'Clear',
  regenerate: 'Regenerate',
  editHint: (deleting: boolean) =>
    `Click the plot to add a point, drag one to move it, Shift-click ${deleting ? 'or click ' : ''}to remove it.`,
  importCsv: 'Import CSV',
  exportCsv: 'Export CSV',
  testShare: 'Test share',
  testShareText: (percent: number) => `${percent} percent of points held out`,
  testShareHint: 'Held-out points (hollow) are not trained on; their loss is the test loss.',
  targetExpression: 'Target expression',
  expressionHint:
    'y = f(x), e.g. sin(3*x) + 0.5*x^2 · functions: sin, cos, exp, log, sqrt, abs, tanh…',
  dataImported: (file: string, count: number, rescaled: string) =>
    `${file}: ${count} point${count === 1 ? '' : 's'} imported.${rescaled ? ` ${rescaled}` : ''}`,
  dataFileError: (file: string, why: string) => `${file}: ${why}`,
  dataCleared: 'No data: click “Edit points” and click on the plot to add some, or Regenerate.',
  dataFull: (max: number) => `At most ${max} points.`,
  csvUnavailable:
    'CSV import and export could not be loaded (the site may have been updated since this page was opened): reload the page to use them. Nothing else has changed.',
  speedMax: 'Max',
  // Core's problems (bad CSV, expression, number, link, model file): one formatter per code in src/messages.
  problem: (problem: Problem) => formatEn(problem),
};

/** Every message, with the English literal types widened: what each language must supply. */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };
