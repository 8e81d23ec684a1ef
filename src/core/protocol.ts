/**
 * The one message protocol between the page and the training worker. Both sides
 * import these types with `import type`; every message has a literal `type` tag.
 */
import type { ModelConfig } from './config';
import type { KernelBuild } from './kernel/wasmRuntime';
import type { PanelStrips } from './panelStrips';
import type { RunSchedule } from './runHistory';
import type { TrainingOptions } from './trainingOptions';
import type { HealthKind } from './unitHealth';

/** Data as the page holds it: points, and which are held out for testing (1) or trained on (0). */
export interface LabeledData {
  x: Float32Array;
  y: Float32Array;
  test: Uint8Array;
  /** The page's name for these points, so a run's history can say which it trained on (see RunSchedule). */
  id?: number;
}

/** Page -> worker. */
export type ToWorker =
  /**
   * Build the model from config and its seed and start training (or wait, when paused).
   * stopAt: pause when the run reaches this step (a preset's step count), or null to run on.
   * `data`, when given, replaces the generated data (edited, imported or split points).
   */
  | {
      type: 'start';
      runId: number;
      config: ModelConfig;
      learningRate: number;
      /** How the run learns (batches, optimizer, penalties); live afterwards by setTrainingOptions. */
      options: TrainingOptions;
      speed: number;
      playing: boolean;
      stopAt: number | null;
      data?: LabeledData;
    }
  /** New data for the same network: weights are kept and training goes on. */
  | { type: 'setData'; data: LabeledData }
  /** Rebuild the same run from its config and seed, under a new id. */
  | { type: 'reset'; runId: number }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Take exactly `count` steps now, then report a frame (used while paused). */
  | { type: 'step'; count: number }
  /** Live change; the run goes on with the new value. */
  | { type: 'setLearningRate'; learningRate: number }
  /** Live change of how the run learns (issue #20): the run goes on with its weights. */
  | { type: 'setTrainingOptions'; options: TrainingOptions }
  /** Live change of the current run's stop step (null: no stop). */
  | { type: 'setStopAt'; stopAt: number | null }
  /** Live change, steps per second; Infinity for as fast as possible. */
  | { type: 'setSpeed'; speed: number }
  /** Load saved weights [w1, b1, w2, b2] into run `runId` and continue from `step` (model import). */
  | { type: 'setParams'; runId: number; params: Float32Array; step: number }
  /**
   * After divergence: back to the last good parameters and their step, with a new learning
   * rate if given, then resume or stay paused.
   */
  | { type: 'rescue'; learningRate: number | null; resume: boolean }
  /** Every frame up to sequence number `seq` has reached the page: paces frames to the display (see core/frameAcks). */
  | { type: 'frameAck'; seq: number }
  /** What the page shows: the worker computes only those parts of Frame.picture. */
  | { type: 'setViews'; views: PictureViews };

/** The parts of Frame.picture the page has asked for (see NetworkPicture). */
export interface PictureViews {
  /** Show units: NetworkPicture.units. */
  units: boolean;
  /** Show kinks: NetworkPicture.kinks. */
  kinks: boolean;
  /** Show layers: each LayerPicture.drawn. */
  layers: boolean;
}

/** Units drawn on a plot: the largest first, their rows on the grid. */
export interface DrawnUnits {
  /** Unit indices (0-based), largest first, at most MAX_DRAWN_UNITS. */
  units: Int32Array;
  /** units.length rows of grid.length values. */
  rows: Float32Array;
  /** Sum of every unit not drawn, on the grid (null when all are drawn). */
  others: Float64Array | null;
}

/** Root mean square of one layer's last summed gradients, weights and biases apart. */
export interface GradRms {
  w: number;
  b: number;
}

export interface LayerPicture {
  width: number;
  /** Show layers: the layer's activations a_j(x) on the grid (others: null). Null when not asked for. */
  drawn: DrawnUnits | null;
  /** Health of the layer's units over the training points, as core/unitHealth counts it (per kind). */
  health: { kind: HealthKind; count: number; stuck: Uint8Array };
  /** Root mean square of the layer's last weight gradient and bias gradient (summed, as the step applies them). */
  gradRms: GradRms;
}

/** What the views draw of the network, computed in the worker so frames never need the whole model. */
export interface NetworkPicture {
  /** One per hidden layer, from the input side. */
  layers: LayerPicture[];
  /** The output layer's gradient size, as above. */
  outputGradRms: GradRms;
  /** Show units: the last hidden layer's contributions w_out_j * a_j(x) on the grid; with b_out they sum to the curve. Null when not asked for. */
  units: DrawnUnits | null;
  /** Output bias b_out (the dashed line). */
  outputBias: number;
  /**
   * Show kinks, piecewise-linear activations (none, relu, leaky-relu): the exact breakpoints
   * of the network's function on the plotted range (core/pieces), and the number of linear
   * pieces there. Null for smooth activations or when not asked for.
   */
  kinks: { x: Float64Array; pieces: number } | null;
  /** The network panel's strips: per layer, one value per unit and its gradient's size (core/panelStrips). In every frame. */
  strips: PanelStrips;
}

