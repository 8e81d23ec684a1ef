/** Coalesces store changes to at most one draw per animation frame (the "transient updates" pattern). */
import type { StoreApi } from 'zustand/vanilla';
import { recordDraw } from './drawTiming';
import { inOwnTask } from './ownTask';

export interface RafOptions {
  /**
   * Draw in a task of its own, queued from the animation frame, instead of inside it: for
   * views that need not change in the same frame as the plots (a canvas shows its new
   * pixels at the next frame). The frame's task, which also lays out and paints the page,
   * stays shorter, and input can be handled between the two.
   */
  ownTask?: boolean;
}

/** Calls draw(state) on the animation frame after any change; returns the unsubscribe. */
export function subscribeRaf<T>(
  store: Pick<StoreApi<T>, 'subscribe' | 'getState'>,
  draw: (state: T) => void,
  name = 'draw',
  options: RafOptions = {},
): () => void {
  let handle = 0;
  let subscribed = true;
  /** A draw queued in its own task and not yet run: another animation frame need not queue one. */
  let queued = false;
  const run = () => {
    queued = false;
    if (!subscribed) return;
    const start = performance.now();
    draw(store.getState());
    recordDraw(name, start);
  };
  const flush = () => {
    handle = 0;
    if (!options.ownTask) run();
    else if (!queued) {
      queued = true;
      inOwnTask(run);
    }
  };
  const unsubscribe = store.subscribe(() => {
    if (handle === 0) handle = requestAnimationFrame(flush);
  });
  draw(store.getState());
  return () => {
    subscribed = false;
    unsubscribe();
    if (handle !== 0) cancelAnimationFrame(handle);
  };
}
