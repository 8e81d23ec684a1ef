import { describe, expect, it } from 'vitest';
import { PALETTES } from '../plots/plotStyle';

/** Relative luminance of an sRGB colour given as #rrggbb or rgba(r, g, b, a) (WCAG 2). */
function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const rgba = /^rgba\((\d+), (\d+), (\d+), [\d.]+\)$/.exec(colour);
  const parts = hex
    ? hex.slice(1).map((h) => parseInt(h, 16))
    : rgba!.slice(1).map((d) => Number(d));
  const [r, g, b] = parts.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('notes written on a plot', () => {
  it.each(['light', 'dark'] as const)(
    'are readable in the %s theme (WCAG AA contrast)',
    (theme) => {
      const { text, noteBackground } = PALETTES[theme];
      expect(contrast(text, noteBackground)).toBeGreaterThan(4.5);
    },
  );
});
