/**
 * A TrainerLoop started paused on the default model, whose scheduled work runs as soon as a
 * message is handled and whose frames are acknowledged at once: for tests that step a run
 * and read the frames it sends (loopOptions, loopUpdates).
 */
import { DEFAULT_CONFIG, modelConfigOf } from '../core/config';
import type { Frame, FromWorker, LabeledData, ToWorker } from '../core/protocol';
import type { TrainingOptions } from '../core/trainingOptions';
import { TrainerLoop, type LoopHost } from './loop';

export const model = modelConfigOf(DEFAULT_CONFIG);
export const LR = DEFAULT_CONFIG.learningRate;

export function pausedLoop(options: TrainingOptions, data?: LabeledData) {
  const frames: Frame[] = [];
  const queue: (() => void)[] = [];
  const host: LoopHost = {
    now: () => 0,
    schedule: (fn) => {
      queue.push(fn);
      return () => undefined;
    },
    post: (msg: FromWorker) => {
      if (msg.type === 'frame') frames.push(msg);
    },
  };
  const loop = new TrainerLoop(host);
  const send = (msg: ToWorker) => {
    loop.handle(msg);
    while (queue.length > 0) queue.shift()!();
    const last = frames.at(-1);
    if (last) loop.handle({ type: 'frameAck', seq: last.seq });
  };
  send({
    type: 'start',
    runId: 1,
    config: model,
    learningRate: LR,
    options,
    speed: 100,
    playing: false,
    stopAt: null,
    ...(data ? { data } : {}),
  });
  return { send, last: () => frames.at(-1)! };
}
