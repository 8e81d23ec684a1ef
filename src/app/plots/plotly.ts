/**
 * The one place that imports Plotly (the official basic bundle: scatter is all we
 * draw), plus the look shared by both plots.
 */
import Plotly from 'plotly.js-basic-dist-min';

export { Plotly };
export type { Annotations, Data, Layout, Config, PlotlyHTMLElement, PlotMouseEvent } from 'plotly.js-basic-dist-min';

/** Keeps a user's zoom and pan across live updates (Plotly compares it between calls). */
export const UI_REVISION = 'keep-user-view';

export const COLORS = {
  data: '#2563eb',
  fit: '#f97316',
  truth: '#64748b',
  loss: '#7c3aed',
  grid: '#e2e8f0',
  text: '#334155',
  zero: '#cbd5e1',
} as const;

export const PLOT_CONFIG: Partial<Plotly.Config> = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
  toImageButtonOptions: { format: 'png', scale: 2 },
};

export function baseLayout(): Partial<Plotly.Layout> {
  return {
    uirevision: UI_REVISION,
    autosize: true,
    margin: { l: 48, r: 12, t: 8, b: 40 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12, color: COLORS.text },
    legend: { orientation: 'h', x: 0, y: 1.02, xanchor: 'left', yanchor: 'bottom', bgcolor: 'rgba(0,0,0,0)' },
    hovermode: 'closest',
  };
}

export function axis(title: string, extra: Partial<Plotly.LayoutAxis> = {}): Partial<Plotly.LayoutAxis> {
  return {
    title: { text: title, standoff: 6 },
    gridcolor: COLORS.grid,
    zerolinecolor: COLORS.zero,
    linecolor: COLORS.grid,
    ...extra,
  };
}
