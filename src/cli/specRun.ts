/**
 * The run of a `fit --spec` file: built as any run (its seeded data and weights), then given
 * the spec's points, held-out ones included, and loaded with its parameters, which replace both.
 */
import type { ModelConfig } from '../core/config';
import { packLayers, paramLayout } from '../core/paramLayout';
import type { LabeledData } from '../core/protocol';
import { TrainingRun } from '../core/run';
import type { EngineChoice } from './args';
import type { ThreadPool } from '../core/threads/pool';
import type { FitSpec } from './spec';

/** The settings a spec's run is built from before its own points and parameters replace them. */
export function specConfig(spec: FitSpec): ModelConfig {
  return {
    dataset: 'linear',
    points: spec.x.length,
    noise: 0,
    seed: 0,
    layers: spec.layers,
    activation: spec.activation,
    init: 'tutorial',
  };
}

/** The spec's points as the run holds them (float32), with their test flags. */
export function specData(spec: FitSpec): LabeledData {
  return {
    x: Float32Array.from(spec.x),
    y: Float32Array.from(spec.y),
    test: Uint8Array.from(spec.test),
  };
}

export function runFromSpec(
  spec: FitSpec,
  engine: EngineChoice,
  pool: ThreadPool | null = null,
): TrainingRun {
  const run = new TrainingRun(specConfig(spec), undefined, { engine, pool }, specData(spec));
  const layout = paramLayout(spec.layers);
  const params = new Float32Array(layout.length);
  packLayers(
    layout,
    spec.initial.map((l) => ({ w: l.w.flat(), b: l.b.flat() })),
    params,
  );
  run.load(params, 0);
  return run;
}
