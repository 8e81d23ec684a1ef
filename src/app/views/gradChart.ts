/**
 * The gradient-size chart: each layer's RMS gradient over the steps on a log scale, drawn
 * straight to a canvas (a few hundred points per line, a path per layer), so a learner
 * sees the lines of the layers far from the output sink when the signal fades.
 */
import type { Theme } from '../theme';
import type { GradHistory } from './gradHistory';

/** Chart height, CSS px. */
export const GRAD_CHART_HEIGHT = 120;
/** Room for the decade labels on the left and the step labels below, CSS px. */
const LEFT = 44;
const BOTTOM = 18;
const TOP = 6;
const RIGHT = 8;

/** One colour per hidden layer from the input, then the output layer's (slate). */
const SERIES: Record<Theme, readonly string[]> = {
  light: ['#2563eb', '#059669', '#d97706', '#db2777', '#475569'],
  dark: ['#60a5fa', '#34d399', '#fbbf24', '#f472b6', '#cbd5e1'],
};
const AXIS: Record<Theme, { text: string; grid: string }> = {
  light: { text: '#526175', grid: '#e3e8f0' },
  dark: { text: '#9aa8bd', grid: '#23304a' },
};

/** The colour of series s of `count` (the output layer is always the last). */
export function seriesColour(theme: Theme, s: number, count: number): string {
  const palette = SERIES[theme];
  return s === count - 1 ? palette[palette.length - 1]! : palette[s % (palette.length - 1)]!;
}

/** Whole decades covering the history's positive values, or null when there is none. */
export function decadeRange(history: GradHistory): { lo: number; hi: number } | null {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < history.length; i++)
    for (let s = 0; s < history.series; s++) {
      const v = history.at(i, s);
      if (v > 0 && Number.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  if (!(max > 0)) return null;
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(Math.ceil(Math.log10(max)), lo + 1);
  return { lo, hi };
}

function fitCanvas(canvas: HTMLCanvasElement, width: number): number {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.round(GRAD_CHART_HEIGHT * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return dpr;
}

/** Decade label: 1e-3 as "1e-3", 1 as "1". */
function decadeLabel(e: number): string {
  return e === 0 ? '1' : e === 1 ? '10' : `1e${e}`;
}

/** Draws the history at CSS width `width`; steps on x, log10 of the gradient size on y. */
export function drawGradChart(
  canvas: HTMLCanvasElement,
  width: number,
  history: GradHistory,
  theme: Theme,
  stepLabel: string,
): void {
  const dpr = fitCanvas(canvas, width);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, GRAD_CHART_HEIGHT);
  const range = decadeRange(history);
  const plotW = Math.max(width - LEFT - RIGHT, 1);
  const plotH = GRAD_CHART_HEIGHT - TOP - BOTTOM;
  const axis = AXIS[theme];
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = axis.text;
  ctx.strokeStyle = axis.grid;
  ctx.lineWidth = 1;
  if (!range || history.length < 1) return;
  const { lo, hi } = range;
  const y = (v: number) => TOP + plotH * (1 - (Math.log10(v) - lo) / (hi - lo));
  // A label on every decade while they fit, every second or third beyond.
  const every = Math.ceil((hi - lo) / Math.max(1, Math.floor(plotH / 14)));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let e = lo; e <= hi; e++) {
    const py = Math.round(y(10 ** e)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(LEFT, py);
    ctx.lineTo(LEFT + plotW, py);
    ctx.stroke();
    if ((e - lo) % every === 0) ctx.fillText(decadeLabel(e), LEFT - 5, py);
  }
  const first = history.steps[0]!;
  const last = history.steps[history.length - 1]!;
  const span = Math.max(last - first, 1);
  const x = (step: number) => LEFT + ((step - first) / span) * plotW;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillText(String(first), LEFT, GRAD_CHART_HEIGHT - 4);
  ctx.textAlign = 'right';
  ctx.fillText(String(last), LEFT + plotW, GRAD_CHART_HEIGHT - 4);
  ctx.textAlign = 'center';
  ctx.fillText(stepLabel, LEFT + plotW / 2, GRAD_CHART_HEIGHT - 4);
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  for (let s = 0; s < history.series; s++) {
    ctx.strokeStyle = seriesColour(theme, s, history.series);
    ctx.beginPath();
    // A zero (step 0) or a non-finite value leaves a gap: it has no place on a log scale.
    let pen = false;
    for (let i = 0; i < history.length; i++) {
      const v = history.at(i, s);
      if (!(v > 0) || !Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const px = x(history.steps[i]!);
      const py = y(v);
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    }
    if (history.length === 1) {
      // One sample: a dot, so the chart is not empty after the first step.
      const v = history.at(0, s);
      if (v > 0 && Number.isFinite(v)) ctx.rect(x(history.steps[0]!) - 1, y(v) - 1, 2, 2);
    }
    ctx.stroke();
  }
}
