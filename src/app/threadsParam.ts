/**
 * The page's override of how many threads a large step is split across: `?threads=N` in
 * the address (1 to MAX_PAGE_THREADS), passed to the training worker in its name. Without
 * it the worker takes the cores less one (docs/threads.md).
 */

/** Most threads the page may ask for. */
export const MAX_PAGE_THREADS = 16;

/** The training worker's name for an address's query: "trainer", or "trainer threads=N". */
export function workerName(search: string): string {
  const text = new URLSearchParams(search).get('threads');
  const n = text !== null && /^\d+$/.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= MAX_PAGE_THREADS ? `trainer threads=${n}` : 'trainer';
}
