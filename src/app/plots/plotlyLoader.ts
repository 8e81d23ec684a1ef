/**
 * Plotly, loaded as a chunk of its own. On a first visit the browser compiles Plotly's
 * megabyte on a background thread for a few hundred ms; the page renders meanwhile,
 * and the plots draw once it is in (usePlotly). main.tsx starts the load; the HTML
 * preloads the chunk.
 */
import { useSyncExternalStore } from 'react';
import type { PlotlyApi } from './plotly';

export type { PlotlyApi };

export interface PlotlyStatus {
  /** Plotly, once loaded. */
  plotly: PlotlyApi | null;
  /** Its chunk could not be loaded (offline, or a redeploy removed it): the plots say so. */
  failed: boolean;
}

let status: PlotlyStatus = { plotly: null, failed: false };
let loading: Promise<PlotlyStatus> | null = null;
const listeners = new Set<() => void>();

function settle(next: PlotlyStatus): PlotlyStatus {
  status = next;
  for (const listener of listeners) listener();
  return next;
}

/** Loads Plotly once (a failed load stays failed: the page offers a reload). */
export function loadPlotly(
  load: () => Promise<{ Plotly: PlotlyApi }> = () => import('./plotly'),
): Promise<PlotlyStatus> {
  loading ??= load().then(
    (module) => settle({ plotly: module.Plotly, failed: false }),
    (error: unknown) => {
      console.error(error); // a bug in Plotly's module lands here too: keep its reason
      return settle({ plotly: null, failed: true });
    },
  );
  return loading;
}

/**
 * Frees Plotly's hold on a plot's div (its listeners, the window's resize handler) once the
 * div has left the page. Deferred, and skipped while the div is still attached: React's
 * StrictMode unmounts and remounts every component in development, and a plot purged in
 * the middle of its first draw throws from Plotly's pending margin redraw.
 */
export function purgeWhenRemoved(div: HTMLElement): void {
  setTimeout(() => {
    if (!div.isConnected) status.plotly?.purge(div);
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The load's status; the component renders again when it changes. */
export function usePlotly(): PlotlyStatus {
  return useSyncExternalStore(subscribe, () => status);
}
