/** The hidden units' lines on the fit plot: what each unit of the last hidden layer adds to the output. */
import { MAX_DRAWN_UNITS } from '../../core/framePolicy';
import type { Data } from '../plots/plotStyle';
import type { FrameInsight } from './frameInsight';

/** Most unit lines drawn (the worker picks the largest); the rest are summed into one line. */
export const MAX_UNIT_LINES = MAX_DRAWN_UNITS;
/** The hidden units' colour (the purple of the logo's middle layer). */
export const UNIT_COLOR = '#7c3aed';

/** x of every unit line end to end, a NaN gap between them, by grid and number of lines. */
const joinedX = new WeakMap<Float32Array, Map<number, Float32Array>>();

export function unitsX(grid: Float32Array, lines: number): Float32Array {
  let byCount = joinedX.get(grid);
  if (!byCount) joinedX.set(grid, (byCount = new Map<number, Float32Array>()));
  let x = byCount.get(lines);
  if (!x) {
    const G = grid.length;
    x = new Float32Array(lines * (G + 1)).fill(NaN);
    for (let r = 0; r < lines; r++) x.set(grid, r * (G + 1));
    byCount.set(lines, x);
  }
  return x;
}

/**
 * Rows of values on the grid end to end, a NaN between rows, and each point's unit number
 * (from 1), for one joined trace of unit lines.
 */
export function joinedRows(
  shown: Int32Array,
  rows: Float32Array,
  G: number,
): { y: Float32Array; unit: number[] } {
  const y = new Float32Array(shown.length * (G + 1)).fill(NaN);
  // Plotly's customdata is a plain array (its types take no typed arrays).
  const unit = new Array<number>(shown.length * (G + 1)).fill(NaN);
  shown.forEach((j, r) => {
    y.set(rows.subarray(r * G, (r + 1) * G), r * (G + 1));
    unit.fill(j + 1, r * (G + 1), r * (G + 1) + G);
  });
  return { y, unit };
}

/**
 * Unit lines (the largest MAX_UNIT_LINES of the last hidden layer), the rest summed, and
 * the output bias: together they add up to the fit at any depth. The unit lines are one
 * trace, each line a piece between NaN gaps, with its unit's number (from 1) in
 * `customdata`: Plotly's full redraw costs about the same per trace whatever its length,
 * so 32 traces made every settings change at large H a long task.
 */
export function unitLines(insight: FrameInsight, grid: Float32Array): Data[] {
  const lines = insight.unitLines();
  if (!lines) return [];
  const G = grid.length;
  const { shown, rows, others } = lines;
  const thin = insight.hidden > 12;
  const { y, unit } = joinedRows(shown, rows, G);
  const traces: Data[] = [
    {
      meta: 'units',
      name: 'units',
      x: unitsX(grid, shown.length),
      y,
      customdata: unit,
      mode: 'lines',
      connectgaps: false,
      line: { color: UNIT_COLOR, width: thin ? 1 : 1.4 },
      opacity: thin ? 0.4 : 0.6,
      showlegend: false,
      // Clicks go to data points, not to the lines crossing them.
      hoverinfo: 'skip',
    },
  ];
  if (others) {
    traces.push({
      name: 'other units',
      x: grid,
      y: others,
      mode: 'lines',
      line: { color: UNIT_COLOR, width: 1.6, dash: 'dot' },
      opacity: 0.7,
      showlegend: false,
      hoverinfo: 'skip',
    });
  }
  traces.push({
    name: 'output bias',
    x: grid,
    y: new Float32Array(G).fill(insight.picture.outputBias),
    mode: 'lines',
    line: { color: UNIT_COLOR, width: 1, dash: 'dash' },
    opacity: 0.5,
    showlegend: false,
    hoverinfo: 'skip',
  });
  return traces;
}
