/**
 * One training step exactly as the tutorial, as a composition of per-layer passes:
 * forward (network.ts's denseForward per layer), loss = mean((o - y)^2) before the update
 * and dz = -2 (o - y), backward (denseBackward per layer from the top: summed gradients
 * gw = in^T dz and gb = sum(dz), the delta passed down with the weights before any update,
 * scaled by act'(z) of the layer below), then the update per layer (`w += lr * gw`,
 * `b += lr * gb`). Every gradient is complete before any weight moves, so a mini-batch
 * (a smaller `batch`) or another update rule (an optimizer reading ws.gw, ws.gb) slots in
 * between the passes without touching them.
 */
import { multiplyByDerivative } from './activations';
import { forward, type DenseLayer, type Network, type Workspace } from './network';
import type { OptimizerState, StepOptions } from './optimizers';

/**
 * Gradients of one layer into ws.gw[l], ws.gb[l] and, when `below` is given, the delta
 * for the layer below (dz . w^T, with w as it is before the update).
 */
export function denseBackward(
  layer: DenseLayer,
  input: Float32Array,
  delta: Float32Array,
  batch: number,
  gw: Float64Array,
  gb: Float64Array,
  below: Float32Array | null,
): void {
  const { inDim, outDim, w } = layer;
  gw.fill(0);
  gb.fill(0);
  for (let n = 0; n < batch; n++) {
    const inRow = n * inDim;
    const outRow = n * outDim;
    for (let j = 0; j < outDim; j++) gb[j] = gb[j]! + delta[outRow + j]!;
    for (let i = 0; i < inDim; i++) {
      const xi = input[inRow + i]!;
      const gRow = i * outDim;
      for (let j = 0; j < outDim; j++) gw[gRow + j] = gw[gRow + j]! + xi * delta[outRow + j]!;
    }
    if (below) {
      for (let i = 0; i < inDim; i++) {
        const wRow = i * outDim;
        let s = 0;
        for (let j = 0; j < outDim; j++) s += delta[outRow + j]! * w[wRow + j]!;
        below[inRow + i] = s;
      }
    }
  }
}

/**
 * After each update a parameter smaller than this in magnitude becomes exactly 0, as in the
 * kernel (FLUSH_BELOW in scripts/kernel/wat.mjs, which must equal this): it keeps a unit
 * shrinking toward 0 out of slow float32 subnormals. Why and at what cost: docs/kernel.md.
 */
export const PARAM_FLUSH_BELOW = 2 ** -50;

/** v, or 0 when |v| < PARAM_FLUSH_BELOW (NaN and infinities stay as they are). */
const flushed = (v: number) => (Math.abs(v) < PARAM_FLUSH_BELOW ? 0 : v);

/** w += lr * gw, b += lr * gb (the tutorial's sign: dz already carries the minus), then the flush above. */
export function applyUpdate(
  layer: DenseLayer,
  gw: Float64Array,
  gb: Float64Array,
  lr: number,
): void {
  const { w, b } = layer;
  for (let i = 0; i < w.length; i++) w[i] = flushed(w[i]! + lr * gw[i]!);
  for (let j = 0; j < b.length; j++) b[j] = flushed(b[j]! + lr * gb[j]!);
}

/** Mean squared error of the output against y, and dz = -2 (o - y) into delta. */
export function lossAndOutputDelta(
  out: Float32Array,
  y: Float32Array,
  delta: Float32Array,
  batch: number,
): number {
  let sum = 0;
  for (let n = 0; n < batch; n++) {
    const e = out[n]! - y[n]!;
    sum += e * e;
    delta[n] = -2 * e;
  }
  return sum / batch;
}

/**
 * lossAndOutputDelta with the loss written to lossOut[index]: the sum stays inside this
 * function, so no float crosses a call that V8 may not inline (a boxed float a step).
 */
export function lossAndOutputDeltaInto(
  out: Float32Array,
  y: Float32Array,
  delta: Float32Array,
  batch: number,
  lossOut: Float32Array,
  index: number,
): void {
  let sum = 0;
  for (let n = 0; n < batch; n++) {
    const e = out[n]! - y[n]!;
    sum += e * e;
    delta[n] = -2 * e;
  }
  lossOut[index] = sum / batch;
}

