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

/** Shades of the gradient strip: its opacity is rounded to one of these many steps. */
const GRAD_LEVELS = 64;
const GRAD_FILLS = Array.from({ length: GRAD_LEVELS }, (_, k) => `rgba(${GRAD_RGB}, ${(0.06 + (0.94 * k) / (GRAD_LEVELS - 1)).toFixed(3)})`);

/**
 * Sizes the canvas's backing store to a CSS width (measured by the caller, so drawing
 * never forces a layout) and the device's pixel ratio.
 */
export function fitCanvas(canvas: HTMLCanvasElement, width: number): void {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.round(STRIP_HEIGHT * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.getContext('2d')?.setTransform(dpr, 0, 0, dpr, 0, 0);
}

/** Fill styles of the bars, by kind: positive, negative, stuck. */
const BAR_FILLS = [POSITIVE, NEGATIVE, STUCK];

/**
 * Draws the strip at CSS width `width`. Bars are drawn grouped by colour, so each
 * colour is set once: a colour string per bar (parsed by the canvas each time) and a
 * path per colour both cost ~5 ms a frame at H = 1024 (profiled in `npm run bench:page`).
 */
export function drawStrip(canvas: HTMLCanvasElement, width: number, values: Float32Array, grads: Float32Array, stuck: Uint8Array | null): void {
  fitCanvas(canvas, width);
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
  const w = Math.max(col - gap, 0.5);
  ctx.fillStyle = '#e2e8f0';
  ctx.fillRect(0, mid - 0.5, width, 1);
  const kind = new Uint8Array(n);
  const shade = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    kind[j] = stuck?.[j] ? 2 : values[j]! >= 0 ? 0 : 1;
    // sqrt: gradients are heavy-tailed; a linear shade would hide all but the largest.
    shade[j] = gMax > 0 ? Math.round(Math.sqrt(Math.abs(grads[j]!) / gMax) * (GRAD_LEVELS - 1)) : 0;
  }
  BAR_FILLS.forEach((style, k) => {
    ctx.fillStyle = style;
    for (let j = 0; j < n; j++) {
      if (kind[j] !== k) continue;
      const v = values[j]!;
      const h = (Math.abs(v) / vMax) * (mid - 1);
      ctx.fillRect(j * col + gap / 2, v >= 0 ? mid - h : mid, w, Math.max(h, 0.5));
    }
  });
  // Units grouped by shade (a counting sort), then one colour per group.
  const starts = new Uint32Array(GRAD_LEVELS + 1);
  for (let j = 0; j < n; j++) starts[shade[j]! + 1]!++;
  for (let level = 0; level < GRAD_LEVELS; level++) starts[level + 1]! += starts[level]!;
  const next = starts.slice(0, GRAD_LEVELS);
  const order = new Uint32Array(n);
  for (let j = 0; j < n; j++) order[next[shade[j]!]!++] = j;
  for (let level = 0; level < GRAD_LEVELS; level++) {
    if (starts[level] === starts[level + 1]) continue;
    ctx.fillStyle = GRAD_FILLS[level]!;
    for (let k = starts[level]!; k < starts[level + 1]!; k++) ctx.fillRect(order[k]! * col + gap / 2, BAR_HEIGHT + GAP, w, GRAD_HEIGHT);
  }
}
