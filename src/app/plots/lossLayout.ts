/**
 * The loss plot's Plotly layout, and the axes it is given at each full redraw: ranges with
 * room to grow while training, Plotly's autorange while standing still.
 */
import { t } from '../i18n';
import type { LossRanges } from './lossRange';
import { narrowLayout } from './narrowPlots';
import { axis, baseLayout } from './plotStyle';

/**
 * Tick spacing for a log axis: 1, 2, 5 per decade over a short range, one label per
 * decade up to six decades, then Plotly's choice (otherwise labels pile up).
 */
export function logTickSpacing(values: Float32Array, n: number): string | number | undefined {
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

/** The layout of one drawing of the loss plot (its settings: the legend, the log scale, a phone's width). */
export function lossLayout(legend: boolean, logScale: boolean, narrow: boolean) {
  const layout = {
    ...baseLayout(),
    // A legend only to tell the run's losses apart, when there are several.
    showlegend: legend,
    legend: {
      orientation: 'h' as const,
      x: 0,
      y: 1,
      xanchor: 'left' as const,
      yanchor: 'bottom' as const,
      font: { size: 11 },
    },
    margin: { l: 60, r: 12, t: legend ? 28 : 8, b: 40 },
    // The grid and labels of the step axis are ours (stepAxis.ts); Plotly's labels stay, transparent, to place the title.
    xaxis: axis(t().axisStep, {
      rangemode: 'tozero' as const,
      showgrid: false,
      zeroline: false,
      tickfont: { color: 'rgba(0,0,0,0)' },
    }),
    yaxis: axis(t().axisLoss, {
      type: logScale ? ('log' as const) : ('linear' as const),
      tickformat: '~g',
      automargin: true,
    }),
  };
  // On a phone Plotly's toolbar stands beside the plot, clear of the legend and the curve (see narrowPlots.ts).
  if (narrow) Object.assign(layout, narrowLayout(layout.margin));
  return layout;
}

export type LossLayout = ReturnType<typeof lossLayout>;

/**
 * The axes of a full redraw: the set ranges (null: Plotly's autorange). New objects, not
 * edits of the last ones: Plotly keeps the layout it was given.
 */
export function lossAxes(
  layout: LossLayout,
  set: LossRanges | null,
  logScale: boolean,
  losses: Float32Array,
  n: number,
) {
  return {
    xaxis: {
      ...layout.xaxis,
      ...(set ? { range: set.x, autorange: false } : { autorange: true }),
    },
    yaxis: {
      ...layout.yaxis,
      ...(set ? { range: set.y, autorange: false } : { autorange: true }),
      ...(logScale ? { dtick: logTickSpacing(losses, n) } : {}),
    },
  };
}
