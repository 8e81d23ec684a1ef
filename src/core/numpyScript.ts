/**
 * "Copy as numpy script": a short Python program in the tutorial's own style (its
 * layer(), backprop() and activation functions) that replays a playground run from its
 * seed. It draws in the same order (np.random.seed, noise of y, w1, w2), so its printed
 * losses are the playground's, to float32 precision. Pure: returns a string.
 */
import type { ActivationName } from './activations';
import type { ModelConfig } from './config';
import { linspace, targetFunction, type Dataset, type DatasetName } from './dataset';

export interface ScriptRun {
  config: ModelConfig;
  learningRate: number;
  /** Steps to train (the playground's current step, or a preset's count). */
  steps: number;
  /** Shown in the header, e.g. a preset's name. */
  title?: string;
  /**
   * The points trained on when they are the learner's own (edited, imported, split):
   * written out literally. The generated data's draws are still made, so the weights match.
   */
  data?: Dataset;
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

/** The tutorial's activation and derivative for each choice (none: the identity, no derivative). */
const ACTIVATION_DEFS: Record<Exclude<ActivationName, 'none'>, string> = {
  relu: `def relu(x):
    return np.maximum(0, x)


def relu_derivative(x):  # derivative
    return np.where(x > 0, np.ones_like(x), np.zeros_like(x))`,
  tanh: `def tanh(x):
    return np.tanh(x)


def tanh_derivative(x):  # derivative
    return 1 - np.square(np.tanh(x))`,
  sigmoid: `def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):  # derivative
    o = sigmoid(x)
    return o * (1 - o)`,
  'leaky-relu': `def leaky_relu(x):
    return np.where(x > 0, x, 0.01 * x)


def leaky_relu_derivative(x):  # derivative
    return np.where(x > 0, 1.0, 0.01)`,
  elu: `def elu(x):
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))  # minimum: no overflow warning


def elu_derivative(x):  # derivative
    return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0)))`,
  softplus: `def softplus(x):
    return np.logaddexp(0, x)  # ln(1 + e^x) without overflow


def softplus_derivative(x):  # derivative: the sigmoid
    return 1 / (1 + np.exp(-x))`,
  sine: `def sine(x):
    return np.sin(x)


def sine_derivative(x):  # derivative
    return np.cos(x)`,
};

/** Python name of an activation's functions. */
const pyName = (activation: ActivationName) => activation.replace('-', '_');

/** A float array literal, shape [n, 1], every value exact. */
function column(values: ArrayLike<number>): string {
  return `np.array([${Array.from(values, (v) => py(v)).join(', ')}])[:, None]`;
}

/**
 * The noiseless target at the data's x. A custom expression is our own grammar, not
 * Python: its values (float64, as the playground computes them) are written instead.
 */
function targetLine(config: ModelConfig): string[] {
  if (config.dataset !== 'custom') return [`f = ${TARGET_EXPR[config.dataset]}`];
  const f = targetFunction(config);
  return [`# f(x) = ${config.expression ?? ''}, evaluated at each x by the playground:`, `f = ${column(Array.from(linspace(-1, 1, config.points), f))}`];
}

/** A number as Python reads it back exactly (JS's shortest round-trip form is valid Python). */
function py(value: number): string {
  return String(value);
}

export function numpyScript({ config, learningRate, steps, title, data }: ScriptRun): string {
  const { dataset, points: n, noise, seed, hidden: h, activation } = config;
  const linear = activation === 'none';
  const act = linear ? 'o1  # no activation' : `${pyName(activation)}(o1)`;
  const dataLines = data
    ? [
        `_ = np.random.normal(loc=0, scale=${py(noise)}, size=[${n}, 1])  # the generated data's draws: same weights as the playground`,
        `# The learner's own ${data.x.length} points:`,
        `x = ${column(data.x)}`,
        `y = ${column(data.y)}`,
      ]
    : [
        `x = np.linspace(-1, 1, ${n})[:, None]  # shape [${n}, 1]`,
        ...targetLine(config),
        `y = np.random.normal(loc=0, scale=${py(noise)}, size=[${n}, 1]) + f  # shape [${n}, 1]`,
      ];
  const settings = `${data ? 'own' : dataset} data, N=${n}, noise ${py(noise)}, seed ${seed}, 1 -> ${h} -> 1, activation ${activation}, lr ${py(learningRate)}, ${steps} steps`;
  const lines = [
    `# Backprop Playground${title ? `: ${title}` : ''}`,
    `# ${settings}.`,
    '# The same run in the tutorial\'s own numpy code: same seed, same draws in the same',
    '# order, so it prints the playground\'s losses (float32 there, float64 here: they',
    '# agree to about six significant digits).',
    'import numpy as np',
    '',
    '',
    'def layer(in_dim, out_dim):',
    '    weights = np.random.normal(loc=0, scale=0.1, size=[in_dim, out_dim])',
    '    bias = np.full([1, out_dim], 0.1)',
    '    return {"w": weights, "b": bias}',
    '',
    '',
    ...(linear ? [] : [ACTIVATION_DEFS[activation], '', '']),
    'def backprop(dz, layer, layer_in, learning_rate=0.01):',
    '    gw = layer_in.T.dot(dz)',
    '    gb = np.sum(dz, axis=0, keepdims=True)',
    '    new_dz = dz.dot(layer["w"].T)',
    '    layer["w"] += learning_rate * gw',
    '    layer["b"] += learning_rate * gb',
    '    return new_dz',
    '',
    '',
    'def predict(x, l1, l2):',
    '    o1 = x.dot(l1["w"]) + l1["b"]',
    `    a1 = ${act}`,
    '    o2 = a1.dot(l2["w"]) + l2["b"]',
    '    return [o1, a1, o2]',
    '',
    '',
    `np.random.seed(${seed})`,
    ...dataLines,
    `l1 = layer(1, ${h})`,
    `l2 = layer(${h}, 1)`,
    '',
    `learning_rate = ${py(learningRate)}`,
    `steps = ${steps}`,
    'for i in range(steps):',
    '    o1, a1, o2 = predict(x, l1, l2)',
    `    if i % ${PRINT_EVERY} == 0:`,
    '        average_cost = np.mean(np.square(o2 - y))',
    '        print(average_cost)',
    '    dz2 = -2 * (o2 - y)  # derivative of (o2 - y)**2',
    '    dz1 = backprop(dz2, l2, a1, learning_rate)',
    ...(linear ? [] : [`    dz1 *= ${pyName(activation)}_derivative(o1)`]),
    '    _ = backprop(dz1, l1, x, learning_rate)',
    '',
    'o1, a1, o2 = predict(x, l1, l2)',
    'print("loss after", steps, "steps:", np.mean(np.square(o2 - y)))',
    '',
    'try:  # optional: draw the fit as the tutorial does',
    '    from matplotlib import pyplot as plt',
    'except ImportError:',
    '    plt = None',
    'if plt is not None:',
    '    plt.scatter(x.ravel(), y.ravel())',
    '    plt.plot(x.ravel(), o2.ravel(), color="tab:orange")',
    '    plt.show()',
    '',
  ];
  return lines.join('\n');
}
