/**
 * What a run tells of its last step besides the loss (issue #20): the update each parameter
 * received, and the batch, named as the page names its points (a run trains on the points
 * not held out, numbered from 0 among themselves; the page numbers all its points).
 */
import type { BatchSchedule } from './batches';
import type { LayerGradients } from './engines/engine';
import type { OptimizerState } from './optimizers';
import { packLayers, type ParamLayout } from './paramLayout';

/** Each training point's index among the n points given: those with test == 0, in order. */
export function trainingIndices(test: Uint8Array, n: number): Int32Array {
  let trained = 0;
  for (let i = 0; i < n; i++) if ((test[i] ?? 0) === 0) trained++;
  const out = new Int32Array(trained);
  for (let i = 0, k = 0; i < n; i++) if ((test[i] ?? 0) === 0) out[k++] = i;
  return out;
}

/** A batch's training indices as the page's (the same numbers when nothing is held out: no map). */
export function pageIndices(batch: Int32Array, trainIndex: Int32Array | null): Int32Array {
  return Int32Array.from(batch, (i) => (trainIndex ? trainIndex[i]! : i));
}

export class LastStep {
  /** Each training point's index in the data given, or null: the generated data, all trained on in order. */
  private trainIndex: Int32Array | null = null;
  /** The learning rate of the last train() call, and whether its steps were the engine's plain step. */
  private rate = 0;
  private plain = true;

  /** The run was given these points (test == 1: held out). */
  setData(test: Uint8Array, n: number): void {
    this.trainIndex = trainingIndices(test, n);
  }

  /** The run took steps at this rate, plain (the engine's default step) or under options. */
  took(rate: number, plain: boolean): void {
    this.rate = rate;
    this.plain = plain;
  }

  /**
   * What the last step did to each parameter, w_after - w_before, in the flat layout. Under
   * options other than the default it is the optimizer's applied update exactly (float32
   * rounding and flush included). The default step (kernel or TS) is the tutorial's
   * w += lr gw, so it is lr times the last gradients, the weight's float32 rounding aside.
   * Zeros before the first step.
   */
  updates(
    out: Float32Array,
    layout: ParamLayout,
    gradients: readonly LayerGradients[],
    optimizer: OptimizerState | null,
  ): void {
    if (!this.plain && optimizer) {
      packLayers(layout, optimizer.updates, out);
      return;
    }
    packLayers(layout, gradients, out);
    for (let i = 0; i < out.length; i++) out[i] = this.rate * out[i]!;
  }

  /**
   * The last step's batch when it used fewer than all the training points, as indices of
   * the points the run was given (held-out ones counted) or of the generated data; null
   * with the full batch or before a batch step.
   */
  batch(schedule: BatchSchedule | null): Int32Array | null {
    if (this.plain || !schedule || schedule.fullBatch || schedule.steps === 0) return null;
    return pageIndices(schedule.batch, this.trainIndex);
  }
}
