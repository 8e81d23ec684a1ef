/**
 * Every run's loss on one plot, a line per run named by its value in its colour, and a
 * dotted line of its test loss when points are held out; log y as on the main plot. Lines
 * move in place each frame, with a full redraw, in a task of its own, when the axes must grow.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { patchLines } from '../plots/fastLines';
import { narrowLayout, useNarrowPlots } from '../plots/narrowPlots';
import { purgeWhenRemoved, usePlotly } from '../plots/plotlyLoader';
import { axis, baseLayout, PLOT_CONFIG, type Data } from '../plots/plotStyle';
import { traceSignature } from '../plots/traceShape';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { compareLive, RUN_HISTORY_CAPACITY, type CompareLive } from './compareLive';
import { addToExtent, axesFor, emptyExtent, fitsAxes, lossCap, type LossAxes } from './lossRanges';
import { runColor } from './runColors';

interface Props {
  /** The runs' values, in order: their traces' names. */
  values: readonly string[];
  showTest: boolean;
}

/** Tick spacing of the log axis over `decades` (see plots/lossLayout's logTickSpacing). */
function logDtick(decades: number): string | number | undefined {
  if (decades < 1.5) return 'D2';
  return decades <= 6 ? 1 : undefined;
}

/** Room for a history's points and its pending newest one. */
const ROOM = RUN_HISTORY_CAPACITY + 1;

export function CompareLossPlot({ values, showTest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const { plotly } = usePlotly();
  const narrow = useNarrowPlots();
  const key = values.join(',');

  useEffect(() => {
    if (!plotly) return;
    const div = ref.current!;
    const names = key.split(',');
    const buffers = names.map(() => ({
      steps: new Float64Array(ROOM),
      losses: new Float32Array(ROOM),
      testSteps: new Float64Array(ROOM),
      testLosses: new Float32Array(ROOM),
    }));
    let axes: LossAxes | null = null;
    let lastSignature = '';
    let deferred: ReturnType<typeof setTimeout> | null = null;
    let lastVersion = -1;

    const tracesOf = (live: CompareLive) => {
      const extent = emptyExtent();
      const traces: Data[] = [];
      const counts = names.map((_, i) => {
        const run = live.runs[i];
        const b = buffers[i]!;
        return {
          n: run ? run.train.snapshot(b.steps, b.losses) : 0,
          nt: showTest && run ? run.test.snapshot(b.testSteps, b.testLosses) : 0,
        };
      });
      // A diverged run's climb is left off the axis (its line leaves the top of the plot).
      const cap = lossCap(buffers.filter((_, i) => counts[i]!.n > 0).map((b) => b.losses[0]!));
      names.forEach((name, i) => {
        const b = buffers[i]!;
        const { n, nt } = counts[i]!;
        addToExtent(extent, b.steps, b.losses, n, cap);
        const color = runColor(theme, i);
        traces.push({
          meta: name,
          name,
          x: b.steps.subarray(0, n),
          y: b.losses.subarray(0, n),
          mode: 'lines',
          line: { color, width: 2 },
          hovertemplate: `${name}<br>${t.hoverStepLoss}<extra></extra>`,
        });
        if (!showTest) return;
        addToExtent(extent, b.testSteps, b.testLosses, nt, cap);
        const testName = t.compareTestTrace(name);
        traces.push({
          meta: `${name} test`,
          name: testName,
          x: b.testSteps.subarray(0, nt),
          y: b.testLosses.subarray(0, nt),
          mode: 'lines',
          line: { color, width: 1.5, dash: 'dot' },
          hovertemplate: `${testName}<br>${t.hoverStepTestLoss}<extra></extra>`,
        });
      });
      return { traces, extent };
    };

    const fullDraw = () => {
      deferred = null;
      const { traces, extent } = tracesOf(compareLive.getState());
      axes = axesFor(extent);
      lastSignature = traceSignature(traces) + key;
      const base = baseLayout();
      const margin = { l: 56, r: 12, t: 30, b: 40 };
      void plotly.react(
        div,
        traces,
        {
          ...base,
          margin,
          // On a phone Plotly's toolbar stands beside the plot, clear of the legend (see narrowPlots.ts).
          ...(narrow ? narrowLayout(margin) : {}),
          showlegend: true,
          legend: { ...base.legend, y: 1, font: { size: 11 } },
          xaxis: axis(t.axisStep, { range: axes.x, zeroline: false }),
          yaxis: axis(t.axisLoss, {
            type: 'log',
            range: axes.y,
            tickformat: '~g',
            // As on the main loss plot: 1, 2, 5 a decade over a short range, one label a decade up to six.
            dtick: logDtick(axes.y[1] - axes.y[0]),
          }),
        },
        PLOT_CONFIG,
      );
    };

    const draw = (live: CompareLive) => {
      if (live.version === lastVersion && axes) return;
      lastVersion = live.version;
      const { traces, extent } = tracesOf(live);
      const signature = traceSignature(traces) + key;
      if (
        axes &&
        signature === lastSignature &&
        fitsAxes(extent, axes) &&
        patchLines(div, traces, { growing: true })
      )
        return;
      // A full redraw costs far more than a frame's budget: in its own task, once.
      deferred ??= setTimeout(fullDraw);
    };
    const unsubscribe = subscribeRaf(compareLive, draw, 'draw:compare-loss');
    return () => {
      unsubscribe();
      if (deferred !== null) clearTimeout(deferred);
    };
  }, [plotly, key, showTest, t, theme, narrow]);

  useEffect(() => {
    const div = ref.current!;
    return () => purgeWhenRemoved(div);
  }, []);

  return (
    <div
      ref={ref}
      className="plot compare-loss"
      data-testid="compare-loss"
      role="group"
      aria-label={t.compareLossLabel}
    />
  );
}
