/** Coalesces store changes to at most one draw per animation frame (the "transient updates" pattern). */
import type { StoreApi } from 'zustand/vanilla';

/** Calls draw(state) on the animation frame after any change; returns the unsubscribe. */
export function subscribeRaf<T>(store: Pick<StoreApi<T>, 'subscribe' | 'getState'>, draw: (state: T) => void): () => void {
  let handle = 0;
  const flush = () => {
    handle = 0;
    draw(store.getState());
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
