import { describe, expect, it } from 'vitest';
import { fillRect, rgb, type Pixels } from './stripPixels';

const pixels = (width: number, height: number): Pixels => ({
  data: new Uint8ClampedArray(width * height * 4),
  width,
  height,
});
const at = (p: Pixels, x: number, y: number) =>
  Array.from(p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4));

describe('strip pixels', () => {
  it('reads #rrggbb colours', () => {
    expect(rgb('#ea580c')).toEqual([0xea, 0x58, 0x0c]);
  });

  it('a rectangle on whole pixels paints them in its colour, and nothing else', () => {
    const p = pixels(4, 3);
    fillRect(p, 1, 1, 3, 2, [10, 20, 30]);
    expect(at(p, 1, 1)).toEqual([10, 20, 30, 255]);
    expect(at(p, 2, 1)).toEqual([10, 20, 30, 255]);
    expect(at(p, 0, 1)).toEqual([0, 0, 0, 0]);
    expect(at(p, 1, 0)).toEqual([0, 0, 0, 0]);
    expect(at(p, 3, 1)).toEqual([0, 0, 0, 0]);
  });

  it('a pixel partly covered takes the covered fraction as opacity, in x and in y', () => {
    const p = pixels(2, 2);
    fillRect(p, 0.25, 0, 0.75, 1, [200, 100, 0]);
    expect(at(p, 0, 0)).toEqual([200, 100, 0, 128]);
    fillRect(p, 1, 0.5, 2, 2, [0, 0, 255], 0.5);
    expect(at(p, 1, 0)[3]).toBe(64);
    expect(at(p, 1, 1)[3]).toBe(128);
  });

  it('paints over what is there as source-over does', () => {
    const p = pixels(1, 1);
    fillRect(p, 0, 0, 1, 1, [255, 0, 0]);
    fillRect(p, 0, 0, 1, 1, [0, 0, 255], 0.25);
    // Opaque red under 25% blue: 75% red, 25% blue, opaque.
    expect(at(p, 0, 0)).toEqual([191, 0, 64, 255]);
    const q = pixels(1, 1);
    fillRect(q, 0, 0, 1, 1, [255, 0, 0], 0.5);
    fillRect(q, 0, 0, 1, 1, [0, 0, 255], 0.5);
    // Alpha 0.5 + 0.5 * 0.5 (the first 0.5 stored as 128 / 255, so 0.751 of 255: 192); colour weighted 0.5 blue, 0.25 red.
    expect(at(q, 0, 0)).toEqual([85, 0, 170, 192]);
  });

  it('two halves of a pixel side by side leave it partly see-through, as two fillRects on a canvas do', () => {
    const p = pixels(1, 1);
    fillRect(p, 0, 0, 0.5, 1, [0, 0, 0]);
    fillRect(p, 0.5, 0, 1, 1, [0, 0, 0]);
    // Coverage adds as independent layers do (0.5 + 0.5 * 0.5, with the first stored as 128 / 255), as a canvas's fillRect does.
    expect(at(p, 0, 0)[3]).toBe(192);
  });

  it('clips to the buffer', () => {
    const p = pixels(2, 2);
    fillRect(p, -5, -5, 10, 10, [1, 2, 3]);
    expect(Array.from(p.data)).toEqual(Array(4).fill([1, 2, 3, 255]).flat());
  });
});
