/// <reference lib="webworker" />
/** Worker entry: hands messages to the training loop, with a real clock and scheduler. */
import type { ToWorker } from '../core/protocol';
import { kernelModule, simdSupported } from '../core/kernel/wasmRuntime';
import { TrainerLoop, type LoopHost } from './loop';

declare const self: DedicatedWorkerGlobalScope;

/** Zero-delay yields go through a MessageChannel: nested setTimeout(0) is clamped to 4 ms. */
const channel = new MessageChannel();
const queued = new Map<number, () => void>();
let nextToken = 0;
channel.port1.onmessage = (event: MessageEvent<number>) => {
  const fn = queued.get(event.data);
  queued.delete(event.data);
  fn?.();
};

const host: LoopHost = {
  now: () => performance.now(),
  schedule(fn, delayMs) {
    if (delayMs <= 0) {
      const token = nextToken++;
      queued.set(token, fn);
      channel.port2.postMessage(token);
      return () => queued.delete(token);
    }
    const id = setTimeout(fn, delayMs);
    return () => clearTimeout(id);
  },
  post: (message, transfer) => self.postMessage(message, transfer),
};

const loop = new TrainerLoop(host);
self.onmessage = (event: MessageEvent<ToWorker>) => loop.handle(event.data);

// Compile the kernel as the module loads, not on a run's start: the page's first start is
// usually already queued (its entry sends it as it creates the worker, see src/app/main.tsx)
// and is handled right after. A runtime without SIMD trains on the TypeScript core and
// skips this.
if (simdSupported()) {
  try {
    kernelModule();
  } catch {
    // The run's start reports the failure where it can be shown.
  }
}
