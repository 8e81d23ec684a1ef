/** A helper thread of the Node pool (src/cli/nodeThreads.ts): hands its messages to core's helper. */
import { parentPort } from 'node:worker_threads';
import { KernelHelper } from '../core/threads/helper';
import type { ToHelper } from '../core/threads/pool';

const helper = new KernelHelper();
parentPort!.on('message', (message: ToHelper) => {
  if (helper.handle(message) === 'stop') parentPort!.close();
});
