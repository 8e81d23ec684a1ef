/**
 * Moving a run from the kernel to the TypeScript engine, with its current and kept
 * parameters and its last gradients. Options beyond the tutorial's (issue #20) train on the
 * TS engine only; a run stays there once moved (coming back would change the rounding
 * mid-run). Allocates: on an options change only.
 */
import type { Dataset } from './dataset';
import type { TrainingEngine } from './engines/engine';
import { TsEngine } from './engines/tsEngine';
import type { Network } from './network';
import { packLayers, unpackLayers, type ParamLayout } from './paramLayout';

export interface MovedEngine {
  engine: TsEngine;
  /** The kept parameters in the flat layout, which is also the TS engine's saved layout. */
  kept: Float32Array;
}

/**
 * A TS engine holding `from`'s current parameters and last gradients, and the kept
 * parameters (`keptSaved`, in `from`'s own saved layout) repacked for it. `from`'s
 * parameters are overwritten on the way (it is left behind).
 */
export function moveToTsEngine(
  from: TrainingEngine,
  layout: ParamLayout,
  keptSaved: Float32Array,
  data: Dataset,
  grid: Float32Array,
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
  const engine = new TsEngine(net, data, grid);
  engine.setGradients(from.gradients);
  return { engine, kept };
}
