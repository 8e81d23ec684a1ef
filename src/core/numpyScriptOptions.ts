/**
 * The training options part of the numpy script (issue #20): a run that used options other
 * than the tutorial's gets a backprop() that hands the loss's gradient to an optimizer
 * function (one per rule it used, torch.optim's), the options in force from each step, and
 * a loop that takes each step's batch from a permutation drawn at every epoch's start, as
 * core/learning, batches and optimizers do. A run with the default options throughout
 * gets none of it: the tutorial's script. Pure.
 */
import type { Replay } from './numpyScriptData';
import { py } from './numpyScriptData';
import type { OptionsChange } from './runHistory';
import {
  DEFAULT_TRAINING_OPTIONS,
  type OptimizerName,
  type TrainingOptions,
} from './trainingOptions';

/** Whether options are the tutorial's for every set of points the run trained on (Learning.isDefault). */
function isDefault(options: Readonly<TrainingOptions>, replay: Replay): boolean {
  // The full batch for every set of points trained on.
  const largest = Math.max(...replay.segments.map((s) => s.trained));
  const fullBatch = options.batchSize === null || options.batchSize >= largest;
  return (
    fullBatch &&
    options.reduction === 'sum' &&
    options.optimizer === 'sgd' &&
    options.l1 === 0 &&
    options.l2 === 0
  );
}

/** Whether the script needs the options' code: some change set options other than the tutorial's. */
export function usesOptions(replay: Replay): boolean {
  return replay.options.some((o) => !isDefault(o.options, replay));
}

/** The options in force at the replay's first step, and the changes after it. */
function optionsTimeline(replay: Replay): {
  first: Readonly<TrainingOptions>;
  later: OptionsChange[];
} {
  const at = replay.options.filter((o) => o.step <= replay.start).at(-1);
  return {
    first: at?.options ?? DEFAULT_TRAINING_OPTIONS,
    later: replay.options.filter((o) => o.step > replay.start),
  };
}

function optimizersUsed(replay: Replay): Set<OptimizerName> {
  const { first, later } = optionsTimeline(replay);
  return new Set([first, ...later.map((o) => o.options)].map((o) => o.optimizer));
}

/** The options as a Python dict literal. */
function optionsDict(o: Readonly<TrainingOptions>): string {
  const batch = o.batchSize === null ? 'None' : String(o.batchSize);
  return `dict(batch_size=${batch}, reduction="${o.reduction}", optimizer="${o.optimizer}", momentum=${py(o.momentum)}, l1=${py(o.l1)}, l2=${py(o.l2)})`;
}

/** "adam, B=7, mean, l2 0.001": the options in a few words, for the header. */
function optionsWords(o: Readonly<TrainingOptions>): string {
  const words: string[] = [o.optimizer === 'momentum' ? `momentum ${py(o.momentum)}` : o.optimizer];
  words.push(o.batchSize === null ? 'full batch' : `B=${o.batchSize}`, o.reduction);
  if (o.l1 !== 0) words.push(`l1 ${py(o.l1)}`);
  if (o.l2 !== 0) words.push(`l2 ${py(o.l2)}`);
  return words.join(' ');
}

/** What the header says about the options: "adam B=7 mean" or "sgd full batch sum, adam B=7 sum from step 20". */
export function optionsSummary(replay: Replay): string {
  const { first, later } = optionsTimeline(replay);
  return [
    optionsWords(first),
    ...later.map((o) => `${optionsWords(o.options)} from step ${o.step}`),
  ].join(', ');
}

/** Each rule as torch.optim applies it, with its default hyper-parameters. */
const OPTIMIZER_DEFS: Record<OptimizerName, string[]> = {
  sgd: [
    "def sgd(p, g, state, learning_rate):  # plain gradient descent: the tutorial's update",
    '    p -= learning_rate * g',
  ],
  momentum: [
    'def momentum(p, g, state, learning_rate):  # v = m v + g, then a step along v',
    '    state["first"] = options["momentum"] * state["first"] + g',
    '    p -= learning_rate * state["first"]',
  ],
  rmsprop: [
    'def rmsprop(p, g, state, learning_rate):  # s = 0.99 s + 0.01 g^2: each step divided by its recent size',
    '    state["second"] = 0.99 * state["second"] + (1 - 0.99) * g * g',
    '    p -= learning_rate * g / (np.sqrt(state["second"]) + 1e-8)',
  ],
  adam: [
    'def adam(p, g, state, learning_rate):  # both moments, corrected for their start at zero (t: the step count)',
    '    state["first"] = 0.9 * state["first"] + (1 - 0.9) * g',
    '    state["second"] = 0.999 * state["second"] + (1 - 0.999) * g * g',
    '    step_size = learning_rate / (1 - 0.9**t)',
    '    p -= step_size * state["first"] / (np.sqrt(state["second"]) / np.sqrt(1 - 0.999**t) + 1e-8)',
  ],
};

