/**
 * "Copy as PyTorch script": a Python program that replays a playground run in PyTorch. It
 * draws what the numpy script draws, in the same order (np.random.seed, the noise of y,
 * then each layer's weights at the run's initialisation), puts the weights into float32
 * torch.nn.Linear layers, and trains them with torch.optim (SGD, SGD with momentum,
 * RMSprop, Adam, their defaults), L2 as weight decay on the weights, L1 added to the loss,
 * the page's reduction and its mini-batches (the same np.random.permutation draws), with
 * the learning rates, points and options of the run's history from the steps they came
 * in. So it prints the losses the page recorded (each step's batch MSE before its update),
 * to float32 rounding. Pure: returns a string.
 */
import { optionsExact, optionsNotes } from './numpyScriptOptions';
import type { ModelConfig } from './config';
import { linspace, targetFunction, type DatasetName } from './dataset';
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
  type Replay,
} from './numpyScriptData';
import { networkCode } from './numpyScriptNet';
import {
  keepVelocityLines,
  raiseMomentumLines,
  raisesMomentumFromZero,
} from './torchScriptMomentum';
import { PRINT_EVERY, type ScriptRun } from './numpyScript';
import {
  activationDef,
  BATCHES_DEF,
  drawLines,
  LINEAR_DEF,
  loadedWeightLines,
  optimizerDef,
  optionsChangeLater,
  optionsLines,
  optionsSummary,
  PREDICT_DEF,
  startOptions,
} from './torchScriptParts';

/** The built-in targets in numpy (a custom expression is written as its values). */
const TARGET_EXPR: Record<Exclude<DatasetName, 'custom'>, string> = {
  linear: 'x',
  quadratic: 'x ** 2',
  sine: 'np.sin(np.pi * x)',
  abs: 'np.abs(x)',
  step: 'np.where(x >= 0, 1.0, 0.0)',
  cubic: 'x ** 3',
};

function targetLines(config: ModelConfig): string[] {
  if (config.dataset !== 'custom') return [`f = ${TARGET_EXPR[config.dataset]}`];
  const f = targetFunction(config);
  return [
    `# f(x) = ${config.expression ?? ''}, evaluated at each x by the playground:`,
    `f = ${column(Array.from(linspace(-1, 1, config.points), f))}`,
  ];
}

const SPLIT_DEF = [
  "def split(x, y, held_out):  # the page's split: held-out points are tested, not trained on",
  '    test = np.zeros(len(x), dtype=bool)',
  '    test[held_out] = True',
  '    return x[~test], y[~test], x[test], y[test]',
];

/** Where the script cannot be the page's run, beyond what the numpy script says. */
function torchNotes(replay: Replay): string[] {
  const notes = [
    '# Float32 in PyTorch as on the page, but sums taken in another order: the losses agree to',
    '# about five significant digits. The page sets a weight below 2**-50 to exactly 0; torch',
    '# keeps it (which matters only to L1, whose sign(0) is 0 in both).',
  ];
  // Batch orders drawn before loaded weights, rescues past an options change: as the numpy script says.
  return [...notes, ...optionsNotes(replay)];
}

/** The script for a run, and whether it replays the run exactly (up to float32 rounding). */
export function torchScriptOf(run: ScriptRun): { script: string; exact: boolean } {
  const replay = replayOf(run.config, run.learningRate, run.history, run.data);
  return {
    script: scriptText(run, replay),
    exact: replayIsExact(replay) && optionsExact(replay),
  };
}

export function torchScript(run: ScriptRun): string {
  return torchScriptOf(run).script;
}

/** The loop's switches at step i: rate, points, options. */
function switchLines(replay: Replay): string[] {
  const lines: string[] = [];
  if (replay.rates.length > 1)
    lines.push('    if i in learning_rates:', '        learning_rate = learning_rates[i]');
  if (replay.segments.length > 1) {
    const target = replay.anyHeldOut ? 'x, y, x_test, y_test' : 'x, y';
    lines.push(
      '    if i in point_changes:  # new points: a new batch order for the new N',
      `        ${target} = map(tensor, point_changes[i])`,
      '        batches = None',
    );
  }
  if (optionsChangeLater(replay))
    lines.push(
      '    if i in option_changes:',
      '        o, fresh, new_batches = option_changes[i]',
      '        if fresh:',
      '            optimizer = make_optimizer(o, learning_rate)',
      ...(raisesMomentumFromZero(replay) ? ['            velocity = None'] : []),
      '        if new_batches:',
      '            batches = None',
    );
  if (replay.rates.length > 1 || optionsChangeLater(replay))
    lines.push(
      '    for group in optimizer.param_groups:  # the rate and options now in force',
      '        group["lr"] = learning_rate',
      '        if "momentum" in group and o["optimizer"] == "momentum":',
      '            group["momentum"] = o["momentum"]',
      '    optimizer.param_groups[0]["weight_decay"] = o["l2"]',
      ...(raisesMomentumFromZero(replay) ? raiseMomentumLines : []),
    );
  return lines;
}

