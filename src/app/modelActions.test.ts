/**
 * "Export model" never saves old weights under a newer step: a large model's running frames
 * carry no weights, so Export pauses the run and saves the paused frame's. Without React
 * or a worker: frames go straight into liveStore, the download is caught.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Frame, ToWorker } from '../core/protocol';
import type { ModelFile } from '../core/modelFile';
import { layerViews, paramLayout } from '../core/paramLayout';
import { panelStrips } from '../core/panelStrips';

const sent: ToWorker[] = [];
vi.mock('./workerClient', () => ({
  send: (msg: ToWorker) => sent.push(msg),
  connectWorker: () => {},
  disconnectWorker: () => {},
}));
const saved: string[] = [];
vi.mock('./download', () => ({ downloadText: (_name: string, text: string) => saved.push(text) }));

const { exportModel } = await import('./modelActions');
const { acceptFrame, clearLive } = await import('./liveStore');
const { initialState, useAppStore } = await import('./store');

/** Larger than FRAME_PARAMS_LIMIT: its running frames carry no parameters. */
const LARGE = [80, 80];
const layout = paramLayout(LARGE);

/** Parameters that tell their step apart: every entry is the step. */
function paramsAt(step: number): Float32Array {
  return new Float32Array(layout.length).fill(step);
}

function frame(step: number, state: Frame['state'], withParams: boolean): Frame {
  const params = paramsAt(step);
  const grads = new Float32Array(layout.length);
  return {
    type: 'frame',
    runId: 1,
    seq: step + 1,
    step,
    loss: 0.5,
    testLoss: null,
    testLosses: new Float32Array(0),
    testLossSteps: new Float64Array(0),
    trainLoss: null,
    penalty: null,
    epochs: 0,
    batchSize: 30,
    stepsPerEpoch: 1,
    stepsIntoEpoch: 0,
    losses: new Float32Array(0),
    lossesStart: step,
    curve: new Float32Array(4),
    params: withParams ? params : null,
    grads: withParams ? grads : null,
    updates: withParams ? grads : null,
    batch: null,
    layers: LARGE,
    picture: {
      layers: [],
      outputGradRms: { w: 0, b: 0 },
      units: null,
      outputBias: 0,
      kinks: null,
      strips: panelStrips(
        layout,
        layerViews(layout, params),
        layerViews(layout, grads),
        layerViews(layout, grads),
      ),
    },
    stepsPerSecond: 1,
    engine: 'ts',
    threads: 1,
    state,
    divergedAt: null,
    reachedStop: false,
    checkpointStep: 0,
    schedule: {
      rates: [],
      options: [],
      data: [{ step: 0, id: 0 }],
      loadedAt: null,
      droppedFrom: null,
      dropped: 0,
    },
  };
}

function savedFile(): ModelFile {
  expect(saved).toHaveLength(1);
  return JSON.parse(saved[0]!) as ModelFile;
}

describe('Export model', () => {
  beforeEach(() => {
    sent.length = 0;
    saved.length = 0;
    clearLive();
    useAppStore.setState({
      ...initialState,
      config: { ...initialState.config, layers: LARGE },
      runId: 1,
      playing: true,
    });
  });

  it('while a large model trains, pauses it and saves the weights of the step it paused at, not the old ones kept', async () => {
    // Step 0 stood still (with its weights); then running frames without any.
    acceptFrame(frame(0, 'paused', true));
    acceptFrame(frame(7, 'running', false));
    const result = exportModel();
    // A second click while it waits saves no second file.
    const again = exportModel();
    expect(sent).toEqual([{ type: 'pause' }]);
    expect(useAppStore.getState().playing).toBe(false);
    expect(saved).toEqual([]);
    // A frame still running (sent before the pause arrived) is not the one.
    acceptFrame(frame(8, 'running', false));
    expect(saved).toEqual([]);
    acceptFrame(frame(9, 'paused', true));
    expect(await result).toEqual({ saved: true, step: 9, paused: true });
    expect(await again).toEqual({ saved: true, step: 9, paused: true });
    const file = savedFile();
    expect(file.step).toBe(9);
    expect(file.params.every((l) => l.b.flat().every((v) => v === 9))).toBe(true);
  });

  it('saves at once, without pausing, when the newest frame carries the weights', async () => {
    acceptFrame(frame(5, 'paused', true));
    expect(await exportModel()).toEqual({ saved: true, step: 5, paused: false });
    expect(sent).toEqual([]);
    expect(savedFile().step).toBe(5);
  });

  it('saves nothing when the run is replaced before its paused frame comes', async () => {
    acceptFrame(frame(7, 'running', false));
    const result = exportModel();
    useAppStore.setState({ runId: 2 });
    clearLive();
    expect(await result).toEqual({ saved: false });
    expect(saved).toEqual([]);
  });

  it('has nothing to save before the first frame', async () => {
    expect(await exportModel()).toEqual({ saved: false });
    expect(saved).toEqual([]);
  });
});
