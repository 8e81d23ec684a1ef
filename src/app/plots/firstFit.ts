/**
 * Whether the fit plot has drawn since the page loaded, and a way for other views to wait
 * for it. On a first visit each plot's first Plotly draw is slow (Plotly's code runs for the
 * first time): the fit, the page's main picture, goes first, and the loss plot's first draw
 * follows in a task after it (after the browser has painted the fit), instead of before it.
 */
let drawn = false;
const waiting = new Set<() => void>();

/** Called by the fit plot each time it shows a frame (only the first call matters). */
export function markFitDrawn(): void {
  if (drawn) return;
  drawn = true;
  for (const run of [...waiting]) run();
}

export function fitDrawn(): boolean {
  return drawn;
}

/**
 * Runs `fn` in a task of its own once the fit plot has drawn, or after `maxWaitMs` whatever
 * happens (a view must never wait on another forever). Returns a cancel.
 */
export function afterFitDrawn(fn: () => void, maxWaitMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    waiting.delete(release);
    timer = null;
    fn();
  };
  // The fit has drawn: a new task, so its frame is painted before this draw starts.
  const release = () => {
    waiting.delete(release);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, 0);
  };
  timer = setTimeout(fire, drawn ? 0 : maxWaitMs);
  if (!drawn) waiting.add(release);
  return () => {
    waiting.delete(release);
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
