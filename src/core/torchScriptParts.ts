/**
 * Pieces of the PyTorch script (torchScript): the activation as torch code, the network
 * built as torch.nn.Linear layers from the numpy draws, the optimizer made as the page's
 * options say, and the training options replayed from the run's history. Pure: strings.
 */
import type { ActivationName } from './activations';
import { ELU_ALPHA, LEAKY_SLOPE } from './activations';
import { layerViews, paramLayout } from './paramLayout';
import { py } from './numpyScriptData';
import type { Replay } from './numpyScriptData';
import type { OptionsChange } from './runHistory';
import {
  DEFAULT_TRAINING_OPTIONS,
  type OptimizerName,
  type TrainingOptions,
} from './trainingOptions';

/**
 * Each activation as torch computes it, matching core/activations: leaky ReLU's slope and
 * ELU's alpha are ours; torch's softplus returns z itself past z = 20, where ours rounds to
 * z in float32 as well; at z = 0 torch's derivatives are ours (relu 0, leaky relu the slope,
 * elu 1).
 */
const TORCH_ACTIVATIONS: Record<ActivationName, string> = {
  none: 'z  # no activation',
  relu: 'torch.relu(z)',
  tanh: 'torch.tanh(z)',
  sigmoid: 'torch.sigmoid(z)',
  'leaky-relu': `torch.nn.functional.leaky_relu(z, negative_slope=${py(LEAKY_SLOPE)})`,
  elu: `torch.nn.functional.elu(z, alpha=${py(ELU_ALPHA)})`,
  softplus: 'torch.nn.functional.softplus(z)',
  sine: 'torch.sin(z)',
};

/** `def activation(z)` for the run's choice. */
export function activationDef(activation: ActivationName): string[] {
  return ['def activation(z):', `    return ${TORCH_ACTIVATIONS[activation]}`];
}

/** A [rows][cols] row-major float32 array as a numpy literal, every value exact. */
function matrix(values: Float32Array, rows: number, cols: number): string {
  const row = (r: number) =>
    `[${Array.from(values.subarray(r * cols, (r + 1) * cols), py).join(', ')}]`;
  return `np.array([${Array.from({ length: rows }, (_, r) => row(r)).join(', ')}])`;
}

/** Loaded weights (flat, core/paramLayout) written over the drawn ones, as numpy [in, out] arrays. */
export function loadedWeightLines(layers: readonly number[], params: Float32Array): string[] {
  const layout = paramLayout(layers);
  const views = layerViews(layout, params);
  return layout.layers.flatMap((s, k) => [
    `drawn[${k}]["w"] = ${matrix(views[k]!.w, s.inDim, s.outDim)}`,
    `drawn[${k}]["b"] = ${matrix(views[k]!.b, 1, s.outDim)}`,
  ]);
}

/** Draws the layers with the numpy script's layer() (see numpyScriptNet), after the data's draws. */
export function drawLines(layers: readonly number[]): string[] {
  return [
    `sizes = [1, ${layers.join(', ')}, 1]  # the input, ${layers.length} hidden layer${layers.length > 1 ? 's' : ''}, the output`,
    'drawn = [layer(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:])]',
  ];
}

/** The drawn numpy weights as torch.nn.Linear layers (float32; Linear.weight is [out, in]). */
export const LINEAR_DEF = [
  'def linear(drawn_layer):  # torch.nn.Linear holding the drawn weights, float32',
  '    w, b = drawn_layer["w"], drawn_layer["b"]',
  '    lin = torch.nn.Linear(w.shape[0], w.shape[1])',
  '    with torch.no_grad():',
  '        lin.weight.copy_(tensor(w.T))  # [out, in]',
  '        lin.bias.copy_(tensor(b[0]))',
  '    return lin',
];

export const PREDICT_DEF = [
  'def predict(x):',
  '    a = x',
  '    for lin in layers[:-1]:',
  '        a = activation(lin(a))',
  '    return layers[-1](a)',
];

/** torch.optim's constructor for each choice, with its defaults (core/optimizers' rules). */
const OPTIMIZER_CALLS: Record<OptimizerName, string> = {
  sgd: 'torch.optim.SGD(groups, lr=lr)',
  momentum: 'torch.optim.SGD(groups, lr=lr, momentum=o["momentum"])',
  rmsprop: 'torch.optim.RMSprop(groups, lr=lr)  # alpha 0.99, eps 1e-8',
  adam: 'torch.optim.Adam(groups, lr=lr)  # betas (0.9, 0.999), eps 1e-8',
};

