/** Loss against step, live, from the bounded history in liveStore. */
import { useEffect, useRef } from 'react';
import { liveStore } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { baselineTraces, lastStepShown, pinnedLossTraces, useLossLayers } from '../views/lossLayers';
import { axis, baseLayout, palette, Plotly, PLOT_CONFIG } from './plotly';
import { t, useLanguage } from '../i18n';

/**
 * Tick spacing for a log axis: 1, 2, 5 per decade over a short range, one label per
 * decade up to six decades, then Plotly's choice (otherwise labels pile up).
 */
function logTickSpacing(values: Float32Array, n: number): string | number | undefined {
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v > 0 && v < Infinity) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const decades = hi > 0 ? Math.log10(hi / lo) : 0;
  if (decades < 1.5) return 'D2';
  return decades <= 6 ? 1 : undefined;
}

/** Shortest time between redraws of the loss plot, ms (10 per second). */
const LOSS_REDRAW_MS = 100;

export function LossPlot() {
  const ref = useRef<HTMLDivElement>(null);
  const logScale = useAppStore((s) => s.logScale);
  const { baselines, pinned, labels } = useLossLayers();
  const theme = useAppStore((s) => s.theme);
  const showTest = useAppStore((s) => s.config.testShare > 0);
  const language = useLanguage((s) => s.language);

  useEffect(() => {
    const div = ref.current!;
    const COLORS = palette();
    const { history } = liveStore.getState();
    // Reused between draws: the history is bounded, so these are too.
    const steps = new Float64Array(history.capacity + 1);
    const losses = new Float32Array(history.capacity + 1);
    const { testHistory } = liveStore.getState();
    const testSteps = new Float64Array(testHistory.capacity + 1);
    const testLosses = new Float32Array(testHistory.capacity + 1);
    const layout = {
      ...baseLayout(),
      // A legend only to tell the two losses apart, when there are two.
      showlegend: showTest,
      legend: { orientation: 'h' as const, x: 0, y: 1, xanchor: 'left' as const, yanchor: 'bottom' as const, font: { size: 11 } },
      margin: { l: 60, r: 12, t: showTest ? 28 : 8, b: 40 },
      xaxis: axis(t().axisStep, { rangemode: 'tozero' as const }),
      yaxis: axis(t().axisLoss, { type: logScale ? ('log' as const) : ('linear' as const), tickformat: '~g' }),
    };
    let revision = 0;
    let lastDrawAt = -Infinity;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const pinnedTraces = pinnedLossTraces(pinned, labels);
    const unsubscribe = subscribeRaf(liveStore, function draw(live) {
      // The whole curve is redrawn each time, so a few times a second is plenty; the
      // trailing call makes sure the newest losses are drawn when frames stop coming.
      const now = performance.now();
      if (now - lastDrawAt < LOSS_REDRAW_MS) {
        trailing ??= setTimeout(() => {
          trailing = null;
          draw(liveStore.getState());
        }, LOSS_REDRAW_MS - (now - lastDrawAt));
        return;
      }
      lastDrawAt = now;
      const n = live.history.snapshot(steps, losses);
      const nt = live.testHistory.snapshot(testSteps, testLosses);
      if (logScale) layout.yaxis.dtick = logTickSpacing(losses, n);
      const reference = baselineTraces(baselines, lastStepShown(live.history.lastStep, pinned), logScale);
      void Plotly.react(
        div,
        [
          ...pinnedTraces.map((t) => ({ ...t, showlegend: false })),
          ...reference.traces.map((t) => ({ ...t, showlegend: false })),
          {
            name: 'loss',
            x: steps.subarray(0, n),
            y: losses.subarray(0, n),
            mode: 'lines',
            line: { color: COLORS.loss, width: 2 },
            hovertemplate: 'step %{x}<br>loss %{y:.4g}<extra></extra>',
          },
          // The held-out points' loss, when some are held out: where it parts from the
          // training loss, the network is fitting the noise of the points it sees.
          ...(showTest && nt > 0
            ? [
                {
                  name: 'test loss',
                  x: testSteps.subarray(0, nt),
                  y: testLosses.subarray(0, nt),
                  mode: 'lines' as const,
                  line: { color: COLORS.test, width: 2, dash: 'dot' as const },
                  hovertemplate: 'step %{x}<br>test loss %{y:.4g}<extra></extra>',
                },
              ]
            : []),
        ],
        { ...layout, annotations: reference.annotations, datarevision: ++revision },
        PLOT_CONFIG,
      );
    }, 'draw:loss-plot');
    return () => {
      unsubscribe();
      if (trailing !== null) clearTimeout(trailing);
    };
  }, [logScale, baselines, pinned, labels, theme, showTest, language]);

  useEffect(() => {
    const div = ref.current!;
    return () => Plotly.purge(div);
  }, []);

  return <div ref={ref} className="plot plot-loss" data-testid="loss-plot" role="group" aria-label="Loss plot: mean squared error against training step" />;
}
