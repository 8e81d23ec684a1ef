/**
 * The page's override of how many threads a large step is split across (`?threads=N`,
 * core/pageThreads.ts), passed to the training worker in its name.
 */
import { parsePageThreads } from '../core/pageThreads';

/** The training worker's name for an address's query: "trainer", or "trainer threads=N". */
export function workerName(search: string): string {
  const text = new URLSearchParams(search).get('threads');
  const n = text === null ? undefined : parsePageThreads(text);
  return n === undefined ? 'trainer' : `trainer threads=${n}`;
}
