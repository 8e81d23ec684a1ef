/**
 * The fit plot's optional layers as Plotly traces: hidden units, kinks, residuals, the
 * inspected point and pinned runs' fits. Each returns nothing when its view is off, so an
 * off view costs nothing. The layers themselves are drawn in unitLayer, kinkLayer and
 * residualLayer.
 */
import { piecewiseLinear } from '../../core/framePolicy';
import type { Messages } from '../i18n';
import { palette, type Annotations, type Data, type Layout } from '../plots/plotStyle';
import { wrapNote } from '../plots/wrapNote';
import type { FrameInsight } from './frameInsight';
import { kinks } from './kinkLayer';
import { MAX_RESIDUALS, residuals } from './residualLayer';
import { MAX_UNIT_LINES, unitLines } from './unitLayer';
import type { PinnedRun, ViewState } from './viewStore';
import { useAppStore } from '../store';

/** The halo behind the last batch's points: amber, apart from the data's blue and the fit's orange, per theme. */
const BATCH_HALO = { light: 'rgba(217, 119, 6, 0.35)', dark: 'rgba(251, 191, 36, 0.5)' } as const;
/** The halo's diameter, px: a ring around a data marker (8 px), under it. */
const BATCH_HALO_SIZE = 17;

export interface FitLayerInput {
  insight: FrameInsight | null;
  views: Pick<ViewState, 'showUnits' | 'showKinks' | 'showResiduals' | 'selected'>;
  pinned: readonly PinnedRun[];
  pinLabels: readonly string[];
  grid: Float32Array;
  /** The words of the language in force: a switch changes the layers' identity and redraws. */
  messages: Messages;
  /** The points of the last step's batch (with mini-batches), or null. */
  batch: { x: number[]; y: number[] } | null;
  /** Width of the plot's area, px, when known: the note is wrapped to it (see wrapNote). */
  plotWidth?: number;
}

/** A soft halo under each point of the last step's batch, so the batches are seen moving through the data. */
function batchHalo({ batch, messages }: FitLayerInput): Data[] {
  if (!batch) return [];
  return [
    {
      meta: 'batch',
      name: messages.legendBatchTrace,
      x: batch.x,
      y: batch.y,
      mode: 'markers',
      marker: { color: BATCH_HALO[useAppStore.getState().theme], size: BATCH_HALO_SIZE },
      showlegend: false,
      hoverinfo: 'skip',
    },
  ];
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
  const traces = [...pinnedFits(input), ...batchHalo(input)];
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

/** The note's font size, px. */
const NOTE_FONT = 11;
/** What the note's box takes beside its text, px: its offset from the plot's edge, padding and border. */
const NOTE_FRAME = 12;

function note(text: string, plotWidth: number | undefined): Partial<Annotations> {
  return {
    xref: 'paper',
    yref: 'paper',
    x: 0.01,
    y: 0.99,
    xanchor: 'left',
    yanchor: 'top',
    align: 'left',
    showarrow: false,
    text:
      plotWidth === undefined
        ? text
        : wrapNote(text, plotWidth * (1 - 0.01) - NOTE_FRAME, NOTE_FONT),
    font: { size: NOTE_FONT, color: palette().text },
    // Follows the theme: a light box under the dark theme's light text could not be read.
    bgcolor: palette().noteBackground,
  };
}

/** The overlay axis for kinks, and a note on what is hidden or missing. */
export function fitLayoutExtras({
  insight,
  views,
  messages,
  plotWidth,
}: FitLayerInput): Partial<Layout> {
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
    annotations: lines.length > 0 ? [note(lines.join('<br>'), plotWidth)] : [],
  };
}
