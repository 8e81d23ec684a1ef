/**
 * The loss plot's epoch marks under mini-batches: a short tick at the top of the plot where
 * each epoch began, drawn by us in an SVG behind Plotly's like the step axis (see stepAxis.ts) so that new epochs
 * never cost a Plotly redraw, and keyed in the legend's row. Only while they are far enough
 * apart to read: a zoom brings them back.
 */
import type { EpochStarts } from './epochStarts';
import type { GraphDiv } from './plotlyInternals';
import type { Palette } from './plotStyle';

const SVG = 'http://www.w3.org/2000/svg';
/** Closest two marks may stand, px: closer, they would run into a solid bar. */
const MIN_SPACING_PX = 10;
/** Marks this close to the plot's left or right edge are left out, px (the axis line is there). */
const EDGE_PX = 1;
/** A mark's length, px. */
const TICK_PX = 7;
/** The key's baseline above the plot area, px: the legend's row (lossLayout's top margin). */
const KEY_ABOVE_PX = 10;

export class EpochMarks {
  private drawn = '';
  private readonly ticks: SVGPathElement;
  private readonly key: SVGPathElement;
  private readonly label: SVGTextElement;

  constructor(svg: SVGSVGElement) {
    const path = () => {
      const p = document.createElementNS(SVG, 'path');
      p.setAttribute('stroke-width', '1');
      p.setAttribute('shape-rendering', 'crispEdges');
      p.setAttribute('fill', 'none');
      return p;
    };
    this.ticks = path();
    this.ticks.dataset.testid = 'epoch-marks';
    this.key = path();
    this.label = document.createElementNS(SVG, 'text');
    this.label.setAttribute('text-anchor', 'end');
    this.label.setAttribute('font-size', '11');
    svg.append(this.ticks, this.key, this.label);
  }

  /** Draws the marks of `starts` on the plot in `div` as it is now; does nothing when nothing changed. */
  sync(div: HTMLElement, colors: Palette, starts: EpochStarts, labelText: string): void {
    const layout = (div as GraphDiv)._fullLayout;
    const range = layout?.xaxis?.range;
    const size = layout?._size;
    if (!layout?.xaxis || !range || range.length !== 2 || !size) return;
    const [lo, hi] = range as [number, number];
    const xa = layout.xaxis;
    const marks = starts.within(Math.ceil(lo), hi, Math.floor(size.w / MIN_SPACING_PX)) ?? [];
    let d = '';
    for (const step of marks) {
      const x = xa.c2p(step) + size.l;
      if (Number.isFinite(x) && x > size.l + EDGE_PX && x < size.l + size.w - EDGE_PX)
        d += `M${x.toFixed(2)},${size.t}v${TICK_PX}`;
    }
    const right = size.l + size.w;
    const key = [d, right, size.t, colors.text, labelText, layout.font?.family].join('|');
    if (key === this.drawn) return;
    this.drawn = key;
    this.ticks.setAttribute('d', d);
    this.ticks.setAttribute('stroke', colors.text);
    this.ticks.setAttribute('stroke-opacity', '0.55');
    // The key, at the right end of the legend's row: a mark and its name.
    this.label.textContent = d ? labelText : '';
    const baseline = size.t - KEY_ABOVE_PX;
    this.label.setAttribute('x', right.toFixed(1));
    this.label.setAttribute('y', baseline.toFixed(1));
    this.label.setAttribute('fill', colors.text);
    this.label.setAttribute('font-family', layout.font?.family ?? 'sans-serif');
    const width = d ? this.label.getComputedTextLength() : 0;
    this.key.setAttribute(
      'd',
      d ? `M${(right - width - 8).toFixed(2)},${(baseline - 9).toFixed(1)}v${TICK_PX}` : '',
    );
    this.key.setAttribute('stroke', colors.text);
    this.key.setAttribute('stroke-opacity', '0.55');
  }
}
