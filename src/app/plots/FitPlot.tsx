/**
 * The noisy data, the true function and the network's curve. Data and axes are rebuilt
 * only when the run's data changes; the curve is redrawn from liveStore at most once
 * per animation frame, without React renders.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { targetFunction } from '../../core/dataset';
import { curveGrid, PLOT_X_RANGE } from '../../core/grid';
import { liveStore, type LiveState } from '../liveStore';
import { markFitDrawn } from './firstFit';
import { recordDraw } from '../drawTiming';
import { subscribeRaf } from '../rafSubscribe';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { addPoint, currentData, movePoint, removePoint } from '../data/dataActions';
import { installPointEditing } from '../data/pointEditing';
import { useRunData } from '../views/runData';
import { bindPointClicks, useFitLayers } from '../views/useFitLayers';
import { patchLines } from './fastLines';
import { firstPiece, traceSignature } from './traceShape';
import { fitTraces } from './fitTraces';
import { dataIndex, thinPoints } from './thinPoints';
import type { GraphDiv } from './plotlyInternals';
import { axis, baseLayout, palette, PLOT_CONFIG, type PlotlyHTMLElement } from './plotStyle';
import { purgeWhenRemoved, usePlotly } from './plotlyLoader';
import { PlotsUnavailable } from './PlotsUnavailable';
import { narrowLayout, useNarrowPlots } from './narrowPlots';

/**
 * Fired on the fit plot's element each time it shows a new frame, by either path (lines
 * patched in place, or a full Plotly redraw once it has drawn); `detail` is the number of
 * points of the fitted curve. Read by `npm run bench:page`, since the patched path, which
 * draws almost every frame of a running network, never fires Plotly's own events.
 */
export const FIT_DRAWN_EVENT = 'fitdrawn';

/** Extra room above and below the data, as a fraction of its spread. */
const Y_PADDING = 0.15;
/**
 * Most data markers drawn. Plotly restyles every marker on every redraw (the fit changes
 * each frame), which at N = 2000 costs ~100 ms a frame on 2 cores; beyond this many points
 * the markers already overlap into a band, so every k-th point shows the same picture.
 */
const MAX_MARKERS = 400;
/** A draw with no frame (a run that has just started) waits at most this long for the run's first frame, ms. */
const FIRST_FRAME_WAIT_MS = 300;

function yRange(values: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of values) {
    for (let i = 0; i < arr.length; i++) {
      lo = Math.min(lo, arr[i]!);
      hi = Math.max(hi, arr[i]!);
    }
  }
  const pad = Math.max(hi - lo, 0.5) * Y_PADDING;
  return [lo - pad, hi + pad];
}

/**
 * The y range in force: the data's own, except that while editing it only grows, so the axes
 * do not jump under a dragged point. Adjusted while rendering (React's way for state that
 * follows props), so a frame of new data is drawn on its own range at once.
 */
function useKeptRange(fitted: [number, number], editing: boolean): [number, number] {
  const [kept, setKept] = useState({ fitted, editing, range: fitted });
  if (kept.fitted === fitted && kept.editing === editing) return kept.range;
  const range: [number, number] = editing
    ? [Math.min(kept.range[0], fitted[0]), Math.max(kept.range[1], fitted[1])]
    : fitted;
  setKept({ fitted, editing, range });
  return range;
}

