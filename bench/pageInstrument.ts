/** The counters bench:page keeps inside the page, and how it reads them back. */
import type { Page } from 'playwright-core';

export type Bench = {
  rafs: number;
  redraws: number;
  firstFitAt: number;
  windowStart: number;
  longest: number;
  /** Longest task after the first fit and before the window (the bench resets it before the settings changes). */
  longestAll: number;
  hooked: boolean;
  /** Long tasks in the window, [start, duration] in ms. */
  tasks: [number, number][];
  /** The app's User Timing entries (each draw), [name, start, duration]: the app clears them from the buffer. */
  measures: [string, number, number][];
};

/**
 * Runs in the page before its scripts: counters the bench reads back. Plain JavaScript in
 * a string, since tsx rewrites functions with helpers that do not exist in the page.
 */
export const INSTRUMENT = `(() => {
  const b = { rafs: 0, redraws: 0, firstFitAt: -1, windowStart: Infinity, longest: 0, longestAll: 0, hooked: false, tasks: [], measures: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= b.windowStart) b.measures.push([e.name, e.startTime, e.duration]);
  }).observe({ type: 'measure' });
  window.__bench = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (b.firstFitAt >= 0 && e.startTime < b.windowStart) b.longestAll = Math.max(b.longestAll, e.duration);
      if (e.startTime >= b.windowStart) {
        b.longest = Math.max(b.longest, e.duration);
        b.tasks.push([e.startTime, e.duration]);
      }
    }
  }).observe({ type: 'longtask', buffered: true });
  const tick = () => { b.rafs++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // Capture phase: the event does not bubble, and the plot's element comes and goes with React.
  document.addEventListener('fitdrawn', (e) => {
    b.redraws++;
    b.hooked = true;
    if (b.firstFitAt < 0 && e.detail > 0) b.firstFitAt = performance.now();
  }, true);
})();`;

export const readBench = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);
