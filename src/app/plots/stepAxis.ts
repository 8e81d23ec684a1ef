/**
 * The loss plot's step axis (x grid lines and tick labels), drawn by us in an SVG behind
 * Plotly's. While a run trains, the step axis must grow every so often (see lossRange.ts),
 * and any axis change through Plotly (react or relayout) is a full redraw, the page's
 * longest task in `npm run bench:page` (docs/page.md). With the
 * grid and labels ours, growing the axis is a change of Plotly's x scale in place
 * (`growStepAxis`), the lines patched, and these ticks redrawn: a few milliseconds.
 * Plotly keeps drawing the title (its own labels are there, transparent, to place it) and
 * still handles hover, zoom and pan on the same scale; the ticks follow every Plotly draw
 * and every zoom or pan through its events.
 */
import type { PlotlyApi } from './plotlyLoader';
import { PLOT_CONFIG, type Config, type Layout, type Palette } from './plotStyle';
import type { GraphDiv } from './plotlyInternals';
import { formatStep, stepTicks } from './stepTicks';

const SVG = 'http://www.w3.org/2000/svg';
/** Baseline of the labels below the plot area, px: where Plotly puts 12 px labels on an axis without tick marks. */
const LABEL_OFFSET = 15.4;
/** Grid lines this close to the plot's left or right edge are left out, px, as Plotly does. */
const EDGE_PX = 1;

/**
 * Moves the plot's x range to `range` without a Plotly redraw: Plotly's own axis object
 * (which hover, zoom and pan read) and its input layout take the new range. Returns false
 * when the plot is not in the expected state, so the caller redraws through Plotly.
 */
export function growStepAxis(div: HTMLElement, range: [number, number]): boolean {
  const gd = div as GraphDiv;
  const xa = gd._fullLayout?.xaxis;
  if (!xa?.range || typeof xa.setScale !== 'function' || !gd.layout?.xaxis) return false;
  xa.range = [...range];
  // Box zoom and pan compute from these, not from range: a zoom after a growth must start from the new axis.
  xa._r = [...range];
  xa._rl = [...range];
  xa.setScale();
  gd.layout.xaxis.range = [...range];
  return true;
}

/** Draws the step axis into `svg` to match the plot in `div`; does nothing when nothing changed. */
export class StepAxis {
  private drawn = '';
  private readonly grid: SVGPathElement;
  /** Step 0, when the user pans it inside the plot: drawn as Plotly draws a zero line. */
  private readonly zero: SVGPathElement;
  private readonly labels: SVGGElement;

  constructor(private readonly svg: SVGSVGElement) {
    const line = () => {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('shape-rendering', 'crispEdges');
      path.setAttribute('stroke-width', '1');
      path.setAttribute('fill', 'none');
      return path;
    };
    this.grid = line();
    this.zero = line();
    this.labels = document.createElementNS(SVG, 'g');
    this.labels.setAttribute('text-anchor', 'middle');
    svg.replaceChildren(this.grid, this.zero, this.labels);
  }

  sync(div: HTMLElement, colors: Palette): void {
    const layout = (div as GraphDiv)._fullLayout;
    const range = layout?.xaxis?.range;
    const size = layout?._size;
    if (!layout?.xaxis || !range || range.length !== 2 || !size) return;
    const [lo, hi] = range as [number, number];
    const key = [
      lo,
      hi,
      size.l,
      size.t,
      size.w,
      size.h,
      colors.grid,
      colors.zero,
      colors.text,
    ].join();
    if (key === this.drawn) return;
    this.drawn = key;
    const { values, dtick } = stepTicks(lo, hi, size.w);
    const xa = layout.xaxis;
    let d = '';
    let zero = '';
    const texts: [number, string][] = [];
    for (const v of values) {
      const x = xa.c2p(v) + size.l;
      if (!Number.isFinite(x)) continue;
      const line = `M${x.toFixed(2)},${size.t}v${size.h}`;
      if (x > size.l + EDGE_PX && x < size.l + size.w - EDGE_PX) {
        if (v === 0) zero = line;
        else d += line;
      }
      texts.push([x, formatStep(v, lo, hi, dtick)]);
    }
    this.grid.setAttribute('d', d);
    this.grid.setAttribute('stroke', colors.grid);
    this.zero.setAttribute('d', zero);
    this.zero.setAttribute('stroke', colors.zero);
    this.labels.setAttribute('fill', colors.text);
    this.labels.setAttribute('font-family', layout.font?.family ?? 'sans-serif');
    this.labels.setAttribute('font-size', String(layout.font?.size ?? 12));
    // Text elements are reused: a frame that moves the axis rewrites a handful of them.
    while (this.labels.childElementCount > texts.length) this.labels.lastElementChild!.remove();
    while (this.labels.childElementCount < texts.length)
      this.labels.append(document.createElementNS(SVG, 'text'));
    const y = (size.t + size.h + LABEL_OFFSET).toFixed(1);
    texts.forEach(([x, label], i) => {
      const text = this.labels.children[i]!;
      text.setAttribute('x', x.toFixed(2));
      text.setAttribute('y', y);
      text.textContent = label;
    });
  }
}

/** The layout for an exported image: Plotly's own step labels and grid, since ours are not in its picture. */
function imageLayout(layout: Partial<Layout>, colors: Palette): Partial<Layout> {
  return {
    ...layout,
    xaxis: {
      ...layout.xaxis,
      showgrid: true,
      gridcolor: colors.grid,
      tickfont: { color: colors.text },
    },
  };
}

/**
 * The loss plot's config: Plotly's camera button replaced by one that exports the plot
 * with Plotly's step axis, at the size on screen (same icon, title and place).
 */
export function stepAxisPlotConfig(plotly: PlotlyApi, colors: Palette): Partial<Config> {
  return {
    ...PLOT_CONFIG,
    modeBarButtonsToRemove: [...(PLOT_CONFIG.modeBarButtonsToRemove ?? []), 'toImage'],
    modeBarButtonsToAdd: [
      {
        name: 'toImage',
        title: 'Download plot as a png',
        icon: plotly.Icons.camera,
        click: (gd) => {
          const source = gd as unknown as GraphDiv;
          const width = source._fullLayout?.width ?? null;
          const height = source._fullLayout?.height ?? null;
          // Plotly's downloadImage takes toImage's options, scale included (its types leave scale out).
          const options = {
            ...PLOT_CONFIG.toImageButtonOptions,
            format: 'png' as const,
            width,
            height,
            filename: 'loss-plot',
          };
          void plotly.downloadImage(
            { data: source.data ?? [], layout: imageLayout(source.layout ?? {}, colors) },
            options,
          );
        },
      },
    ],
  };
}
