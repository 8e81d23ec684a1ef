/**
 * "Copy as numpy script": a short Python program in the tutorial's own style (its
 * layer(), backprop() and activation functions; for deeper networks a list of layers and a
 * loop over backprop(), see numpyScriptNet) that replays a playground run from its seed. It
 * draws in the same order (np.random.seed, the noise of y, then each layer's weights from
 * the input, at the scale the run's initialisation gives), trains on the
 * points the run trained on (the learner's own written out, held-out points left out),
 * each from the step it came in, and applies each learning rate from the step it was
 * first used, so its printed losses are the playground's, to float32 precision. Where it
 * cannot be the run (see fidelityNotes), its first lines say so. Pure: returns a string.
 */
import type { ModelConfig } from './config';
import { linspace, targetFunction, type Dataset, type DatasetName } from './dataset';
import {
  column,
  dataSummary,
  fidelityNotes,
  firstDataLines,
  lastSegment,
  laterDataLines,
  loadedLines,
  py,
  rateLines,
  rateSummary,
  replayIsExact,
  replayOf,
  switchDataLine,
  switchRateLines,
  type Replay,
} from './numpyScriptData';
import { ACTIVATION_DEFS, networkCode, weightLines } from './numpyScriptNet';
import {
  batchLines,
  optionsDefs,
  optionsExact,
  optionsNotes,
  optionsSetupLines,
  optionsSummary,
  switchOptionsLines,
  usesOptions,
} from './numpyScriptOptions';
import type { RunRecord } from './runHistory';

export interface ScriptRun {
  config: ModelConfig;
  /** The learning rate when the run has taken no step yet (after that, the history's). */
  learningRate: number;
  /** Steps to train (the playground's current step, or a preset's count). */
  steps: number;
  /** Shown in the header, e.g. a preset's name. */
  title?: string;
  /**
   * The learner's own points, trained on from step 0 (a shorthand for a history of one
   * set). The generated data's draws are still made, so the weights match.
   */
  data?: Dataset;
  /**
   * What the run trained with, step by step (TrainingRun.history, or its page-side copy):
   * its points and learning rates with the steps they came in, and loaded weights.
   */
  history?: RunRecord;
  /** Step at which the run diverged on the page, or null. */
  divergedAt?: number | null;
}

/** Steps between printed losses, as the tutorial's `if i % 10 == 0`. */
export const PRINT_EVERY = 10;

/** The built-in targets in numpy; a custom expression is written as its values (see targetLine). */
const TARGET_EXPR: Record<Exclude<DatasetName, 'custom'>, string> = {
  linear: 'x',
  quadratic: 'x ** 2',
  sine: 'np.sin(np.pi * x)',
  abs: 'np.abs(x)',
  step: 'np.where(x >= 0, 1.0, 0.0)',
  cubic: 'x ** 3',
};

/**
 * The noiseless target at the data's x. A custom expression is our own grammar, not
 * Python: its values (float64, as the playground computes them) are written instead.
 */
function targetLine(config: ModelConfig): string[] {
  if (config.dataset !== 'custom') return [`f = ${TARGET_EXPR[config.dataset]}`];
  const f = targetFunction(config);
  return [
    `# f(x) = ${config.expression ?? ''}, evaluated at each x by the playground:`,
    `f = ${column(Array.from(linspace(-1, 1, config.points), f))}`,
  ];
}

/** The held-out points' split, defined only when some are held out. */
const SPLIT_DEF = `def split(x, y, held_out):  # the page's split: held-out points are tested, not trained on
    test = np.zeros(len(x), dtype=bool)
    test[held_out] = True
    return x[~test], y[~test], x[test], y[test]`;

/** The script for a run, and whether it replays the run exactly (see fidelityNotes). */
export function numpyScriptOf(run: ScriptRun): { script: string; exact: boolean } {
  const { parts, exact } = numpyScriptParts(run);
  const lines = [
    ...parts.title,
    parts.settings,
    "# The same run in the tutorial's own numpy code: same seed, same draws in the same",
    "# order, so it prints the playground's losses (float32 there, float64 here: they",
    '# agree to about six significant digits).',
    ...parts.notes,
    'import numpy as np',
    '',
    '',
    ...parts.body,
    '',
    ...parts.plot,
    '',
  ];
  return { script: lines.join('\n'), exact };
}

export function numpyScript(run: ScriptRun): string {
  return numpyScriptOf(run).script;
}

/**
 * A run's script in pieces, for the single script and for a comparison's (compareScript),
 * which holds each run's body as a function: the body neither imports nor plots, and
 * names the final losses' expressions so a caller can return them.
 */
export interface ScriptParts {
  /** Comment lines naming the script. */
  title: string[];
  /** The data the run trains on, as the header says it (`quadratic data, N=30, noise 0.2, seed 0`). */
  data: string;
  /** One comment line: the run's settings, data included. */
  settings: string;
  /** Comment lines on how the script relates to the page's run (none when it simply is it). */
  notes: string[];
  /** The definitions, the data, the training loop and the final prints: everything after the import. */
  body: string[];
  /** Python expressions, valid after the body: the final training loss (null: no points trained on) and test loss (null: none held out). */
  loss: string | null;
  testLoss: string | null;
  /** The body's arrays for a plot: the points trained on and the fit at them. */
  arrays: { x: string; y: string; fit: string };
  /** The optional matplotlib plot of the fit. */
  plot: string[];
}

