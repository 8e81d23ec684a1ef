/** Loss against step, live, from the bounded history in liveStore. */
import { useEffect, useRef } from 'react';
import { liveStore, wholeSetHistory, type LiveState } from '../liveStore';
import { recordDraw } from '../drawTiming';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { lastStepShown, pinnedLossTraces, useLossLayers } from '../views/lossLayers';
import { afterFitDrawn, fitDrawn } from './firstFit';
import { patchLines } from './fastLines';
import { traceSignature } from './traceShape';
import { lossAxes, lossLayout } from './lossLayout';
import {
  appendStandingLoss,
  Extent,
  fits,
  fitsY,
  grownRanges,
  sameRange,
  type LossRanges,
} from './lossRange';
import { lossTraces, needsLegend } from './lossTraces';
import { EpochMarks } from './epochMarks';
import type { GraphDiv } from './plotlyInternals';
import { growStepAxis, StepAxis, stepAxisPlotConfig } from './stepAxis';
import { palette } from './plotStyle';
import { purgeWhenRemoved, usePlotly } from './plotlyLoader';
import { useNarrowPlots } from './narrowPlots';
import { useLanguage, useT } from '../i18n';

/** Longest the loss plot's first draw waits for the fit plot's (see firstFit.ts), ms. */
const FIRST_DRAW_WAIT_MS = 1000;
/** Plotly events after which the step axis may have moved: a redraw, zoom, pan or resize. */
const AXIS_EVENTS = ['plotly_afterplot', 'plotly_relayout', 'plotly_relayouting'] as const;

