/**
 * Kinks close together on the fit plot, counted as one pile: at one hidden layer each
 * unit's marker says how many lie near it; at depth, where a network has thousands, a pile
 * is drawn as one marker.
 */
import { PLOT_X_RANGE } from '../../core/grid';

/** Kinks closer than this (a fraction of the plot's width, about a pixel) are one pile: their hover says how many. */
export const PILE_WIDTH = 0.004;

/**
 * Markers kept for the kinks at depth: every pile fits (see kinkPiles), so the count of
 * markers never changes while training and the fit plot is patched in place.
 */
export const PILE_MARKERS = 256;

/** Kinks close together, drawn as one marker: the first and last kink's x, and how many it holds. */
export interface KinkPile {
  from: number;
  to: number;
  count: number;
  inside: boolean;
}

/**
 * The kinks at depth grouped into piles, left to right: a pile starts at its first kink and
 * takes every next kink within PILE_WIDTH of the plot's width of that first one, and never
 * mixes kinks inside and outside the data's x range [lo, hi]. Piles start more than
 * PILE_WIDTH apart within each of the three stretches, so the plot holds at most
 * 1 / PILE_WIDTH + 3 of them, however many kinks the network has. Kinks beyond the plot's
 * range (the worker sends none) are grouped at its edge, where they would be drawn.
 */
export function kinkPiles(pos: ArrayLike<number>, lo: number, hi: number): KinkPile[] {
  const [left, right] = PLOT_X_RANGE;
  const near = PILE_WIDTH * (right - left);
  const sorted = Float64Array.from(pos)
    .filter((x) => !Number.isNaN(x))
    .sort();
  const piles: KinkPile[] = [];
  let pile: KinkPile | null = null;
  let start = 0;
  for (const x of sorted) {
    const at = Math.min(right, Math.max(left, x));
    const inside = x >= lo && x <= hi;
    if (pile && inside === pile.inside && at - start <= near) {
      pile.to = x;
      pile.count++;
    } else {
      pile = { from: x, to: x, count: 1, inside };
      piles.push(pile);
      start = at;
    }
  }
  return piles;
}

/** For each kink, how many kinks (itself included) lie within PILE_WIDTH of the plot's width of it. */
export function pileSizes(pos: Float64Array): Int32Array {
  const near = PILE_WIDTH * (PLOT_X_RANGE[1] - PLOT_X_RANGE[0]);
  const sorted = Float64Array.from(pos.filter((x) => !Number.isNaN(x))).sort();
  /** Index of the first sorted value >= x. */
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return Int32Array.from(pos, (x) =>
    Number.isNaN(x) ? 0 : lowerBound(x + near + 1e-12) - lowerBound(x - near),
  );
}
