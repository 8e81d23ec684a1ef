/** Residuals on the fit plot: a segment from each data point to the fit at its x. */
import type { Data } from '../plots/plotStyle';
import type { FrameInsight } from './frameInsight';

const RESIDUAL_COLOR = '#dc2626';
/** Most residual segments drawn; beyond it, an even spread of the points (more is a red smear). */
export const MAX_RESIDUALS = 300;

/** Which data points get a residual: all of them, or an even spread of MAX_RESIDUALS. */
export function residualPoints(n: number): number[] {
  if (n <= MAX_RESIDUALS) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: MAX_RESIDUALS }, (_, k) =>
    Math.round((k * (n - 1)) / (MAX_RESIDUALS - 1)),
  );
}

let residualCache: { data: FrameInsight['data']; xs: Float32Array; idx: number[] } | null = null;

export function residuals(insight: FrameInsight): Data {
  const { x, y } = insight.data;
  if (!residualCache || residualCache.data !== insight.data) {
    const idx = residualPoints(x.length);
    residualCache = { data: insight.data, idx, xs: Float32Array.from(idx, (i) => x[i]!) };
  }
  const { idx, xs: at } = residualCache;
  const out = insight.outputsAt(at);
  const xs: (number | null)[] = [];
  const ys: (number | null)[] = [];
  idx.forEach((i, k) => {
    xs.push(x[i]!, x[i]!, null);
    ys.push(y[i]!, out[k]!, null);
  });
  return {
    name: 'residuals',
    x: xs,
    y: ys,
    mode: 'lines',
    line: { color: RESIDUAL_COLOR, width: 1.2 },
    opacity: 0.55,
    showlegend: false,
    hoverinfo: 'skip',
  };
}
