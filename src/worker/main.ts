/// <reference lib="webworker" />
/** Worker entry: hands messages to the training loop, with a real clock and scheduler. */
import type { ToWorker } from '../core/protocol';
import { kernelModule, simdSupported } from '../core/kernel/wasmRuntime';
import type { ThreadPool } from '../core/threads/pool';
import { TrainerLoop, type LoopHost } from './loop';
import { createPagePool, pageThreads, threadsAvailable } from './subWorkers';

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

/** The page's thread count override, from the worker's name ("trainer threads=N"; see workerClient). */
const asked = /threads=(\d+)/.exec(self.name)?.[1];
let pool: ThreadPool | null = null;
const host: LoopHost = {
  get pool() {
    return pool;
  },
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
/** Messages held while the helpers load, so the page's first run already has them; null: none held. */
let held: ToWorker[] | null = null;
self.onmessage = (event: MessageEvent<ToWorker>) => {
  if (held) held.push(event.data);
  else loop.handle(event.data);
};

// Helpers only where the page is cross-origin isolated. Their scripts are small: the
// messages wait for them, and without them (one thread, or a helper that failed to load)
// every run trains on this thread, as without isolation.
if (threadsAvailable(self.crossOriginIsolated)) {
  const threads = pageThreads(asked ? Number(asked) : null, navigator.hardwareConcurrency);
  const starting = createPagePool(threads);
  if (starting) {
    held = [];
    starting
      .then((ready) => {
        pool = ready;
      })
      .catch(() => {})
      .finally(() => {
        const messages = held ?? [];
        held = null;
        for (const message of messages) loop.handle(message);
      });
  }
}

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
