/**
 * The look shared by both plots, and Plotly's types. Plotly itself is loaded apart (see
 * plotlyLoader.ts): nothing here may import it at run time.
 */
import type { Config, Layout, LayoutAxis } from 'plotly.js-basic-dist-min';
import { useAppStore } from '../store';
import type { Theme } from '../theme';

export type {
  Annotations,
  Data,
  Layout,
  Config,
  PlotlyHTMLElement,
  PlotMouseEvent,
} from 'plotly.js-basic-dist-min';

/** Keeps a user's zoom and pan across live updates (Plotly compares it between calls). */
export const UI_REVISION = 'keep-user-view';

export interface Palette {
  data: string;
  fit: string;
  truth: string;
  loss: string;
  /** The test loss (held-out points). */
  test: string;
  /** The L1/L2 penalty on the loss plot. */
  penalty: string;
  grid: string;
  text: string;
  zero: string;
  /** Outline of data markers, so overlapping points stay distinct. */
  markerLine: string;
  /** Behind a note written on a plot: the plot's own background, slightly see-through. */
  noteBackground: string;
}

/** Plot colours per theme: the same hues, adjusted for contrast on each background. */
export const PALETTES: Record<Theme, Palette> = {
  light: {
    data: '#2563eb',
    fit: '#f97316',
    truth: '#64748b',
    loss: '#7c3aed',
    test: '#db2777',
    penalty: '#b45309',
    grid: '#e2e8f0',
    text: '#334155',
    zero: '#cbd5e1',
    markerLine: '#ffffff',
    noteBackground: 'rgba(255, 255, 255, 0.85)',
  },
  dark: {
    data: '#60a5fa',
    fit: '#fb923c',
    truth: '#94a3b8',
    loss: '#a78bfa',
    test: '#f472b6',
    penalty: '#fbbf24',
    grid: '#243145',
    text: '#cbd5e1',
    zero: '#3b4a61',
    markerLine: '#0f172a',
    noteBackground: 'rgba(17, 26, 46, 0.85)',
  },
};

/** The palette of the theme in force (plots redraw when it changes). */
export function palette(): Palette {
  return PALETTES[useAppStore.getState().theme];
}

/** The light palette, for code that does not follow the theme. */
export const COLORS = PALETTES.light;

/**
 * Nothing on a plot may send the learner's data off the machine or lead to Plotly's site:
 * no "Share chart" / Chart Studio button (Plotly shows one by default, uploading the
 * plot's data), no logo link, and no server to upload to even if a button came back.
 */
export const OFFLINE_CONFIG: Partial<Config> = {
  displaylogo: false,
  showSendToCloud: false,
  showEditInChartStudio: false,
  showLink: false,
  plotlyServerURL: '',
};

export const PLOT_CONFIG: Partial<Config> = {
  ...OFFLINE_CONFIG,
  responsive: true,
  modeBarButtonsToRemove: [
    'select2d',
    'lasso2d',
    'autoScale2d',
    'sendDataToCloud',
    'sendChartToCloud',
  ],
  toImageButtonOptions: { format: 'png', scale: 2 },
};

export function baseLayout(): Partial<Layout> {
  const colors = palette();
  return {
    uirevision: UI_REVISION,
    autosize: true,
    margin: { l: 48, r: 12, t: 8, b: 40 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: {
      family: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      size: 12,
      color: colors.text,
    },
    legend: {
      orientation: 'h',
      x: 0,
      y: 1.02,
      xanchor: 'left',
      yanchor: 'bottom',
      bgcolor: 'rgba(0,0,0,0)',
    },
    hovermode: 'closest',
  };
}

export function axis(title: string, extra: Partial<LayoutAxis> = {}): Partial<LayoutAxis> {
  const colors = palette();
  return {
    title: { text: title, standoff: 6 },
    gridcolor: colors.grid,
    zerolinecolor: colors.zero,
    linecolor: colors.grid,
    ...extra,
  };
}
