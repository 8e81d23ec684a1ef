/**
 * Plot layout for narrow screens (phones). Plotly's toolbar sits across a plot's top right
 * and the legend across its top left; on a phone the two meet. There the toolbar stands
 * upright in a right margin of its own, beside the plot area and clear of the legend.
 */
import { useSyncExternalStore } from 'react';
import type { Layout } from './plotStyle';

/** Widths at which the legend and Plotly's toolbar no longer fit side by side above a plot. */
export const NARROW_QUERY = '(max-width: 600px)';
/** Width of Plotly's upright toolbar, px, and so the right margin it stands in. */
export const TOOLBAR_WIDTH_PX = 30;

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(NARROW_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Whether the screen is narrow; plots re-render when it turns. */
export function useNarrowPlots(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}

/** The layout a plot takes on a narrow screen: its toolbar upright in the right margin. */
export function narrowLayout(margin: Partial<Layout['margin']> | undefined): Partial<Layout> {
  return { modebar: { orientation: 'v' }, margin: { ...margin, r: TOOLBAR_WIDTH_PX } };
}
