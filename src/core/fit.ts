/**
 * Parameters as numpy's `.tolist()` nests them: a list of layers from the input, each
 * `{w: [in][out], b: [1][out]}` (for the tutorial's network w1 [1][H], b1 [1][H], w2 [H][1],
 * b2 [1][1]), the shapes `fit --json` and the model file write.
 */
import type { Network } from './network';
import { layerViews, type ParamLayout } from './paramLayout';

/** One layer's parameters as `{"w": w.tolist(), "b": b.tolist()}`. */
export interface LayerValues {
  w: number[][];
  b: number[][];
}

/** A row-major [rows][cols] buffer as nested lists. */
function nest(values: Float32Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from(values.subarray(r * cols, (r + 1) * cols)),
  );
}

/** The network's parameters, nested as numpy's `.tolist()` would give them. */
export function networkValues(net: Network): LayerValues[] {
  return net.layers.map((l) => ({ w: nest(l.w, l.inDim, l.outDim), b: nest(l.b, 1, l.outDim) }));
}

/** A flat parameter vector (core/paramLayout), nested as numpy's `.tolist()` would give it. */
export function layoutValues(layout: ParamLayout, flat: Float32Array): LayerValues[] {
  const views = layerViews(layout, flat);
  return layout.layers.map((s, l) => ({
    w: nest(views[l]!.w, s.inDim, s.outDim),
    b: nest(views[l]!.b, 1, s.outDim),
  }));
}