export function LossPlot() {
  const ref = useRef<HTMLDivElement>(null);
  const stepAxisRef = useRef<SVGSVGElement>(null);
  const epochAxisRef = useRef<SVGSVGElement>(null);
  const labelText = useT();
  const logScale = useAppStore((s) => s.logScale);
  const { baselines, pinned, labels } = useLossLayers();
  const theme = useAppStore((s) => s.theme);
  const showTest = useAppStore((s) => s.config.testShare > 0);
  const language = useLanguage((s) => s.language);
  const { plotly } = usePlotly();
  const narrow = useNarrowPlots();

  useEffect(() => {
    if (!plotly) return; // the plot draws once Plotly is in (see plotlyLoader.ts)
    const div = ref.current! as GraphDiv;
    const COLORS = palette();
    const stepAxis = new StepAxis(stepAxisRef.current!);
    const epochMarks = new EpochMarks(epochAxisRef.current!);
    const epochLabel = labelText.epochMarks;
    const syncTicks = () => {
      stepAxis.sync(div, COLORS);
      epochMarks.sync(div, COLORS, liveStore.getState().epochStarts, epochLabel);
    };
    const config = stepAxisPlotConfig(plotly, COLORS);
    let listening = false;
    const { history, trainHistory, testHistory, penaltyHistory } = liveStore.getState();
    // Reused between draws: the history is bounded, so these are too (room for its newest
    // loss and for the standing run's current one, see appendStandingLoss).
    const steps = new Float64Array(Math.max(history.capacity, trainHistory.capacity) + 2);
    const losses = new Float32Array(steps.length);
    const batchSteps = new Float64Array(history.capacity + 1);
    const batchLosses = new Float32Array(history.capacity + 1);
    const testSteps = new Float64Array(testHistory.capacity + 1);
    const testLosses = new Float32Array(testHistory.capacity + 1);
    const penaltySteps = new Float64Array(penaltyHistory.capacity + 1);
    const penalties = new Float32Array(penaltyHistory.capacity + 1);
    let layout = lossLayout(showTest, logScale, narrow);
    let revision = 0;
    let lastSignature = '';
    /** Axis ranges set at the last full redraw while training (null: Plotly's autorange). */
    let set: LossRanges | null = null;
    /** The axes of the last full redraw (kept as they are while the user has zoomed). */
    let axes = { xaxis: layout.xaxis, yaxis: layout.yaxis };
    /** The ranges on screen right after the last full redraw: other ranges mean a user zoom or pan. */
    let shown: { x?: number[]; y?: number[] } = {};
    /** A full redraw waiting for its own task, so it never lengthens an animation frame. */
    let deferred: ReturnType<typeof setTimeout> | null = null;
    const pinnedTraces = pinnedLossTraces(pinned, labels);
    const pinnedExtent = new Extent(logScale);
    for (const pin of pinned) pinnedExtent.add(pin.losses);
    const current = () => ({
      x: div._fullLayout?.xaxis?.range?.slice(),
      y: div._fullLayout?.yaxis?.range?.slice(),
    });

    // What the last draw showed: losses only arrive with a frame, so the same frame and counts
    // mean the same picture (a new run clears an already empty store before its first frame:
    // no Plotly redraw for that, it would be in the way of the first frames on a first visit).
    let lastDrawn: { frame: LiveState['frame']; n: number; nt: number; nb: number } | null = null;
    // Until the fit plot has drawn (see firstFit.ts), this plot waits: its first Plotly draw
    // would otherwise come first and hold up the fit's by 60-190 ms on a first visit.
    let released = fitDrawn();
    let cancelWait: (() => void) | null = null;
    /** A full redraw in a task of its own, so it never lengthens an animation frame or a React commit. */
    const redrawInOwnTask = () => {
      deferred ??= setTimeout(() => {
        deferred = null;
        const start = performance.now();
        draw(liveStore.getState(), true);
        recordDraw('draw:loss-plot-axes', start);
      });
    };
    const draw = (live: LiveState, force: boolean) => {
      if (!released) {
        cancelWait ??= afterFitDrawn(() => {
          released = true;
          draw(liveStore.getState(), false);
        }, FIRST_DRAW_WAIT_MS);
        return;
      }
      // With mini-batches the recorded losses are the batches': the loss line is then the
      // loss on all the training points, one per frame, and the batches' a faint line under it.
      const wholeSet = wholeSetHistory(live);
      const n = appendStandingLoss(steps, losses, wholeSet.snapshot(steps, losses), live.frame);
      const nb = live.batched ? live.history.snapshot(batchSteps, batchLosses) : 0;
      const nt = live.testHistory.snapshot(testSteps, testLosses);
      const np = live.penaltyHistory.snapshot(penaltySteps, penalties);
      if (
        !force &&
        lastDrawn &&
        lastDrawn.frame === live.frame &&
        lastDrawn.n === n &&
        lastDrawn.nt === nt &&
        lastDrawn.nb === nb
      )
        return;
      lastDrawn = { frame: live.frame, n, nt, nb };
      const lastStep = lastStepShown(live.history.lastStep, pinned);
      const input = {
        pinnedTraces,
        baselines,
        logScale,
        showTest,
        colors: COLORS,
        steps,
        losses,
        n,
        testSteps,
        testLosses,
        nt,
        batchSteps,
        batchLosses,
        nb,
        penaltySteps,
        penalties,
        np,
      };
      const build = (reach: number) => lossTraces(input, reach);
      const running = live.frame?.state === 'running';
      const now = current();
      const zoomed = revision > 0 && !(sameRange(now.x, shown.x) && sameRange(now.y, shown.y));
      const extent = new Extent(logScale)
        .add(losses, n)
        .add(batchLosses, nb)
        .add(testLosses, nt)
        .add(penalties, np)
        .add([baselines.noiseFloor, baselines.bestLine]);
      if (!pinnedExtent.empty) extent.add([pinnedExtent.lo, pinnedExtent.hi]);
      // While the axes have room to grow, the flat reference lines reach their end.
      const reach = (ranges: LossRanges | null) =>
        ranges && !zoomed ? Math.max(lastStep, ranges.x[1]) : lastStep;
      let traces = build(reach(set));
      const signature = traceSignature(traces);
      if (!force && signature === lastSignature) {
        // Only the steps have outgrown their axis: it grows in place first (no Plotly redraw, see
        // stepAxis.ts), and the lines are drawn once, on the new scale.
        let rescaled = false;
        if (
          running &&
          set !== null &&
          !zoomed &&
          lastStep > set.x[1] &&
          fitsY(set, extent, logScale)
        ) {
          const grown: LossRanges = { x: grownRanges(lastStep, extent, logScale).x, y: set.y };
          if (growStepAxis(div, grown.x)) {
            set = grown;
            rescaled = true;
            traces = build(reach(set));
          }
        }
        if (patchLines(div, traces, { rescaled, growing: true })) {
          if (rescaled) shown = current();
          // New epochs get their marks (and a grown axis its ticks) with the lines.
          syncTicks();
          // A user's zoom is theirs: the axes stay as they are and the curve is drawn into them.
          if (zoomed || (running && set !== null && fits(set, lastStep, extent, logScale))) return;
          // The losses have left the loss axis: this frame is drawn (clipped), the axes move in a task of their own.
          redrawInOwnTask();
          return;
        }
      }
      if (!force) {
        // A full redraw goes to a task of its own too: a settings change or a new run redraws
        // the fit plot in full in the same animation frame, and the two together took over
        // 100 ms of main thread at H = 1024.
        redrawInOwnTask();
        return;
      }
      lastSignature = signature;
      layout = lossLayout(needsLegend(input), logScale, narrow);
      if (!zoomed) {
        // Training: axes with room to grow. Standing still: Plotly's autorange, tight around the curves.
        set = running ? grownRanges(lastStep, extent, logScale) : null;
        traces = build(reach(set));
        axes = lossAxes(layout, set, logScale, nb > 0 ? batchLosses : losses, nb > 0 ? nb : n);
      }
      const start = performance.now();
      void plotly
        .react(div, traces, { ...layout, ...axes, datarevision: ++revision }, config)
        .then(() => {
          shown = current();
          syncTicks();
        });
      // Named apart from the patched frames (as the fit plot's), for bench:page --tasks and the tests.
      recordDraw('draw:loss-plot-full', start);
      shown = current();
      syncTicks();
      if (!listening && div.on) {
        for (const event of AXIS_EVENTS) div.on(event, syncTicks);
        listening = true;
      }
    };
    const unsubscribe = subscribeRaf(liveStore, (live) => draw(live, false), 'draw:loss-plot');
    return () => {
      unsubscribe();
      cancelWait?.();
      if (deferred !== null) clearTimeout(deferred);
      for (const event of AXIS_EVENTS) div.removeListener?.(event, syncTicks);
    };
  }, [logScale, baselines, pinned, labels, theme, showTest, language, plotly, narrow, labelText]);

  useEffect(() => {
    const div = ref.current!;
    return () => purgeWhenRemoved(div);
  }, []);

  return (
    <div className="plot-frame plot-loss">
      <svg ref={stepAxisRef} className="step-axis" aria-hidden="true" />
      <svg ref={epochAxisRef} className="epoch-axis" aria-hidden="true" />
      <div
        ref={ref}
        className="plot"
        data-testid="loss-plot"
        role="group"
        aria-label={labelText.lossPlotLabel}
      />
    </div>
  );
}