/** The options in force at the replay's start (the last change at or before it; none: the defaults). */
export function startOptions(replay: Replay): Readonly<TrainingOptions> {
  return (
    replay.options.filter((c) => c.step <= replay.start).at(-1)?.options ?? DEFAULT_TRAINING_OPTIONS
  );
}

/** The optimizers the run used from the replay's start, in the order it first used them. */
function optimizersUsed(replay: Replay): OptimizerName[] {
  const later = replay.options.filter((c) => c.step > replay.start);
  return [...new Set([startOptions(replay).optimizer, ...later.map((c) => c.options.optimizer)])];
}

/**
 * `def make_optimizer(o, lr)`: weight decay (L2) on the weights' group only, as the page
 * penalises weights, not biases; only the branches the run needs.
 */
export function optimizerDef(replay: Replay): string[] {
  const used = optimizersUsed(replay);
  const calls = used.map((name) => OPTIMIZER_CALLS[name]);
  const body =
    calls.length === 1
      ? [`    return ${calls[0]!}`]
      : used.flatMap((name, k) => [
          `    if o["optimizer"] == "${name}":`,
          `        return ${calls[k]!}`,
        ]);
  return [
    'def make_optimizer(o, lr):',
    '    groups = [  # L2 (weight decay) on the weights only, not the biases',
    '        {"params": [lin.weight for lin in layers], "weight_decay": o["l2"]},',
    '        {"params": [lin.bias for lin in layers], "weight_decay": 0.0},',
    '    ]',
    ...body,
  ];
}

/** The options as a Python dict literal. */
function optionsDict(o: Readonly<TrainingOptions>): string {
  const batch = o.batchSize === null ? 'None' : String(o.batchSize);
  return `{"batch": ${batch}, "reduction": "${o.reduction}", "optimizer": "${o.optimizer}", "momentum": ${py(o.momentum)}, "l1": ${py(o.l1)}, "l2": ${py(o.l2)}}`;
}

/** The options in force at the replay's start, and the changes the loop applies after it. */
export function optionsLines(replay: Replay): string[] {
  const later = replay.options.filter((c) => c.step > replay.start);
  const lines = [`o = ${optionsDict(startOptions(replay))}  # the page's training options`];
  if (later.length === 0) return lines;
  return [
    ...lines,
    '# The options changed during the run: from each step on, the page trained with these',
    '# (fresh: the optimizer started again from zero state; new_batches: a new batch order).',
    'option_changes = {',
    ...later.map(
      (c: OptionsChange) =>
        `    ${c.step}: (${optionsDict(c.options)}, ${c.freshOptimizer ? 'True' : 'False'}, ${c.newSchedule ? 'True' : 'False'}),`,
    ),
    '}',
  ];
}

/** Whether the loop has option changes to apply. */
export const optionsChangeLater = (replay: Replay) =>
  replay.options.some((c) => c.step > replay.start);

/** "sgd, sum, full batch" and the like, for the header. */
export function optionsSummary(o: Readonly<TrainingOptions>): string {
  const parts: string[] = [
    o.optimizer === 'momentum' ? `momentum ${py(o.momentum)}` : o.optimizer,
    `${o.reduction} loss`,
    o.batchSize === null ? 'full batch' : `batch ${o.batchSize}`,
  ];
  if (o.l1 > 0) parts.push(`L1 ${py(o.l1)}`);
  if (o.l2 > 0) parts.push(`L2 ${py(o.l2)}`);
  return parts.join(', ');
}

/** The Batches class: the page's batch schedule (core/batches), drawing from numpy's generator. */
export const BATCHES_DEF = [
  "class Batches:  # the page's batches: a new np.random.permutation(n) each epoch when b < n",
  '    def __init__(self, n, b):',
  '        self.n, self.b, self.left = n, b, []',
  '',
  '    def next(self):',
  '        if not self.left:  # a new epoch',
  '            order = np.random.permutation(self.n) if self.b < self.n else np.arange(self.n)',
  '            self.left = [order[k:k + self.b] for k in range(0, self.n, self.b)]',
  '        return self.left.pop(0)',
];
