/**
 * The page's thread pool: helpers are sub-workers of the training worker, sharing its
 * memory, made only where the page is cross-origin isolated (SharedArrayBuffer; see
 * docs/threads.md). They are started at once and handed to runs when every helper has
 * loaded: the step blocks its thread while it waits for them, and a worker still loading
 * might need its parent's event loop to finish.
 */
import { sharedMemorySupported } from '../core/kernel/wasmRuntime';
import { HELPER_READY, ThreadPool } from '../core/threads/pool';

/** Threads a step is split across here: `asked` (the page's override), else the cores less one for drawing. */
export function pageThreads(asked: number | null, cores: number): number {
  return Math.max(1, asked ?? cores - 1);
}

/** Whether this worker can run helpers sharing its memory. */
export function threadsAvailable(isolated: boolean): boolean {
  return isolated && sharedMemorySupported();
}

/** A pool of `threads - 1` sub-workers, resolved once all have loaded; null for one thread. */
export function createPagePool(threads: number): Promise<ThreadPool> | null {
  if (threads <= 1) return null;
  const workers = Array.from(
    { length: threads - 1 },
    (_, i) =>
      new Worker(new URL('./threadHelper.ts', import.meta.url), {
        type: 'module',
        name: `trainer-helper-${i + 1}`,
      }),
  );
  const loaded = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<unknown>) => {
          if (event.data === HELPER_READY) resolve();
        };
        worker.onerror = () => reject(new Error('a helper thread failed to load'));
      }),
  );
  return Promise.all(loaded).then(
    () =>
      new ThreadPool(threads - 1, () => ({
        ports: workers,
        terminate: () => {
          for (const worker of workers) worker.terminate();
          return Promise.resolve();
        },
      })),
  );
}
