/**
 * Headless training from explicit numbers, for the `fit` command: parameters in and out
 * as numpy's `.tolist()` nests them (w1 [1][H], b1 [1][H], w2 [H][1], b2 [1][1]).
 */
import type { ActivationName } from './activations';
import type { Dataset } from './dataset';
import { createWorkspace, parametersFinite, type Network } from './network';
import { evaluateLoss, trainStep } from './train';

/** One layer's parameters as `{"w": w.tolist(), "b": b.tolist()}`. */
export interface LayerValues {
  w: number[][];
  b: number[][];
}

/** A row-major [rows][cols] buffer as nested lists. */
function nest(values: Float32Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(values.subarray(r * cols, (r + 1) * cols)));
}

/** The network's parameters, nested as numpy's `.tolist()` would give them. */
export function networkValues(net: Network): LayerValues[] {
  return net.layers.map((l) => ({ w: nest(l.w, l.inDim, l.outDim), b: nest(l.b, 1, l.outDim) }));
}

/**
 * A 1 -> H -> 1 network from nested values (shapes already checked by the caller), stored
 * in float32 as the playground keeps them.
 */
export function networkFromValues(values: readonly LayerValues[], activation: ActivationName): Network {
  const layers = values.map((v, l) => {
    const inDim = v.w.length;
    const outDim = v.b[0]!.length;
    return {
      inDim,
      outDim,
      activation: l + 1 === values.length ? ('none' as const) : activation,
      w: Float32Array.from(v.w.flat()),
      b: Float32Array.from(v.b.flat()),
    };
  });
  return { layers };
}

export interface FitOutcome {
  /** Loss before each step taken, one per step. */
  losses: number[];
  /** Loss of the final parameters. */
  finalLoss: number;
  /** Step at which the loss or a parameter stopped being finite, or null. */
  divergedAt: number | null;
}

/** Trains `steps` full-batch steps in place (stopping at divergence), as the worker does. */
export function fitNetwork(net: Network, data: Dataset, learningRate: number, steps: number): FitOutcome {
  const ws = createWorkspace(net, data.x.length);
  const losses = new Float64Array(steps);
  for (let i = 0; i < steps; i++) {
    const loss = trainStep(net, ws, data.x, data.y, learningRate);
    losses[i] = loss;
    if (!Number.isFinite(loss) || !parametersFinite(net)) {
      return { losses: Array.from(losses.subarray(0, i + 1)), finalLoss: NaN, divergedAt: i + 1 };
    }
  }
  return { losses: Array.from(losses), finalLoss: evaluateLoss(net, ws, data.x, data.y), divergedAt: null };
}
