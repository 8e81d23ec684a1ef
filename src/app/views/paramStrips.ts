/**
 * Draws one parameter group (w1, b1 or w2: one value per hidden unit) on a canvas: a
 * signed bar per unit over a midline, and beneath it a strip shaded by the size of the
 * unit's last gradient, so a learner sees which weights are moving. Stuck units are grey.
 */

const POSITIVE = '#ea580c';
const NEGATIVE = '#2563eb';
const STUCK = '#cbd5e1';
/** Gradient shade, as the hidden units' purple. */
const GRAD_RGB = '124, 58, 237';
/** Height of the bar area and of the gradient strip, CSS px. */
export const BAR_HEIGHT = 30;
export const GRAD_HEIGHT = 7;
const GAP = 3;
export const STRIP_HEIGHT = BAR_HEIGHT + GAP + GRAD_HEIGHT;

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

/** Sizes the canvas's backing store to its CSS box and the device's pixel ratio; returns its CSS width. */
export function fitCanvas(canvas: HTMLCanvasElement): number {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.round(STRIP_HEIGHT * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.getContext('2d')?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return width;
}

export function drawStrip(canvas: HTMLCanvasElement, values: Float32Array, grads: Float32Array, stuck: Uint8Array | null): void {
  const width = fitCanvas(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, width, STRIP_HEIGHT);
  const n = values.length;
  const col = width / n;
  // Gaps between bars only where there is room for them.
  const gap = col >= 6 ? Math.min(4, col * 0.25) : 0;
  const mid = BAR_HEIGHT / 2;
  const vMax = maxAbs(values) || 1;
  const gMax = maxAbs(grads);
  ctx.fillStyle = '#e2e8f0';
  ctx.fillRect(0, mid - 0.5, width, 1);
  for (let j = 0; j < n; j++) {
    const v = values[j]!;
    const x = j * col + gap / 2;
    const w = Math.max(col - gap, 0.5);
    const h = (Math.abs(v) / vMax) * (mid - 1);
    ctx.fillStyle = stuck?.[j] ? STUCK : v >= 0 ? POSITIVE : NEGATIVE;
    ctx.fillRect(x, v >= 0 ? mid - h : mid, w, Math.max(h, 0.5));
    // sqrt: gradients are heavy-tailed; a linear shade would hide all but the largest.
    const g = gMax > 0 ? Math.sqrt(Math.abs(grads[j]!) / gMax) : 0;
    ctx.fillStyle = `rgba(${GRAD_RGB}, ${(0.06 + 0.94 * g).toFixed(3)})`;
    ctx.fillRect(x, BAR_HEIGHT + GAP, w, GRAD_HEIGHT);
  }
}
