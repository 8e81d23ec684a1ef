/** What the training loop runs on: the worker global in the browser, fake timers in tests. */
import type { FromWorker } from '../core/protocol';
import type { ThreadPool } from '../core/threads/pool';

/** What the loop needs from its host: a clock, a scheduler and a way to post. */
export interface LoopHost {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs fn after delayMs (0 = as soon as pending messages are handled); returns a cancel. */
  schedule(fn: () => void, delayMs: number): () => void;
  post(message: FromWorker, transfer: Transferable[]): void;
  /** Helper threads a run started now splits its large steps across, or null (one thread). */
  readonly pool?: ThreadPool | null;
}
