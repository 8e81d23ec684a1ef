/**
 * The page's override of how many threads a large step is split across: `?threads=N` in
 * the address. Read here, so the link notice (urlState.ts) and the worker's name
 * (src/app/threadsParam.ts) agree on what is valid. Without it the worker takes the
 * cores less one (docs/threads.md).
 */
import { parseNumeric, type NumericSpec } from './numeric';

/** Most threads the page may ask for. */
export const MAX_PAGE_THREADS = 16;

export const PAGE_THREADS_SPEC: NumericSpec = {
  min: 1,
  max: MAX_PAGE_THREADS,
  integer: true,
  minInclusive: true,
};

/** The address's thread count, or undefined when `raw` is not a whole number in range. */
export function parsePageThreads(raw: string): number | undefined {
  // Digits only: parseNumeric would take "2e0" or " 2", which a link should not need.
  if (!/^\d+$/.test(raw)) return undefined;
  const parsed = parseNumeric(raw, PAGE_THREADS_SPEC);
  return parsed.ok ? parsed.value : undefined;
}
