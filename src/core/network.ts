/**
 * A feed-forward network as a list of dense layers, each with its own activation.
 * Weights are row-major [in][out], exactly numpy's layout for `x.dot(w)`.
 */
import { applyActivation, type ActivationName } from './activations';
import { initBias, initWeightScale, type InitName } from './init';
import type { Rng } from './rng';

export interface DenseLayer {
  readonly inDim: number;
  readonly outDim: number;
  readonly activation: ActivationName;
  /** Weights, [inDim][outDim] row-major. */
  readonly w: Float32Array;
  /** Biases, [outDim]. */
  readonly b: Float32Array;
}

export interface Network {
  readonly layers: readonly DenseLayer[];
}

/**
 * Builds layers in order, drawing each layer's weights from rng as numpy fills an
 * [in, out] array (row by row) at the scale `init` gives, then its biases (no draws).
 * The last layer is linear.
 */
export function createNetwork(
  sizes: readonly number[],
  hiddenActivation: ActivationName,
  rng: Rng,
  init: InitName = 'tutorial',
): Network {
  if (sizes.length < 2)
    throw new RangeError('a network needs at least an input and an output size');
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l]!;
    const outDim = sizes[l + 1]!;
    const scale = initWeightScale(init, inDim, outDim);
    const w = new Float32Array(inDim * outDim);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, scale);
    const b = new Float32Array(outDim).fill(initBias(init));
    const activation = l + 2 === sizes.length ? 'none' : hiddenActivation;
    layers.push({ inDim, outDim, activation, w, b });
  }
  return { layers };
}

/** A 1 -> hidden[0] -> ... -> 1 network; the tutorial's is [H] with the tutorial's init. */
export function createHiddenNetwork(
  hidden: readonly number[],
  activation: ActivationName,
  rng: Rng,
  init: InitName = 'tutorial',
): Network {
  return createNetwork([1, ...hidden, 1], activation, rng, init);
}

/** Per-batch buffers for one network, allocated once so a step allocates nothing. */
export interface Workspace {
  readonly batch: number;
  /** Pre-activations per layer, [batch][outDim]. */
  readonly z: Float32Array[];
  /** Activations per layer, [batch][outDim]; the same buffer as z for linear layers. */
  readonly a: Float32Array[];
  /** Gradient of the loss with respect to each layer's output, [batch][outDim]. */
  readonly delta: Float32Array[];
  /** Weight gradients per layer, accumulated in float64, [inDim][outDim]. */
  readonly gw: Float64Array[];
  /** Bias gradients per layer, accumulated in float64, [outDim]. */
  readonly gb: Float64Array[];
}

export function createWorkspace(net: Network, batch: number): Workspace {
  const z: Float32Array[] = [];
  const a: Float32Array[] = [];
  const delta: Float32Array[] = [];
  const gw: Float64Array[] = [];
  const gb: Float64Array[] = [];
  for (const layer of net.layers) {
    const zl = new Float32Array(batch * layer.outDim);
    z.push(zl);
    a.push(layer.activation === 'none' ? zl : new Float32Array(batch * layer.outDim));
    delta.push(new Float32Array(batch * layer.outDim));
    gw.push(new Float64Array(layer.inDim * layer.outDim));
    gb.push(new Float64Array(layer.outDim));
  }
  return { batch, z, a, delta, gw, gb };
}

/** z = input . w + b, then a = act(z), for one layer over `batch` rows. */
export function denseForward(
  layer: DenseLayer,
  input: Float32Array,
  batch: number,
  z: Float32Array,
  a: Float32Array,
): void {
  const { inDim, outDim, w, b } = layer;
  if (inDim === 1) {
    // The tutorial's first layer: an outer product, kept tight because it is the hot path.
    for (let n = 0; n < batch; n++) {
      const xn = input[n]!;
      const row = n * outDim;
      for (let j = 0; j < outDim; j++) z[row + j] = xn * w[j]! + b[j]!;
    }
  } else {
    for (let n = 0; n < batch; n++) {
      const inRow = n * inDim;
      const outRow = n * outDim;
      for (let j = 0; j < outDim; j++) {
        let s = b[j]!;
        for (let i = 0; i < inDim; i++) s += input[inRow + i]! * w[i * outDim + j]!;
        z[outRow + j] = s;
      }
    }
  }
  applyActivation(layer.activation, z, a, batch * outDim);
}

/** Runs every layer; returns the output buffer ([batch][outDim of last layer]) owned by ws. */
export function forward(
  net: Network,
  ws: Workspace,
  x: Float32Array,
  batch = ws.batch,
): Float32Array {
  // A plain loop: a forEach callback would allocate a closure and its context every step.
  let input = x;
  for (let l = 0; l < net.layers.length; l++) {
    denseForward(net.layers[l]!, input, batch, ws.z[l]!, ws.a[l]!);
    input = ws.a[l]!;
  }
  return input;
}

/** Evaluates the network at each x into out (length >= xs.length), using ws sized for xs. */
export function predictInto(
  net: Network,
  ws: Workspace,
  xs: Float32Array,
  out: Float32Array,
): void {
  out.set(forward(net, ws, xs, xs.length).subarray(0, xs.length));
}

/** Number of trainable parameters. */
export function parameterCount(net: Network): number {
  return net.layers.reduce((sum, l) => sum + l.w.length + l.b.length, 0);
}

/** True when every weight and bias is finite (a float64 sum of float32 values cannot overflow). */
export function parametersFinite(net: Network): boolean {
  let s = 0;
  for (const layer of net.layers) {
    for (let i = 0; i < layer.w.length; i++) s += layer.w[i]!;
    for (let i = 0; i < layer.b.length; i++) s += layer.b[i]!;
  }
  return Number.isFinite(s);
}
