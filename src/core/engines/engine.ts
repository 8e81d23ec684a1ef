/**
 * What trains a run, behind one interface: the TypeScript engine (any depth; the reference)
 * or the fused WebAssembly kernel (the tutorial's one hidden layer). TrainingRun keeps the
 * run's life (steps, divergence, checkpoints) and asks the engine for everything numeric.
 */
import type { Dataset } from '../dataset';
import type { Network } from '../network';
import type { OptimizerState, StepOptions } from '../optimizers';

/** One layer's gradients from the last step (weights [in][out], biases [out]): the tutorial's summed gw, gb. */
export interface LayerGradients {
  readonly w: ArrayLike<number>;
  readonly b: ArrayLike<number>;
}

export interface TrainingEngine {
  /** The network being trained; its arrays are live views (of the kernel's memory, or its own). */
  readonly net: Network;
  /** The last step's gradients per layer, live views; zeros before the first step. */
  readonly gradients: readonly LayerGradients[];
  /**
   * One full-batch step on the training data with the summed gradient, writing its loss
   * (before the update) to lossOut[index]: written, not returned, so no float is boxed.
   */
  step(learningRate: number, lossOut: Float32Array, index: number): void;
  /**
   * Makes `net` and `gradients` exact for reading or writing from outside (an engine may
   * keep them in its own memory while it trains: the dense kernels); it takes them back, as
   * it then finds them, at its next step. TrainingRun calls it in its `net` and
   * `gradients` getters. A no-op for engines whose arrays are always their own.
   */
  sync(): void;
  /** Threads a step is split across (1: the calling thread alone). */
  readonly threads: number;
  /** Whether every parameter is finite after the last step. */
  parametersFinite(): boolean;
  /** Loss of the current parameters on the training data (NaN with no points). */
  loss(): number;
  /** The network's output at each point of the grid the engine was made with, into out. */
  curve(out: Float32Array): void;
  /** New training points; the parameters and last gradients are kept. Allocates: data changes only. */
  setData(train: Dataset): void;
  /**
   * Length, save and restore of the parameters in the engine's own layout (the kernel's
   * memory block whole): the cheapest copy, taken before every step for divergence.
   * The length does not change with the data.
   */
  readonly savedLength: number;
  saveParams(out: Float32Array): void;
  restoreParams(saved: Float32Array): void;
  /**
   * Optional, where the engine has a fast forward (the dense kernels): each hidden layer's
   * smallest and largest pre-activation over the training points, for layers 1 and up, into
   * zMin[l] and zMax[l] (see core/layerHealth). Without it health takes the TS forward.
   */
  hiddenZRanges?(zMin: readonly Float64Array[], zMax: readonly Float64Array[]): void;
  /**
   * Optional, as hiddenZRanges: the network over the engine's grid, its output into out and
   * each hidden layer's activations, row-major [point][unit], into a[l].
   */
  gridForward?(a: readonly Float32Array[], out: Float32Array): void;
}

/** An engine that also takes a step on a batch with an optimizer (issue #20's options). */
export interface BatchTrainingEngine extends TrainingEngine {
  stepBatch(
    indices: Int32Array,
    learningRate: number,
    optimizer: OptimizerState,
    options: StepOptions,
    lossOut: Float32Array,
    index: number,
  ): void;
  /** Takes over another engine's last gradients (a run moving here from the fused kernel). */
  setGradients(from: readonly LayerGradients[]): void;
}

/** Whether an engine takes batch steps (the fused kernel takes the tutorial's step only). */
export function takesBatches(engine: TrainingEngine): engine is BatchTrainingEngine {
  return 'stepBatch' in engine;
}
