/**
 * The Node realm's thread pool: helpers in worker_threads (scripts/thread-helper.mjs loads
 * src/cli/threadHelper.ts in each), sharing the split step with the thread that calls it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ThreadPool } from '../core/threads/pool';

const HELPER = new URL('../../scripts/thread-helper.mjs', import.meta.url);

/** Threads a step uses when none are asked for: one per core. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * A pool of `threads - 1` helpers (null for one thread), started when a step is first split
 * (a run too small to split never pays for them). The workers do not keep the process
 * alive; close() ends them.
 */
export function createNodePool(threads: number): ThreadPool | null {
  if (threads <= 1) return null;
  return new ThreadPool(threads - 1, () => {
    const workers = Array.from({ length: threads - 1 }, () => {
      const worker = new Worker(HELPER);
      worker.unref();
      return worker;
    });
    return {
      ports: workers,
      terminate: async () => {
        await Promise.all(workers.map((w) => w.terminate()));
      },
    };
  });
}
