/** The hidden units' lines on the fit plot: what each unit adds to the output. */
import type { Data } from '../plots/plotStyle';
import type { FrameInsight } from './frameInsight';

/** Most unit lines drawn; the rest are summed into one line. */
export const MAX_UNIT_LINES = 32;
/** The hidden units' colour (the purple of the logo's middle layer). */
export const UNIT_COLOR = '#7c3aed';

/** Unit lines (the largest MAX_UNIT_LINES), the rest summed, and the output bias. */
export function unitLines(insight: FrameInsight, grid: Float32Array): Data[] {
  const G = grid.length;
  const { shown, rows, others } = insight.unitLines(MAX_UNIT_LINES);
  const thin = insight.hidden > 12;
  const traces: Data[] = shown.map((j, r) => ({
    name: `unit ${j + 1}`,
    x: grid,
    y: rows.subarray(r * G, (r + 1) * G),
    mode: 'lines',
    line: { color: UNIT_COLOR, width: thin ? 1 : 1.4 },
    opacity: thin ? 0.4 : 0.6,
    showlegend: false,
    // Clicks go to data points, not to the lines crossing them.
    hoverinfo: 'skip',
  }));
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
    y: new Float32Array(G).fill(insight.params.b2),
    mode: 'lines',
    line: { color: UNIT_COLOR, width: 1, dash: 'dash' },
    opacity: 0.5,
    showlegend: false,
    hoverinfo: 'skip',
  });
  return traces;
}