/** Mean squared error of the network on (x, y), without touching gradients. */
export function evaluateLoss(
  net: Network,
  ws: Workspace,
  x: Float32Array,
  y: Float32Array,
): number {
  const out = forward(net, ws, x);
  let sum = 0;
  for (let n = 0; n < ws.batch; n++) {
    const e = out[n]! - y[n]!;
    sum += e * e;
  }
  return sum / ws.batch;
}

/**
 * One full-batch step; returns the loss measured before the update. Allocates nothing
 * itself, though V8 may box the returned float: the training loop uses trainStepInto.
 */
export function trainStep(
  net: Network,
  ws: Workspace,
  x: Float32Array,
  y: Float32Array,
  lr: number,
): number {
  const loss = lossAndOutputDelta(
    forward(net, ws, x),
    y,
    ws.delta[net.layers.length - 1]!,
    ws.batch,
  );
  backpropagate(net, ws, x, lr);
  return loss;
}

/**
 * trainStep with the loss written to lossOut[index]: a float returned from a function too
 * big to inline is boxed on V8's heap, which would be an allocation every step.
 */
export function trainStepInto(
  net: Network,
  ws: Workspace,
  x: Float32Array,
  y: Float32Array,
  lr: number,
  lossOut: Float32Array,
  index: number,
): void {
  lossAndOutputDeltaInto(
    forward(net, ws, x),
    y,
    ws.delta[net.layers.length - 1]!,
    ws.batch,
    lossOut,
    index,
  );
  backpropagate(net, ws, x, lr);
}

/**
 * Backward through every layer once the output delta is in ws.delta[last] and the forward
 * values of `batch` rows are in ws.z, ws.a: the summed gradients into ws.gw, ws.gb and each
 * layer's delta into ws.delta. Reads the weights, changes none. Plain loops: a callback
 * would allocate a closure every step.
 */
export function backward(net: Network, ws: Workspace, x: Float32Array, batch = ws.batch): void {
  const { layers } = net;
  for (let l = layers.length - 1; l >= 0; l--) {
    const input = l === 0 ? x : ws.a[l - 1]!;
    const below = l === 0 ? null : ws.delta[l - 1]!;
    denseBackward(layers[l]!, input, ws.delta[l]!, batch, ws.gw[l]!, ws.gb[l]!, below);
    if (below)
      multiplyByDerivative(
        layers[l - 1]!.activation,
        ws.z[l - 1]!,
        ws.a[l - 1]!,
        below,
        batch * layers[l - 1]!.outDim,
      );
  }
}

/** Plain gradient descent on every layer with the summed gradients backward left in ws. */
export function updateLayers(net: Network, ws: Workspace, lr: number): void {
  const { layers } = net;
  for (let l = 0; l < layers.length; l++) applyUpdate(layers[l]!, ws.gw[l]!, ws.gb[l]!, lr);
}

/** The step after the output delta is in ws.delta: backward, then the update. */
function backpropagate(net: Network, ws: Workspace, x: Float32Array, lr: number): void {
  backward(net, ws, x);
  updateLayers(net, ws, lr);
}

/**
 * One step on a batch of `batch` rows (x, y already gathered) with an optimizer: the loss
 * (MSE on the batch, before the update) into lossOut[index], the tutorial's summed
 * gradients into ws.gw, ws.gb, then the optimizer's update (reduction, penalties, rule).
 */
export function optimizerStepInto(
  net: Network,
  ws: Workspace,
  x: Float32Array,
  y: Float32Array,
  batch: number,
  lr: number,
  optimizer: OptimizerState,
  options: StepOptions,
  lossOut: Float32Array,
  index: number,
): void {
  lossAndOutputDeltaInto(
    forward(net, ws, x, batch),
    y,
    ws.delta[net.layers.length - 1]!,
    batch,
    lossOut,
    index,
  );
  backward(net, ws, x, batch);
  optimizer.step(net.layers, ws.gw, ws.gb, batch, lr, options);
}
