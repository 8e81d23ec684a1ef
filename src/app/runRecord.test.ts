import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_OPTIONS } from '../core/trainingOptions';
import type { Frame, LabeledData, ToWorker } from '../core/protocol';
import type { RunSchedule } from '../core/runHistory';
import { keepNamedBy, recordSent, runRecordOf } from './runRecord';

const points = (n: number): LabeledData => ({
  x: new Float32Array(n),
  y: new Float32Array(n),
  test: new Uint8Array(n),
});

function frameWith(runId: number, schedule: RunSchedule): Frame {
  return { runId, schedule } as Pick<Frame, 'runId' | 'schedule'> as Frame;
}

function sentId(msg: ToWorker): number {
  const out = recordSent(msg);
  if (out.type !== 'setData' && out.type !== 'start') throw new Error('not a data message');
  return out.data!.id!;
}

describe('the page side of a run history', () => {
  it('names the points it sends and gives them back for the schedule that names them', () => {
    const a = points(3);
    const b = points(5);
    const idA = sentId({
      type: 'start',
      runId: 4,
      config: {
        dataset: 'linear',
        points: 3,
        noise: 0,
        seed: 0,
        layers: [2],
        init: 'tutorial',
        activation: 'relu',
      },
      learningRate: 0.01,
      options: DEFAULT_TRAINING_OPTIONS,
      speed: 1,
      playing: true,
      stopAt: null,
      data: a,
    });
    const idB = sentId({ type: 'setData', data: b });
    expect(idB).toBeGreaterThan(idA);
    const schedule: RunSchedule = {
      rates: [{ step: 0, learningRate: 0.01 }],
      options: [],
      data: [
        { step: 0, id: idA },
        { step: 40, id: idB },
      ],
      loadedAt: null,
      droppedFrom: null,
      dropped: 0,
    };
    const record = runRecordOf(frameWith(4, schedule));
    expect(record?.data).toEqual([
      { step: 0, data: a },
      { step: 40, data: b },
    ]);
  });

  it('forgets points no schedule can name again, keeps the newer ones', () => {
    const ids = [points(1), points(2), points(3), points(4)].map((data) =>
      sentId({ type: 'setData', data }),
    );
    keepNamedBy(
      frameWith(1, {
        rates: [],
        options: [],
        data: [
          { step: 0, id: 0 },
          { step: 9, id: ids[2]! },
        ],
        loadedAt: null,
        droppedFrom: null,
        dropped: 0,
      }),
    );
    // ids[0] and ids[1] are gone: a schedule naming them can no longer be resolved.
    expect(
      runRecordOf(
        frameWith(1, {
          rates: [],
          options: [],
          data: [{ step: 0, id: ids[1]! }],
          loadedAt: null,
          droppedFrom: null,
          dropped: 0,
        }),
      ),
    ).toBeNull();
    expect(
      runRecordOf(
        frameWith(1, {
          rates: [],
          options: [],
          data: [{ step: 0, id: ids[3]! }],
          loadedAt: null,
          droppedFrom: null,
          dropped: 0,
        }),
      )?.data[0]!.data?.x,
    ).toHaveLength(4);
  });

  it('gives the loaded weights to the run they were loaded into only', () => {
    recordSent({ type: 'setParams', runId: 8, params: Float32Array.of(1, 2, 3, 4), step: 120 });
    const schedule: RunSchedule = {
      rates: [],
      options: [],
      data: [{ step: 120, id: 0 }],
      loadedAt: 120,
      droppedFrom: null,
      dropped: 0,
    };
    expect(runRecordOf(frameWith(8, schedule))?.loaded).toEqual({
      step: 120,
      params: Float32Array.of(1, 2, 3, 4),
    });
    expect(runRecordOf(frameWith(9, schedule))).toBeNull();
  });
});
