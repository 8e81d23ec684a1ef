/** Coalesces store changes to at most one draw per animation frame (the "transient updates" pattern). */
import type { StoreApi } from 'zustand/vanilla';
import { recordDraw } from './drawTiming';

/** Calls draw(state) on the animation frame after any change; returns the unsubscribe. */
export function subscribeRaf<T>(store: Pick<StoreApi<T>, 'subscribe' | 'getState'>, draw: (state: T) => void, name = 'draw'): () => void {
  let handle = 0;
  const flush = () => {
    handle = 0;
    const start = performance.now();
    draw(store.getState());
    recordDraw(name, start);
  };
  const unsubscribe = store.subscribe(() => {
    if (handle === 0) handle = requestAnimationFrame(flush);
  });
  draw(store.getState());
  return () => {
    unsubscribe();
    if (handle !== 0) cancelAnimationFrame(handle);
  };
}