/** The optimizer functions the run used, and backprop() handing them the loss's gradient. */
export function optionsDefs(replay: Replay): string[] {
  const used = optimizersUsed(replay);
  const rules = (Object.keys(OPTIMIZER_DEFS) as OptimizerName[]).filter((name) => used.has(name));
  return [
    ...rules.flatMap((name) => [...OPTIMIZER_DEFS[name], '', '']),
    `OPTIMIZERS = {${rules.map((name) => `"${name}": ${name}`).join(', ')}}`,
    '',
    '',
    "def fresh_state(layers):  # the optimizer's state: zero moments for every parameter array",
    '    for layer in layers:',
    '        layer["state"] = {k: {"first": np.zeros_like(layer[k]), "second": np.zeros_like(layer[k])} for k in ("w", "b")}',
    '',
    '',
    'def backprop(dz, layer, layer_in, learning_rate=0.01):',
    '    gw = layer_in.T.dot(dz)',
    '    gb = np.sum(dz, axis=0, keepdims=True)',
    '    new_dz = dz.dot(layer["w"].T)',
    "    # The loss's gradient g is minus the tutorial's gw, gb; divided by the batch's size under \"mean\".",
    '    scale = 1 / len(dz) if options["reduction"] == "mean" else 1',
    '    g_w = -gw * scale',
    '    g_b = -gb * scale',
    '    if options["l1"]:  # L1 and L2 on the weights only, not the biases',
    '        g_w = g_w + options["l1"] * np.sign(layer["w"])',
    '    if options["l2"]:',
    '        g_w = g_w + options["l2"] * layer["w"]',
    '    update = OPTIMIZERS[options["optimizer"]]',
    '    update(layer["w"], g_w, layer["state"]["w"], learning_rate)',
    '    update(layer["b"], g_b, layer["state"]["b"], learning_rate)',
    '    return new_dz',
  ];
}

/** Before the loop: the options in force at its first step and the later changes, the optimizer's state, the batch order. */
export function optionsSetupLines(replay: Replay, layers: string): string[] {
  const { first, later } = optionsTimeline(replay);
  const lines = [
    '# How the run learned: batch size (None: all the points), gradient reduction, optimizer, L1/L2.',
    `options = ${optionsDict(first)}`,
  ];
  if (later.length > 0)
    lines.push(
      '# The options changed during the run: from each step on, these options, whether the',
      "# optimizer's state started afresh there, and whether a new batch order started there.",
      'option_changes = {',
      ...later.map(
        (o) =>
          `    ${o.step}: (${optionsDict(o.options)}, ${o.freshOptimizer ? 'True' : 'False'}, ${o.newSchedule ? 'True' : 'False'}),`,
      ),
      '}',
    );
  lines.push(
    `fresh_state(${layers})`,
    "t = 0  # steps the optimizer has taken (Adam's t counts from 1)",
    "perm = None  # the epoch's permutation of the points (drawn when an epoch starts)",
    'at = 0  # where the next batch starts in it',
  );
  return lines;
}

/** In the loop, after the points are switched: the options changes of step i (none: no lines). */
export function switchOptionsLines(replay: Replay, layers: string, indent: string): string[] {
  if (optionsTimeline(replay).later.length === 0) return [];
  return [
    'if i in option_changes:',
    '    options, fresh_optimizer, new_order = option_changes[i]',
    '    if fresh_optimizer:',
    `        fresh_state(${layers})`,
    '        t = 0',
    '    if new_order:',
    '        perm = None',
  ].map((line) => indent + line);
}

/** In the loop: the step's batch into x_batch, y_batch, as core/batches takes it. */
export function batchLines(indent: string): string[] {
  return [
    'n = len(x)',
    'b = n if options["batch_size"] is None else min(options["batch_size"], n)',
    'if b < n:',
    '    if perm is None or at >= n:  # an epoch starts: a new order, drawn after the weights',
    '        perm = np.random.permutation(n)',
    '        at = 0',
    '    batch = perm[at:at + b]  # consecutive slices, the last one possibly smaller',
    '    at += b',
    '    x_batch, y_batch = x[batch], y[batch]',
    'else:  # the full batch: every point, in order, nothing drawn',
    '    x_batch, y_batch = x, y',
  ].map((line) => indent + line);
}

/** Where the options make the script differ from the page's run. */
export function optionsNotes(replay: Replay): string[] {
  const notes: string[] = [];
  const { first, later } = optionsTimeline(replay);
  const anyMiniBatch = [first, ...later.map((o) => o.options)].some(
    (o) => o.batchSize !== null && replay.segments.some((s) => o.batchSize! < s.trained),
  );
  if (replay.loaded && !replay.loaded.freshGenerator && anyMiniBatch)
    notes.push(
      "# NOT exactly the page's run: before the weights were loaded the page had drawn batch orders",
      "# this script does not know, so its batches after them may differ from the page's.",
    );
  const rescued = replay.options.filter((o) => o.rescued);
  if (rescued.length > 0)
    notes.push(
      `# NOT exactly the page's run from step ${rescued[0]!.step} on: a rescue there went back past a`,
      "# change of the options or points, and the page kept the optimizer's state and batch order",
      '# from that change, which this script cannot rebuild; from there its losses may differ.',
    );
  return notes;
}

/** Whether the options let the script be the page's run. */
export function optionsExact(replay: Replay): boolean {
  return optionsNotes(replay).length === 0;
}
