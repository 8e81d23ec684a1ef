/**
 * Draws one parameter group (w1, b1 or w2: one value per hidden unit) on a canvas: a
 * signed bar per unit over a midline, beneath it a strip shaded by the size of the unit's
 * last gradient, and beneath that one shaded by the size of the update the optimizer
 * applied (issue #20: under plain SGD it follows the gradient; Adam's is nearly even), so
 * a learner sees which weights are moving and why. Stuck units are grey.
 * A size (a unit's incoming weights at depth, never negative) stands on a baseline instead.
 */
import { fillRect, rgb, type Pixels } from './stripPixels';

const POSITIVE = '#ea580c';
const NEGATIVE = '#2563eb';
const STUCK = '#cbd5e1';
/** Opacity of the gradient strip for a zero gradient (1 for the largest). */
const GRAD_MIN_ALPHA = 0.06;
/** Height of the bar area, of the gradient strip and of the update strip, CSS px. */
export const BAR_HEIGHT = 30;
export const GRAD_HEIGHT = 7;
export const UPDATE_HEIGHT = 7;
const GAP = 3;
/** Between the gradient strip and the update strip. */
const ROW_GAP = 2;
const UPDATE_TOP = BAR_HEIGHT + GAP + GRAD_HEIGHT + ROW_GAP;
export const STRIP_HEIGHT = UPDATE_TOP + UPDATE_HEIGHT;

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

/**
 * Sizes the canvas's backing store to a CSS width (measured by the caller, so drawing
 * never forces a layout) and the device's pixel ratio; drawStrip scales to it.
 */
function fitCanvas(canvas: HTMLCanvasElement, width: number): void {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.round(STRIP_HEIGHT * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
}

const BAR_RGB = [rgb(POSITIVE), rgb(NEGATIVE), rgb(STUCK)] as const;
const MIDLINE = rgb('#e2e8f0');
const GRAD = rgb('#7c3aed');
/** The update strip's shade: teal, apart from the gradient's violet in both themes. */
export const UPDATE_COLOUR = '#0d9488';
const UPDATE = rgb(UPDATE_COLOUR);

/** Each canvas's pixels, kept between frames (re-made when the canvas is resized). */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

function imageFor(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): ImageData {
  let image = images.get(canvas);
  if (!image || image.width !== canvas.width || image.height !== canvas.height) {
    image = ctx.createImageData(canvas.width, canvas.height);
    images.set(canvas, image);
  }
  return image;
}

/**
 * Draws the strip at CSS width `width`: written as pixels (see stripPixels.ts), so the
 * canvas gets one putImageData per frame instead of two rectangles per unit.
 */
export function drawStrip(
  canvas: HTMLCanvasElement,
  width: number,
  values: Float32Array,
  grads: Float32Array,
  updates: Float32Array,
  stuck: Uint8Array | null,
  sizes = false,
): void {
  fitCanvas(canvas, width);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = imageFor(canvas, ctx);
  const pixels: Pixels = { data: image.data, width: image.width, height: image.height };
  pixels.data.fill(0);
  // Drawn in CSS pixels, scaled to the backing store's.
  const s = image.width / Math.max(width, 1);
  const n = values.length;
  const col = width / n;
  // Gaps between bars only where there is room for them.
  const gap = col >= 6 ? Math.min(4, col * 0.25) : 0;
  // Signed values grow from a midline; sizes from a baseline at the bottom, with twice the room.
  const mid = sizes ? BAR_HEIGHT - 1 : BAR_HEIGHT / 2;
  const vMax = maxAbs(values) || 1;
  const gMax = maxAbs(grads);
  const uMax = maxAbs(updates);
  const w = Math.max(col - gap, 0.5);
  fillRect(pixels, 0, (mid - 0.5) * s, width * s, (mid + 0.5) * s, MIDLINE);
  for (let j = 0; j < n; j++) {
    const v = values[j]!;
    const h = Math.max((Math.abs(v) / vMax) * (mid - 1), 0.5);
    const x0 = (j * col + gap / 2) * s;
    const top = v >= 0 ? mid - h : mid;
    fillRect(
      pixels,
      x0,
      top * s,
      x0 + w * s,
      (top + h) * s,
      BAR_RGB[stuck?.[j] ? 2 : v >= 0 ? 0 : 1],
    );
    // sqrt: gradients are heavy-tailed; a linear shade would hide all but the largest.
    const shade = gMax > 0 ? Math.sqrt(Math.abs(grads[j]!) / gMax) : 0;
    fillRect(
      pixels,
      x0,
      (BAR_HEIGHT + GAP) * s,
      x0 + w * s,
      (BAR_HEIGHT + GAP + GRAD_HEIGHT) * s,
      GRAD,
      GRAD_MIN_ALPHA + (1 - GRAD_MIN_ALPHA) * shade,
    );
    // The same scale as the gradient's, each against its own largest: a shape to compare.
    const step = uMax > 0 ? Math.sqrt(Math.abs(updates[j]!) / uMax) : 0;
    fillRect(
      pixels,
      x0,
      UPDATE_TOP * s,
      x0 + w * s,
      (UPDATE_TOP + UPDATE_HEIGHT) * s,
      UPDATE,
      GRAD_MIN_ALPHA + (1 - GRAD_MIN_ALPHA) * step,
    );
  }
  ctx.putImageData(image, 0, 0);
}
