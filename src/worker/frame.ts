/** Builds one frame of a run: its curve, picture, parameters and gradients (when due), and the losses since the last frame. */
import type { Frame, RunState } from '../core/protocol';
import type { TrainingRun } from '../core/run';
import type { BuiltPicture } from './picture';

/** What the loop knows that the run does not. */
export interface FrameContext {
  runId: number;
  seq: number;
  /** Losses recorded since the previous frame (copied, then transferred). */
  losses: Float32Array;
  lossesStart: number;
  /** Test losses sampled since the previous frame, and their steps (see TestSamples). */
  testLosses: Float32Array;
  testLossSteps: Float64Array;
  stepsPerSecond: number;
  state: RunState;
  reachedStop: boolean;
  /** The loss the last step recorded, or null when none stands for the run as it is (see LossBuffer.last). */
  lastLoss: number | null;
  /** Whether this frame carries the parameters and gradients (see core/framePolicy paramsDue). */
  withParams: boolean;
  /** What the views draw, built for this frame. */
  picture: BuiltPicture;
}

/**
 * The loss the frame reports. A run standing still reports the loss of its current
 * parameters, what its next step will record: Step then always changes it, and a
 * diverged run shows the loss of the good parameters it went back to. While the run
 * trains, frames stream and the readout is in motion: they report the loss the last step
 * recorded (before its update, as the tutorial prints it), one step behind, since the
 * current loss costs one more forward pass per frame, most of a step's cost at large N and H
 * (docs/performance.md).
 * After new data, loaded parameters or a rescue no recorded loss stands for the run.
 */
function frameLoss(run: TrainingRun, ctx: FrameContext): number {
  if (ctx.state === 'running' && ctx.lastLoss !== null) return ctx.lastLoss;
  return run.currentLoss();
}

/** The frame and the buffers to transfer with it. Allocates per frame (never per step). */
export function buildFrame(
  run: TrainingRun,
  ctx: FrameContext,
): { frame: Frame; transfer: Transferable[] } {
  const curve = new Float32Array(run.grid.length);
  const { gridOutput } = ctx.picture;
  // The picture's forward pass over the grid gave the run's curve (the engine's own, or the
  // TS engine's computed the same way): no second pass.
  if (gridOutput) curve.set(gridOutput.subarray(0, curve.length));
  else run.curve(curve);
  const transfer: Transferable[] = [
    curve.buffer,
    ctx.losses.buffer,
    ctx.testLosses.buffer,
    ctx.testLossSteps.buffer,
    ...ctx.picture.transfer,
  ];
  let params: Float32Array | null = null;
  let grads: Float32Array | null = null;
  let updates: Float32Array | null = null;
  if (ctx.withParams) {
    params = new Float32Array(run.paramLength());
    run.snapshotParams(params);
    grads = new Float32Array(params.length);
    run.lastGradients(grads);
    updates = new Float32Array(params.length);
    run.lastUpdates(updates);
    transfer.push(params.buffer, grads.buffer, updates.buffer);
  }
  const batch = run.lastBatch();
  if (batch) transfer.push(batch.buffer);
  const batching = run.batching;
  const penalty = run.penalty();
  const frame: Frame = {
    type: 'frame',
    runId: ctx.runId,
    seq: ctx.seq,
    step: run.step,
    loss: frameLoss(run, ctx),
    testLoss: run.testLoss(),
    trainLoss: batching.batchSize < run.data.x.length ? run.currentLoss() : null,
    penalty: penalty === 0 ? null : penalty,
    ...batching,
    losses: ctx.losses,
    lossesStart: ctx.lossesStart,
    testLosses: ctx.testLosses,
    testLossSteps: ctx.testLossSteps,
    curve,
    params,
    grads,
    updates,
    batch,
    layers: run.config.layers,
    picture: ctx.picture.picture,
    stepsPerSecond: ctx.stepsPerSecond,
    engine: run.engineName,
    threads: run.threads,
    state: ctx.state,
    divergedAt: run.divergedAt,
    reachedStop: ctx.reachedStop,
    checkpointStep: run.checkpointStep,
    schedule: run.history.schedule(),
  };
  return { frame, transfer };
}