/** A run's script in pieces (see ScriptParts), and whether it replays the run exactly. */
export function numpyScriptParts(run: ScriptRun): { parts: ScriptParts; exact: boolean } {
  const replay = replayOf(run.config, run.learningRate, run.history, run.data);
  const exact = replayIsExact(replay) && (!usesOptions(replay) || optionsExact(replay));
  return { parts: scriptParts(run, replay), exact };
}

/** The tutorial's backprop(): the plain update, for a run with the default options throughout. */
const PLAIN_BACKPROP = [
  'def backprop(dz, layer, layer_in, learning_rate=0.01):',
  '    gw = layer_in.T.dot(dz)',
  '    gb = np.sum(dz, axis=0, keepdims=True)',
  '    new_dz = dz.dot(layer["w"].T)',
  '    layer["w"] += learning_rate * gw',
  '    layer["b"] += learning_rate * gb',
  '    return new_dz',
];

/** Said when the run on screen diverged: the script replays the blow-up too. */
function divergedNote(divergedAt: number | null | undefined): string[] {
  if (divergedAt === null || divergedAt === undefined) return [];
  return [
    `# On the page this run diverged at step ${divergedAt} and kept its last good weights; the`,
    '# script replays the blow-up too: its losses grow huge, or become inf or nan (numpy then',
    '# warns of an overflow).',
  ];
}

function scriptParts({ config, steps, title, divergedAt }: ScriptRun, replay: Replay): ScriptParts {
  const { noise, seed, activation, init } = config;
  const withOptions = usesOptions(replay);
  const net = networkCode(config);
  // With options a step trains on its batch; the whole set's loss is printed at the end.
  const step = withOptions ? networkCode(config, { x: 'x_batch', y: 'y_batch' }) : net;
  const linear = activation === 'none';
  const last = lastSegment(replay);
  const switchesAtEnd = last.step === steps && replay.segments.length > 1;
  // The tutorial's own initialisation goes unsaid, as in the tutorial.
  const initNote = init === 'tutorial' ? '' : `, init ${init}`;
  const data = `${dataSummary(config, replay)}, noise ${py(noise)}, seed ${seed}`;
  const settings = `${data}, 1 -> ${config.layers.join(' -> ')} -> 1, activation ${activation}${initNote}, ${rateSummary(replay)}${withOptions ? `, ${optionsSummary(replay)}` : ''}, ${steps} steps`;
  const loss = last.trained > 0 ? `np.mean(np.square(${net.out} - y))` : null;
  const testLoss =
    last.heldOut.length > 0 ? `np.mean(np.square(predict(x_test, ${net.args})[2] - y_test))` : null;
  const body = [
    ...net.layerDef,
    '',
    '',
    ...(linear ? [] : [ACTIVATION_DEFS[activation], '', '']),
    ...(withOptions ? optionsDefs(replay) : PLAIN_BACKPROP),
    '',
    '',
    ...net.predictDef,
    '',
    '',
    ...(replay.anyHeldOut ? [SPLIT_DEF, '', ''] : []),
    `np.random.seed(${seed})`,
    ...firstDataLines(config, replay, targetLine(config)),
    ...net.build,
    ...loadedLines(replay, (params) => weightLines(config.layers, params)),
    ...laterDataLines(replay),
    '',
    ...rateLines(replay),
    ...(withOptions ? optionsSetupLines(replay, net.layers) : []),
    `steps = ${steps}`,
    `for i in range(${replay.start === 0 ? 'steps' : `${replay.start}, steps`}):`,
    ...switchRateLines(replay, '    '),
    ...switchDataLine(replay, 'i', '    '),
    ...(withOptions && replay.segments.length > 1
      ? ['        perm = None  # new points: a new batch order']
      : []),
    ...(withOptions ? switchOptionsLines(replay, net.layers, '    ') : []),
    ...(withOptions ? batchLines('    ') : []),
    `    ${step.forward}`,
    `    if i % ${PRINT_EVERY} == 0:`,
    withOptions
      ? `        average_cost = np.mean(np.square(${net.out} - y_batch))  # on the step's batch, before its update`
      : `        average_cost = np.mean(np.square(${net.out} - y))`,
    '        print(average_cost)',
    ...(withOptions ? ["    t += 1  # this step is the optimizer's t-th"] : []),
    ...step.backward.map((line) => `    ${line}`),
    '',
    ...(switchesAtEnd ? switchDataLine(replay, 'steps', '') : []),
    net.forward,
    loss !== null
      ? `print("loss after", steps, "steps:", ${loss})`
      : 'print("loss after", steps, "steps: no points to train on")',
    ...(testLoss !== null ? [`print("test loss after", steps, "steps:", ${testLoss})`] : []),
  ];
  const plot = [
    'try:  # optional: draw the fit as the tutorial does',
    '    from matplotlib import pyplot as plt',
    'except ImportError:',
    '    plt = None',
    'if plt is not None:',
    '    order = np.argsort(x.ravel())  # own points need not be sorted',
    '    plt.scatter(x.ravel(), y.ravel())',
    `    plt.plot(x.ravel()[order], ${net.out}.ravel()[order], color="tab:orange")`,
    '    plt.show()',
  ];
  return {
    title: [`# Backprop Playground${title ? `: ${title}` : ''}`],
    data,
    settings: `# ${settings}.`,
    notes: [
      ...fidelityNotes(replay),
      ...(withOptions ? optionsNotes(replay) : []),
      ...divergedNote(divergedAt),
    ],
    body,
    loss,
    testLoss,
    arrays: { x: 'x', y: 'y', fit: net.out },
    plot,
  };
}
