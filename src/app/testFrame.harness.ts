/** One frame for the page's tests: every field a plain value, any of them replaced by `patch`. */
import type { Frame } from '../core/protocol';

/** A frame of run `runId` at `step`, with `losses` recorded since the last one. */
export function testFrame(runId: number, step: number, patch: Partial<Frame> = {}): Frame {
  return {
    type: 'frame',
    runId,
    seq: step + 1,
    step,
    loss: 0.5,
    testLoss: null,
    testLosses: new Float32Array(0),
    testLossSteps: new Float64Array(0),
    trainLoss: null,
    penalty: null,
    epochs: step,
    batchSize: 30,
    stepsPerEpoch: 1,
    stepsIntoEpoch: 0,
    losses: Float32Array.of(0.5),
    lossesStart: Math.max(0, step - 1),
    curve: new Float32Array(4),
    params: null,
    grads: null,
    updates: null,
    batch: null,
    layers: [10],
    picture: {
      layers: [],
      outputGradRms: { w: 0, b: 0 },
      units: null,
      outputBias: 0,
      kinks: null,
      strips: {
        hidden: [],
        output: {
          name: 'w2',
          kind: 'w-out',
          values: new Float32Array(1),
          grads: new Float32Array(1),
          updates: new Float32Array(1),
        },
        outputBias: { name: 'b2', value: 0, grad: 0, update: 0 },
      },
    },
    stepsPerSecond: 100,
    engine: 'wasm-relaxed',
    threads: 1,
    state: 'running',
    divergedAt: null,
    reachedStop: false,
    checkpointStep: 0,
    schedule: {
      rates: [{ step: 0, learningRate: 0.01 }],
      options: [],
      data: [{ step: 0, id: 0 }],
      loadedAt: null,
      droppedFrom: null,
      dropped: 0,
    },
    ...patch,
  };
}
