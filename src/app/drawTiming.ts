/**
 * A User Timing entry per draw (`draw:fit-plot`, `draw:loss-plot-axes`, ...): visible in
 * DevTools recordings and read by `npm run bench:page` through a PerformanceObserver.
 * Each entry is cleared from the timeline buffer as soon as it is made, or the buffer
 * would grow by a few hundred entries a second for as long as the page is open.
 */
export function recordDraw(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
  performance.clearMeasures(name);
}