export function FitPlot() {
  const labelText = useT();
  const ref = useRef<HTMLDivElement>(null);
  const dataset = useAppStore((s) => s.config.dataset);
  const theme = useAppStore((s) => s.theme);
  const expression = useAppStore((s) => s.config.expression);
  const editing = useAppStore((s) => s.editing);
  const run = useRunData();
  const { plotly, failed } = usePlotly();
  const narrow = useNarrowPlots();

  const scene = useMemo(() => {
    const data = run.train;
    const grid = curveGrid();
    const truth = grid.map(targetFunction({ dataset, expression }));
    const inData = truth.filter((_, i) => Math.abs(grid[i]!) <= 1);
    const shown = thinPoints(data.x, data.y, MAX_MARKERS);
    const testShown = thinPoints(run.test.x, run.test.y, MAX_MARKERS);
    const fitted = yRange([run.all.y, inData]);
    return { data, points: data.x.length, shown, testShown, grid, truth, fitted };
  }, [run, dataset, expression]);
  const range = useKeptRange(scene.fitted, editing);
  const layersFor = useFitLayers();

  useEffect(() => {
    if (!editing || !plotly) return;
    const div = ref.current!;
    // Plotly's own drag (zoom box) would fight the editor: off while editing. A plot not yet
    // drawn (editing turned on while Plotly was loading) cannot be relaid out; its first
    // draw below takes dragmode from `editing`.
    const drawn = () => (div as GraphDiv)._fullLayout !== undefined;
    if (drawn()) void plotly.relayout(div, { dragmode: false });
    const uninstall = installPointEditing(div, {
      points: currentData,
      add: addPoint,
      move: movePoint,
      remove: removePoint,
      deleteMode: () => useAppStore.getState().deleting,
    });
    return () => {
      uninstall();
      if (drawn()) void plotly.relayout(div, { dragmode: 'zoom' });
    };
  }, [editing, plotly]);

  useEffect(() => {
    if (!plotly) return; // the plot draws once Plotly is in (see plotlyLoader.ts)
    const div = ref.current!;
    const COLORS = palette();
    const base = baseLayout();
    const layout = {
      ...base,
      // On a phone Plotly's toolbar stands beside the plot, clear of the legend (see narrowPlots.ts).
      ...(narrow ? narrowLayout(base.margin) : {}),
      ...(editing ? { dragmode: false as const } : {}),
      xaxis: axis('x', { range: [...PLOT_X_RANGE], zeroline: true }),
      // automargin: a steep target's labels (tan near ±π/2: ±6×10¹⁶) widen the margin instead of being cut off.
      yaxis: axis('y', { range, zeroline: true, automargin: true }),
    };
    let revision = 0;
    let clicksBound = false;
    let lastSignature = '';
    // The frame this subscription last drew (undefined: none yet). The live store also changes
    // for what this plot does not show (a new run clears it before its first frame comes):
    // redrawing the same frame would cost a full Plotly redraw for nothing, 70 ms or more on
    // a first visit, in the way of the first fit.
    let lastFrame: LiveState['frame'] | undefined;
    let waiting: ReturnType<typeof setTimeout> | null = null;
    let waitedOut = false;
    const draw = ({ frame }: LiveState) => {
      if (!waitedOut && frame === null) {
        // A run with no frame yet: the page's first (whose draw is Plotly's slowest, 200+ ms
        // on a first visit) or a new one after a settings change. Its first frame is usually
        // tens of ms away: waiting for it makes one full draw show the new data and curve,
        // where drawing the empty curve first cost a second full redraw (50+ ms of main
        // thread at H = 1024, one more long task per settings change).
        waiting ??= setTimeout(() => {
          waitedOut = true;
          draw(liveStore.getState());
        }, FIRST_FRAME_WAIT_MS);
        return;
      }
      if (waiting !== null) clearTimeout(waiting);
      waiting = null;
      // The next run without a frame is waited for again.
      if (frame !== null) waitedOut = false;
      if (frame === lastFrame) return;
      lastFrame = frame;
      // The plot's area as last drawn (before the first draw, the div less its margins): the note is wrapped to it.
      const margin = layout.margin ?? {};
      const plotWidth =
        (div as GraphDiv)._fullLayout?._size?.w ??
        div.clientWidth - (margin.l ?? 0) - (margin.r ?? 0);
      const layers = layersFor(frame, scene.data, plotWidth > 0 ? plotWidth : undefined);
      const traces = fitTraces(scene, frame, layers, labelText, COLORS);
      const signature = traceSignature(traces);
      const curvePoints = frame ? frame.curve.length : 0;
      const step = frame ? String(frame.step) : '';
      const drawn = () => {
        // The step whose frame is on screen, once drawn (tests wait for it).
        div.dataset.drawnStep = step;
        markFitDrawn();
        div.dispatchEvent(new CustomEvent(FIT_DRAWN_EVENT, { detail: curvePoints }));
      };
      // While the network trains only its lines move (see fastLines), and the axes here are
      // fixed by the data, so no full redraw is needed until the plot's structure changes.
      // A frame of a run standing still gets a full redraw, to leave Plotly's own state exact.
      const running = frame?.state === 'running';
      if (running && signature === lastSignature && patchLines(div, traces)) drawn();
      else {
        lastSignature = signature;
        // Lines with gaps go to Plotly as their first piece and are then patched whole (see firstPiece).
        const pieces = traces.map(firstPiece);
        const start = performance.now();
        void plotly
          .react(
            div,
            pieces,
            { ...layout, ...layers.layout, datarevision: ++revision },
            PLOT_CONFIG,
          )
          .then((gd: PlotlyHTMLElement) => {
            if (pieces.some((t, i) => t !== traces[i]) && !patchLines(div, traces))
              void plotly.react(div, traces, gd.layout, PLOT_CONFIG);
            if (!clicksBound)
              bindPointClicks(gd, scene.data.x, (marker) => dataIndex(scene.shown, marker));
            clicksBound = true;
            drawn();
          });
        // Named apart from the patched frames, so `npm run bench:page -- --tasks` tells them apart.
        recordDraw('draw:fit-plot-full', start);
      }
      // Which run's curve is on screen: lets tests check that no stale frame is ever drawn.
      div.dataset.drawnRunId = frame ? String(frame.runId) : '';
    };
    const unsubscribe = subscribeRaf(liveStore, draw, 'draw:fit-plot');
    return () => {
      unsubscribe();
      if (waiting !== null) clearTimeout(waiting);
    };
  }, [scene, range, layersFor, theme, editing, plotly, labelText, narrow]);

  useEffect(() => {
    const div = ref.current!;
    return () => purgeWhenRemoved(div);
  }, []);

  return (
    <>
      {failed && <PlotsUnavailable />}
      <div
        ref={ref}
        className={`plot plot-fit${editing ? ' editing' : ''}`}
        data-testid="fit-plot"
        role="group"
        aria-label={labelText.fitPlotLabel}
      />
    </>
  );
}
