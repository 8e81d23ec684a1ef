import { describe, expect, it } from 'vitest';
import type { Frame, LayerPicture } from '../../core/protocol';
import { recordGradients } from './gradTrack';

/** A frame of run `runId` at `step` whose layers' gradient RMS are all `g` (only what the chart reads). */
function frame(runId: number, step: number, layers: number[], g: number): Frame {
  const layer = (width: number): LayerPicture => ({
    width,
    drawn: null,
    health: { kind: 'dead', count: 0, stuck: new Uint8Array(width) },
    gradRms: { w: g, b: g },
  });
  return {
    runId,
    step,
    layers,
    picture: {
      layers: layers.map(layer),
      outputGradRms: { w: 2 * g, b: 2 * g },
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
  } as Partial<Frame> as Frame;
}

describe('the gradient track', () => {
  it('records one series per hidden layer and the output, per run', () => {
    const h = recordGradients(frame(1, 1, [4, 3], 0.5));
    expect(h.series).toBe(3);
    recordGradients(frame(1, 2, [4, 3], 0.25));
    expect(h.length).toBe(2);
    // Equal w and b RMS: the layer's RMS is that value.
    expect(h.at(1, 0)).toBeCloseTo(0.25, 12);
    expect(h.at(1, 2)).toBeCloseTo(0.5, 12);
    // A new run starts a new history.
    const other = recordGradients(frame(2, 1, [4, 3], 1));
    expect(other).not.toBe(h);
    expect(other.length).toBe(1);
  });

  it('goes back with a run that went back to an earlier step', () => {
    for (let s = 1; s <= 10; s++) recordGradients(frame(3, s, [2], s));
    const h = recordGradients(frame(3, 4, [2], 40));
    expect(h.lastStep).toBe(4);
    expect(h.at(h.length - 1, 0)).toBe(40);
  });
});
