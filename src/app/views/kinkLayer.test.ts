import { describe, expect, it } from 'vitest';
import { PLOT_X_RANGE } from '../../core/grid';
import { NumpyRandom } from '../../core/rng';
import { en } from '../i18n/en';
import type { FrameInsight } from './frameInsight';
import { kinks } from './kinkLayer';
import { kinkPiles, PILE_MARKERS, PILE_WIDTH } from './kinkPiles';

const NEAR = PILE_WIDTH * (PLOT_X_RANGE[1] - PLOT_X_RANGE[0]);
/** The data's x range in these tests. */
const LO = -1;
const HI = 1;

/** `n` kinks drawn at random over the plotted range, seeded, increasing as the worker sends them. */
function randomKinks(n: number, seed: number): Float64Array {
  const rng = new NumpyRandom(seed);
  const [left, right] = PLOT_X_RANGE;
  return Float64Array.from({ length: n }, () => left + (right - left) * rng.randomSample()).sort();
}

/** What the fit plot is given at depth: only the picture's kinks and the data's range matter here. */
function deepInsight(x: Float64Array): FrameInsight {
  return {
    activation: 'relu',
    depth: 4,
    data: { x: Float32Array.from([LO, HI]), y: Float32Array.from([0, 0]) },
    kinks: () => null,
    picture: { kinks: { x, pieces: x.length + 1 } },
  } as unknown as FrameInsight;
}

describe('piles of kinks at depth', () => {
  it('are bounded by the plot’s width over PILE_WIDTH at 5,000 kinks, and hold every kink', () => {
    const x = randomKinks(5000, 7);
    const piles = kinkPiles(x, LO, HI);
    expect(piles.length).toBeLessThanOrEqual(1 / PILE_WIDTH + 3);
    expect(piles.length).toBeGreaterThan(200);
    expect(piles.reduce((sum, p) => sum + p.count, 0)).toBe(5000);
  });

  it('never span more than PILE_WIDTH of the plot, nor mix kinks inside and outside the data', () => {
    const x = randomKinks(3000, 11);
    const piles = kinkPiles(x, LO, HI);
    // Every kink lies in exactly one pile, in order: the piles cover the sorted kinks.
    let k = 0;
    for (const pile of piles) {
      expect(pile.to - pile.from).toBeLessThanOrEqual(NEAR);
      expect(pile.from).toBe(x[k]);
      const members = Array.from(x.subarray(k, k + pile.count));
      expect(members.at(-1)).toBe(pile.to);
      for (const m of members) expect(m >= LO && m <= HI).toBe(pile.inside);
      k += pile.count;
    }
    expect(k).toBe(x.length);
  });

  it('stay within PILE_MARKERS for kinks packed just over PILE_WIDTH apart, the most piles there can be', () => {
    const [left, right] = PLOT_X_RANGE;
    const step = NEAR * (1 + 1e-9);
    const x = Float64Array.from({ length: Math.floor((right - left) / step) + 1 }, (_, i) =>
      Math.min(right, left + i * step),
    );
    const piles = kinkPiles(x, LO, HI);
    expect(piles).toHaveLength(x.length);
    expect(piles.length).toBeLessThanOrEqual(PILE_MARKERS);
  });

  it('take kinks given out of order, and skip NaN', () => {
    const piles = kinkPiles([0.5, Number.NaN, 0.1, 0.1 + NEAR / 2], LO, HI);
    expect(piles.map((p) => [p.from, p.count])).toEqual([
      [0.1, 2],
      [0.5, 1],
    ]);
  });
});

describe('the fit plot’s kink markers at depth', () => {
  it('keep a fixed number of markers while the count of kinks hovers, and one per pile is shown', () => {
    // Kinks of a 4 x 256 relu network over training: the count hovers around 1,000 and 2,000.
    const counts = [1009, 1011, 983, 1003, 1016, 1028, 1025, 1049, 1985, 2051, 1990, 2100];
    const lengths = counts.map((n, i) => {
      const traces = kinks(deepInsight(randomKinks(n, i + 1)), en);
      return traces.map((t) => (t as { x: number[] }).x.length);
    });
    for (const l of lengths) expect(l).toEqual([PILE_MARKERS, PILE_MARKERS]);
  });

  it('say in their hovers how many kinks each holds, adding up to the network’s count', () => {
    const x = randomKinks(5000, 3);
    const traces = kinks(deepInsight(x), en) as { name: string; y: number[]; text: string[] }[];
    let total = 0;
    let shown = 0;
    for (const t of traces)
      t.text.forEach((text, i) => {
        if (t.y[i]! < 0) return; // waiting below the axis, clipped away
        shown++;
        const many = /^(\d+) kinks of the network at x = /.exec(text);
        if (many) total += Number(many[1]);
        else {
          expect(text).toMatch(/^kink of the network at x = /);
          total += 1;
        }
      });
    expect(total).toBe(5000);
    expect(shown).toBe(kinkPiles(x, LO, HI).length);
  });

  it('mark a lone kink where it is, hollow outside the data', () => {
    const x = Float64Array.from([-1.1, 0.3]);
    const [outside, inside] = kinks(deepInsight(x), en) as {
      name: string;
      x: number[];
      y: number[];
      text: string[];
    }[];
    expect(outside!.name).toBe('kinks outside the data');
    const seen = (t: typeof inside) =>
      t!.x.flatMap((v, i) => (t!.y[i]! > 0 ? [[v, t!.text[i]]] : []));
    expect(seen(inside)).toEqual([[0.3, 'kink of the network at x = 0.300']]);
    expect(seen(outside)).toEqual([[-1.1, 'kink of the network at x = -1.10']]);
  });
});
