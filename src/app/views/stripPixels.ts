/**
 * Anti-aliased rectangles painted straight into RGBA pixels, for the network panel's
 * strips. At H = 1024 a strip is 2,048 sub-pixel rectangles; drawn with the canvas's
 * fillRect, Chromium records them and rasterises them when the frame is committed, which
 * was a quarter of the page's main-thread time while training (`npm run bench:page`, a
 * Chromium trace). Written as pixels and handed over with one putImageData, the canvas
 * is a plain bitmap to the compositor.
 */

/** An RGBA pixel buffer (straight alpha, as ImageData holds it), width by height. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A colour as red, green, blue (0-255). */
export type Rgb = readonly [number, number, number];

/** '#rrggbb' as [r, g, b]. */
export function rgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/**
 * Paints the rectangle [x0, x1) x [y0, y1) (pixel units, fractional) in colour c at
 * opacity alpha over what is there: each pixel takes the fraction of it the rectangle
 * covers, as an anti-aliased fillRect would (source-over).
 */
export function fillRect(
  p: Pixels,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  c: Rgb,
  alpha = 1,
): void {
  const left = Math.max(0, Math.floor(x0));
  const right = Math.min(p.width, Math.ceil(x1));
  const top = Math.max(0, Math.floor(y0));
  const bottom = Math.min(p.height, Math.ceil(y1));
  const d = p.data;
  for (let y = top; y < bottom; y++) {
    const fy = Math.min(y + 1, y1) - Math.max(y, y0);
    let i = (y * p.width + left) * 4;
    for (let x = left; x < right; x++, i += 4) {
      const a = alpha * fy * (Math.min(x + 1, x1) - Math.max(x, x0));
      if (a <= 0) continue;
      const under = (d[i + 3]! / 255) * (1 - a);
      const out = a + under;
      d[i] = (c[0] * a + d[i]! * under) / out;
      d[i + 1] = (c[1] * a + d[i + 1]! * under) / out;
      d[i + 2] = (c[2] * a + d[i + 2]! * under) / out;
      d[i + 3] = out * 255;
    }
  }
}
