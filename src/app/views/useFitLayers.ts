/** The fit plot's hooks into the views: what to draw on top of the live curve, and point clicks. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Dataset } from '../../core/dataset';
import type { Frame } from '../../core/protocol';
import type { PlotlyHTMLElement, PlotMouseEvent } from '../plots/plotStyle';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { fitLayoutExtras, fitOverlays, fitUnderlays, type FitLayerInput } from './fitLayers';
import { insightFor } from './frameInsight';
import { pinLabels } from './pins';
import { GRID, useRunData } from './runData';
import { selectPoint, useViewStore } from './viewStore';

/** Everything the fit plot's layers depend on besides the live frame, as React state. */
export function useFitLayers() {
  const views = useViewStore(
    useShallow((s) => ({
      showUnits: s.showUnits,
      showKinks: s.showKinks,
      showResiduals: s.showResiduals,
      selected: s.selected,
    })),
  );
  const pinned = useViewStore((s) => s.pinned);
  const activation = useAppStore((s) => s.config.activation);
  const layers = useAppStore((s) => s.config.layers);
  const labels = useMemo(() => pinLabels(pinned), [pinned]);
  // The page's points, held-out ones counted: what a frame's batch indices name.
  const all = useRunData().all;
  // The plot's notes are worded in the language in force: a switch redraws them.
  const messages = useT();
  /** The layers for one frame: computed inside the animation-frame draw, never in a render. */
  const layersFor = useMemo(
    () => (frame: Frame | null, data: Dataset, plotWidth?: number) => {
      const input: FitLayerInput = {
        insight: insightFor(frame, activation, layers, data, GRID),
        views,
        pinned,
        pinLabels: labels,
        grid: GRID,
        messages,
        batch: batchPoints(frame, all.x, all.y),
        plotWidth,
      };
      return {
        under: fitUnderlays(input),
        over: fitOverlays(input),
        layout: fitLayoutExtras(input),
      };
    },
    [views, pinned, labels, activation, layers, messages, all],
  );
  return layersFor;
}

/** The page's points a frame's batch names (none past the data: a frame racing a data change). */
export function batchPoints(
  frame: Frame | null,
  x: Float32Array,
  y: Float32Array,
): { x: number[]; y: number[] } | null {
  const batch = frame?.batch;
  if (!batch) return null;
  const out = { x: [] as number[], y: [] as number[] };
  for (const i of batch)
    if (i < x.length) {
      out.x.push(x[i]!);
      out.y.push(y[i]!);
    }
  return out;
}

/**
 * Clicking a data point selects it for the step inspector. A click that lands on the
 * fitted curve instead selects the data point nearest in x, so a point under the curve
 * can still be picked. `dataIndex` maps a marker of the data trace to the point it shows
 * (the plot may draw only every k-th point).
 */
export function bindPointClicks(
  gd: PlotlyHTMLElement,
  x: Float32Array,
  dataIndex: (marker: number) => number,
): void {
  gd.removeAllListeners('plotly_click');
  gd.on('plotly_click', (event: PlotMouseEvent) => {
    // Traces are told apart by meta, their fixed id (their names follow the language).
    const id = (p: (typeof event.points)[number]) => (p.data as { meta?: unknown }).meta;
    const hit = event.points.find((p) => id(p) === 'data') ?? event.points[0];
    if (!hit || x.length === 0) return;
    if (id(hit) === 'data') {
      selectPoint(dataIndex(hit.pointIndex));
      return;
    }
    if (id(hit) !== 'fit' || typeof hit.x !== 'number') return;
    let best = 0;
    for (let i = 1; i < x.length; i++)
      if (Math.abs(x[i]! - hit.x) < Math.abs(x[best]! - hit.x)) best = i;
    selectPoint(best);
  });
}