/** Said when the run on screen diverged: the script replays the blow-up too. */
function divergedNote(divergedAt: number | null | undefined): string[] {
  if (divergedAt === null || divergedAt === undefined) return [];
  return [
    `# On the page this run diverged at step ${divergedAt} and kept its last good weights; the`,
    '# script replays the blow-up too: its losses grow huge, or become inf or nan.',
  ];
}

function scriptText(run: ScriptRun, replay: Replay): string {
  const { config, steps, title } = run;
  const { noise, seed, activation, init } = config;
  const last = lastSegment(replay);
  const initNote = init === 'tutorial' ? '' : `, init ${init}`;
  const settings = `${dataSummary(config, replay)}, noise ${py(noise)}, seed ${seed}, 1 -> ${config.layers.join(' -> ')} -> 1, activation ${activation}${initNote}, ${rateSummary(replay)}, ${optionsSummary(startOptions(replay))}${optionsChangeLater(replay) ? ' (changed during the run)' : ''}, ${steps} steps`;
  const tensors = replay.anyHeldOut ? 'x, y, x_test, y_test' : 'x, y';
  const lines = [
    `# Backprop Playground: ${title ?? 'PyTorch'}`,
    `# ${settings}.`,
    '# The same run in PyTorch: the same seed and numpy draws in the same order (data, weights,',
    "# batch orders), torch.nn.Linear layers and torch.optim, so it prints the playground's losses.",
    ...torchNotes(replay),
    ...fidelityNotes(replay),
    ...divergedNote(run.divergedAt),
    'import numpy as np',
    'import torch',
    '',
    '',
    'def tensor(a):',
    '    return torch.tensor(a, dtype=torch.float32)',
    '',
    '',
    ...networkCode(config).layerDef,
    '',
    '',
    ...LINEAR_DEF,
    '',
    '',
    ...activationDef(activation),
    '',
    '',
    ...PREDICT_DEF,
    '',
    '',
    ...optimizerDef(replay),
    '',
    '',
    ...BATCHES_DEF,
    '',
    '',
    ...(replay.anyHeldOut ? [...SPLIT_DEF, '', ''] : []),
    `np.random.seed(${seed})`,
    ...firstDataLines(config, replay, targetLines(config)),
    ...drawLines(config.layers),
    ...loadedLines(replay, (params) => loadedWeightLines(config.layers, params)),
    'layers = [linear(d) for d in drawn]',
    `${tensors} = map(tensor, (${tensors}))`,
    ...laterDataLines(replay),
    '',
    ...rateLines(replay),
    ...optionsLines(replay),
    'optimizer = make_optimizer(o, learning_rate)',
    'batches = None  # made at the first step that needs one',
    ...(raisesMomentumFromZero(replay) ? ['velocity = None'] : []),
    `steps = ${steps}`,
    `for i in range(${replay.start === 0 ? 'steps' : `${replay.start}, steps`}):`,
    ...switchLines(replay),
    '    n = len(x)',
    '    b = n if o["batch"] is None else min(o["batch"], n)',
    '    if b == n and o["reduction"] == "sum" and o["optimizer"] == "sgd" and o["l1"] == 0 and o["l2"] == 0:',
    "        xb, yb = x, y  # the tutorial's step: all the points, no batch order drawn",
    '    else:',
    '        if batches is None:',
    '            batches = Batches(n, b)',
    '        idx = torch.from_numpy(batches.next())',
    '        xb, yb = x[idx], y[idx]',
    '    out = predict(xb)',
    '    squares = (out - yb) ** 2',
    `    if i % ${PRINT_EVERY} == 0:`,
    "        print(squares.mean().item())  # the batch's MSE before the update, as the page records it",
    '    loss = squares.sum() if o["reduction"] == "sum" else squares.sum() / len(xb)',
    '    if o["l1"] > 0:  # L1 on the weights only',
    '        loss = loss + o["l1"] * sum(lin.weight.abs().sum() for lin in layers)',
    '    optimizer.zero_grad()',
    '    loss.backward()',
    ...(raisesMomentumFromZero(replay) ? keepVelocityLines : []),
    '    optimizer.step()',
    '',
    ...(last.step === steps && replay.segments.length > 1
      ? [
          'if steps in point_changes:',
          `    ${replay.anyHeldOut ? 'x, y, x_test, y_test' : 'x, y'} = map(tensor, point_changes[steps])`,
        ]
      : []),
    'with torch.no_grad():',
    last.trained > 0
      ? '    print("loss after", steps, "steps:", ((predict(x) - y) ** 2).mean().item())'
      : '    print("loss after", steps, "steps: no points to train on")',
    ...(last.heldOut.length > 0
      ? [
          '    print("test loss after", steps, "steps:", ((predict(x_test) - y_test) ** 2).mean().item())',
        ]
      : []),
    '',
  ];
  return lines.join('\n');
}
