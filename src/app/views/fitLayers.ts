/**
 * The fit plot's optional layers as Plotly traces: hidden units, kinks, residuals, the
 * inspected point and pinned runs' fits. Each returns nothing when its view is off, so an
 * off view costs nothing. The layers themselves are drawn in unitLayer, kinkLayer and
 * residualLayer.
 */
import { piecewiseLinear } from '../../core/framePolicy';
import type { Messages } from '../i18n';
import { palette, type Annotations, type Data, type Layout } from '../plots/plotStyle';
import type { FrameInsight } from './frameInsight';
import { kinks } from './kinkLayer';
import { MAX_RESIDUALS, residuals } from './residualLayer';
import { MAX_UNIT_LINES, unitLines } from './unitLayer';
import type { PinnedRun, ViewState } from './viewStore';

export interface FitLayerInput {
  insight: FrameInsight | null;
  views: Pick<ViewState, 'showUnits' | 'showKinks' | 'showResiduals' | 'selected'>;
  pinned: readonly PinnedRun[];
  pinLabels: readonly string[];
  grid: Float32Array;
  /** The words of the language in force: a switch changes the layers' identity and redraws. */
  messages: Messages;
}

/** Pinned runs' fits, faint, each in its pin's colour. */
function pinnedFits({ pinned, pinLabels, grid, messages }: FitLayerInput): Data[] {
  return pinned.map((pin, i) => ({
    name: messages.pinnedTrace(pinLabels[i]!),
    x: grid,
    y: pin.curve,
    mode: 'lines',
    line: { color: pin.color, width: 2 },
    opacity: 0.5,
    hoverinfo: 'name',
  }));
}

/** Traces drawn beneath the data and the fit. */
export function fitUnderlays(input: FitLayerInput): Data[] {
  const { insight, views } = input;
  const traces = pinnedFits(input);
  if (insight && views.showUnits) traces.push(...unitLines(insight, input.grid));
  if (insight && views.showResiduals) traces.push(residuals(insight));
  return traces;
}

/** Traces drawn above the fit: kinks, and a ring around the inspected point. */
export function fitOverlays({ insight, views, messages }: FitLayerInput): Data[] {
  const traces: Data[] = [];
  if (insight && views.showKinks && insight.activation !== 'none')
    traces.push(...kinks(insight, messages));
  const i = views.selected;
  if (insight && i !== null && i < insight.data.x.length) {
    traces.push({
      name: 'inspected point',
      x: [insight.data.x[i]!],
      y: [insight.data.y[i]!],
      mode: 'markers',
      marker: { symbol: 'circle-open', size: 18, color: palette().text, line: { width: 2.5 } },
      showlegend: false,
      hoverinfo: 'skip',
    });
  }
  return traces;
}

function note(text: string): Partial<Annotations> {
  return {
    xref: 'paper',
    yref: 'paper',
    x: 0.01,
    y: 0.99,
    xanchor: 'left',
    yanchor: 'top',
    align: 'left',
    showarrow: false,
    text,
    font: { size: 11, color: palette().text },
    bgcolor: 'rgba(255,255,255,0.8)',
  };
}

/** The overlay axis for kinks, and a note on what is hidden or missing. */
export function fitLayoutExtras({ insight, views, messages }: FitLayerInput): Partial<Layout> {
  const lines: string[] = [];
  if (insight && views.showUnits && insight.hidden > MAX_UNIT_LINES) {
    lines.push(messages.noteUnitsDrawn(MAX_UNIT_LINES, insight.hidden));
  }
  if (insight && views.showResiduals && insight.data.x.length > MAX_RESIDUALS) {
    lines.push(messages.noteResiduals(MAX_RESIDUALS, insight.data.x.length));
  }
  if (insight && views.showKinks && insight.activation === 'none') lines.push(messages.noteNoKinks);
  // At depth a smooth network's bends belong to no one unit: there is nothing exact to mark.
  if (insight && views.showKinks && insight.depth > 1 && !piecewiseLinear(insight.activation))
    lines.push(messages.noteSmoothDepth, messages.noteSmoothDepthWhy);
  return {
    yaxis2: { overlaying: 'y', range: [0, 1], fixedrange: true, visible: false },
    annotations: lines.length > 0 ? [note(lines.join('<br>'))] : [],
  };
}
