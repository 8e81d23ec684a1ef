/**
 * Moving a run from the fused kernel to an engine that takes batches and optimizers (the
 * dense kernels, or the TypeScript engine), with its current and kept parameters and its
 * last gradients. Options beyond the tutorial's (issue #20) are not the fused kernel's; a
 * run stays where it moved (coming back would change the rounding mid-run). Allocates: on
 * an options change only.
 */
import type { Dataset } from './dataset';
import type { BatchTrainingEngine, TrainingEngine } from './engines/engine';
import type { Network } from './network';
import { packLayers, unpackLayers, type ParamLayout } from './paramLayout';

export interface MovedEngine {
  engine: BatchTrainingEngine;
  /** The kept parameters in the flat layout, which is also the new engine's saved layout. */
  kept: Float32Array;
}

/**
 * The engine `make` builds (its saved layout the flat one) holding `from`'s current
 * parameters and last gradients, and the kept parameters (`keptSaved`, in `from`'s own
 * saved layout) repacked for it. `from`'s parameters are overwritten on the way (it is
 * left behind).
 */
export function moveEngine(
  from: TrainingEngine,
  layout: ParamLayout,
  keptSaved: Float32Array,
  data: Dataset,
  grid: Float32Array,
  make: (net: Network, data: Dataset, grid: Float32Array) => BatchTrainingEngine,
): MovedEngine {
  const current = new Float32Array(layout.length);
  packLayers(layout, from.net.layers, current);
  // The engine's own layout is opaque: unpack the kept parameters through it.
  from.restoreParams(keptSaved);
  const kept = new Float32Array(layout.length);
  packLayers(layout, from.net.layers, kept);
  const net: Network = {
    layers: from.net.layers.map((l) => ({
      ...l,
      w: new Float32Array(l.w.length),
      b: new Float32Array(l.b.length),
    })),
  };
  unpackLayers(layout, current, net.layers);
  const engine = make(net, data, grid);
  engine.setGradients(from.gradients);
  return { engine, kept };
}
