/**
 * The network part of the numpy script: the tutorial's layer() with the run's
 * initialisation, the forward pass, the loop's backward pass, and weights loaded from a
 * model file. One hidden layer keeps the tutorial's own l1, l2 code; deeper networks are a
 * list of layers made by the same layer() and a loop over backprop() through them. Pure.
 */
import type { ActivationName } from './activations';
import type { ModelConfig } from './config';
import type { InitName } from './init';
import { layerViews, paramLayout } from './paramLayout';
import { column, py } from './numpyScriptData';

/** Python name of an activation's functions. */
export const pyName = (activation: ActivationName) => activation.replace('-', '_');

/** The tutorial's activation and derivative for each choice (none: the identity, no derivative). */
export const ACTIVATION_DEFS: Record<Exclude<ActivationName, 'none'>, string> = {
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

/** The tutorial's layer(), each scheme's scale and bias in it (see core/init). */
const LAYER_DEFS: Record<InitName, string[]> = {
  tutorial: [
    'def layer(in_dim, out_dim):',
    '    weights = np.random.normal(loc=0, scale=0.1, size=[in_dim, out_dim])',
    '    bias = np.full([1, out_dim], 0.1)',
    '    return {"w": weights, "b": bias}',
  ],
  glorot: [
    "def layer(in_dim, out_dim):  # Glorot's initialisation: scale sqrt(2 / (in + out)), biases 0",
    '    weights = np.random.normal(loc=0, scale=np.sqrt(2 / (in_dim + out_dim)), size=[in_dim, out_dim])',
    '    bias = np.full([1, out_dim], 0.0)',
    '    return {"w": weights, "b": bias}',
  ],
  he: [
    "def layer(in_dim, out_dim):  # He's initialisation: scale sqrt(2 / in), biases 0",
    '    weights = np.random.normal(loc=0, scale=np.sqrt(2 / in_dim), size=[in_dim, out_dim])',
    '    bias = np.full([1, out_dim], 0.0)',
    '    return {"w": weights, "b": bias}',
  ],
};

/** What the script's text needs from the network, whatever its depth. */
export interface NetworkCode {
  /** `def layer`, with the run's initialisation. */
  layerDef: string[];
  /** `def predict`: the forward pass. */
  predictDef: string[];
  /** Draws the layers, after the data's draws. */
  build: string[];
  /** What predict() is given besides x: `l1, l2` or `layers`. */
  args: string;
  /** Every layer, as a Python list: `[l1, l2]` or `layers`. */
  layers: string;
  /** The forward pass in the loop (unindented) and the name of the prediction it gives. */
  forward: string;
  out: string;
  /** The backward pass after the loss is printed, unindented. */
  backward: string[];
}

type Shape = Omit<NetworkCode, 'layerDef'>;

/** Names of the points a step trains on: the whole set, or (with training options) its batch. */
export interface StepData {
  x: string;
  y: string;
}

const WHOLE: StepData = { x: 'x', y: 'y' };

function shallow(activation: ActivationName, hidden: number, d: StepData): Shape {
  const linear = activation === 'none';
  const act = linear ? 'o1  # no activation' : `${pyName(activation)}(o1)`;
  return {
    predictDef: [
      'def predict(x, l1, l2):',
      '    o1 = x.dot(l1["w"]) + l1["b"]',
      `    a1 = ${act}`,
      '    o2 = a1.dot(l2["w"]) + l2["b"]',
      '    return [o1, a1, o2]',
    ],
    build: [`l1 = layer(1, ${hidden})`, `l2 = layer(${hidden}, 1)`],
    args: 'l1, l2',
    layers: '[l1, l2]',
    forward: `o1, a1, o2 = predict(${d.x}, l1, l2)`,
    out: 'o2',
    backward: [
      `dz2 = -2 * (o2 - ${d.y})  # derivative of (o2 - y)**2`,
      'dz1 = backprop(dz2, l2, a1, learning_rate)',
      ...(linear ? [] : [`dz1 *= ${pyName(activation)}_derivative(o1)`]),
      `_ = backprop(dz1, l1, ${d.x}, learning_rate)`,
    ],
  };
}

function deep(activation: ActivationName, layers: readonly number[], d: StepData): Shape {
  const linear = activation === 'none';
  return {
    predictDef: [
      'def predict(x, layers):',
      '    o = []  # each hidden layer before its activation',
      "    a = [x]  # the input, then each hidden layer after it: the next layer's input",
      '    for l in layers[:-1]:',
      '        o.append(a[-1].dot(l["w"]) + l["b"])',
      `        a.append(${linear ? 'o[-1])  # no activation' : `${pyName(activation)}(o[-1]))`}`,
      '    out = a[-1].dot(layers[-1]["w"]) + layers[-1]["b"]',
      '    return [o, a, out]',
    ],
    build: [
      `sizes = [1, ${layers.join(', ')}, 1]  # the input, ${layers.length} hidden layers, the output`,
      'layers = [layer(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:])]',
    ],
    args: 'layers',
    layers: 'layers',
    forward: `o, a, out = predict(${d.x}, layers)`,
    out: 'out',
    backward: [
      `dz = -2 * (out - ${d.y})  # derivative of (out - y)**2`,
      'for k in range(len(layers) - 1, -1, -1):  # from the output layer back to the first',
      '    dz = backprop(dz, layers[k], a[k], learning_rate)',
      ...(linear
        ? []
        : ['    if k > 0:', `        dz *= ${pyName(activation)}_derivative(o[k - 1])`]),
    ],
  };
}

/** The network's code for a config: the tutorial's for one hidden layer, a list of layers beyond. */
export function networkCode(
  config: Pick<ModelConfig, 'layers' | 'activation' | 'init'>,
  data: StepData = WHOLE,
): NetworkCode {
  const code =
    config.layers.length === 1
      ? shallow(config.activation, config.layers[0]!, data)
      : deep(config.activation, config.layers, data);
  return { ...code, layerDef: LAYER_DEFS[config.init] };
}

/** A [rows][cols] row-major array as a numpy literal. */
function matrix(values: Float32Array, rows: number, cols: number): string {
  const row = (r: number) =>
    `[${Array.from(values.subarray(r * cols, (r + 1) * cols), py).join(', ')}]`;
  return `np.array([${Array.from({ length: rows }, (_, r) => row(r)).join(', ')}])`;
}

/** Assignments putting loaded weights (flat, core/paramLayout) over the drawn ones. */
export function weightLines(layers: readonly number[], params: Float32Array): string[] {
  const layout = paramLayout(layers);
  const views = layerViews(layout, params);
  if (layers.length === 1) {
    const [l1, l2] = views as [(typeof views)[0], (typeof views)[0]];
    return [
      `l1["w"] = ${matrix(l1.w, 1, layers[0]!)}`,
      `l1["b"] = ${matrix(l1.b, 1, layers[0]!)}`,
      `l2["w"] = ${column(l2.w)}`,
      `l2["b"] = np.array([[${py(l2.b[0]!)}]])`,
    ];
  }
  return layout.layers.flatMap((s, k) => [
    `layers[${k}]["w"] = ${matrix(views[k]!.w, s.inDim, s.outDim)}`,
    `layers[${k}]["b"] = ${matrix(views[k]!.b, 1, s.outDim)}`,
  ]);
}