export type RunState = 'running' | 'paused' | 'diverged';

/**
 * What trains a run: the fused WebAssembly kernel's relaxed SIMD build (fused multiply-add)
 * or its SIMD128 build, the dense kernels' (deep networks, every option) in either build, or
 * the TypeScript core (see core/engine.ts and core/kernel/wasmRuntime.ts).
 */
export type TrainingEngine = `wasm-${KernelBuild}` | `wasm-dense-${KernelBuild}` | 'ts';

/** Worker -> page: the newest picture of one run. */
export interface Frame {
  type: 'frame';
  runId: number;
  /** The worker's count of frames sent, this one included: what the page acknowledges. */
  seq: number;
  /** Steps taken so far. */
  step: number;
  /**
   * Loss of the current parameters (what the next step will record) when the run stands
   * still. While it trains, the loss its last step recorded, before that step's update
   * (the tutorial's printed loss, and the loss plot's newest point): one step behind.
   */
  loss: number;
  /** Loss of the current parameters on the held-out points, or null when none are held out. */
  testLoss: number | null;
  /**
   * The held-out loss sampled since the previous frame at the steps in testLossSteps (of the
   * parameters after that many steps; increasing, at most `step`), on a step grid independent
   * of frames (core/testLossGrid), so a fast run's test-loss line keeps its shape. Empty when
   * none are held out.
   */
  testLosses: Float32Array;
  testLossSteps: Float64Array;
  /**
   * With mini-batches (batch < N), the loss of the current parameters on all the training
   * points, since `loss` and `losses` are then one batch's; null with the full batch.
   */
  trainLoss: number | null;
  /** The L1/L2 term of the current weights (l1 sum|w| + l2/2 sum w^2), or null when l1 = l2 = 0. */
  penalty: number | null;
  /** Epochs started so far (with the full batch, one per step). */
  epochs: number;
  /** Points per step now: the batch size clamped to the training points. */
  batchSize: number;
  /** Steps in an epoch now, ceil(N / batch); and how many of the current epoch's have been taken (its first step is step - stepsIntoEpoch). */
  stepsPerEpoch: number;
  stepsIntoEpoch: number;
  /** Losses recorded since the previous frame, one per step, each before its update. */
  losses: Float32Array;
  /** Step index of losses[0]. */
  lossesStart: number;
  /** The fitted curve on the shared grid (transferred). */
  curve: Float32Array;
  /**
   * Parameters at `step` in the flat core/paramLayout layout (transferred), or null: a model
   * larger than FRAME_PARAMS_LIMIT sends none while it trains (the views draw from
   * `picture`; see core/framePolicy). Every frame of a run standing still has them.
   */
  params: Float32Array | null;
  /** The last step's summed gradients gw, gb in the same layout, zeros at step 0; null exactly when params is. */
  grads: Float32Array | null;
  /**
   * What the last step did to each parameter, w_after - w_before, in the same layout (see
   * TrainingRun.lastUpdates: the optimizer's applied update; lr gw for the default step);
   * zeros at step 0; null exactly when params is.
   */
  updates: Float32Array | null;
  /**
   * The last step's batch when it held fewer than all the training points: indices of the
   * page's points (held-out ones counted), in the batch's order; null with the full batch.
   */
  batch: Int32Array | null;
  /** The hidden widths this frame is of (a frame racing a settings change is told apart by them). */
  layers: readonly number[];
  /** What the views draw, computed in the worker (only the parts asked for by setViews). */
  picture: NetworkPicture;
  /** Measured training speed, steps per second. */
  stepsPerSecond: number;
  /** What trains the run. */
  engine: TrainingEngine;
  /** Threads each step is split across (1: the worker's own thread; see core/threads). */
  threads: number;
  state: RunState;
  /** Step at which the run diverged, when state is 'diverged'. */
  divergedAt: number | null;
  /** The run reached its stop step since the last frame and the worker paused it. */
  reachedStop: boolean;
  /** Step of the last good parameters, where a rescue goes back to. */
  checkpointStep: number;
  /** The learning rates and points the run trained with, step by step (for the exporters). */
  schedule: RunSchedule;
}

export type FromWorker =
  | Frame
  /** Something went wrong inside the worker; the page offers a restart. */
  | { type: 'error'; runId: number; message: string };
