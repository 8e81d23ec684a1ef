/// <reference lib="webworker" />
/** A helper sub-worker of the training worker (see subWorkers.ts): hands its messages to core's helper. */
import { KernelHelper } from '../core/threads/helper';
import { HELPER_READY, type ToHelper } from '../core/threads/pool';

declare const self: DedicatedWorkerGlobalScope;

const helper = new KernelHelper();
self.onmessage = (event: MessageEvent<ToHelper>) => {
  if (helper.handle(event.data) === 'stop') self.close();
};
self.postMessage(HELPER_READY);
