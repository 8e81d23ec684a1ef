/**
 * Where first-layer hinges crowd together. With zero initial biases (Glorot, He) every
 * first-layer unit's hinge x = -b / w starts at exactly 0, a lesson the fit plot would
 * otherwise show as one marker; training spreads them out.
 */

/** The most first-layer hinges within `near` of one another, and where they sit (their mean). */
export interface HingePile {
  x: number;
  count: number;
}

/**
 * The largest pile of hinges x_j = -b_j / w_j (units with w_j = 0 have none): the most
 * hinges in any window of width `near`. Sorts a copy: call it when the weights change.
 */
export function largestPile(w: ArrayLike<number>, b: ArrayLike<number>, near: number): HingePile {
  const xs: number[] = [];
  for (let j = 0; j < w.length; j++) if (w[j] !== 0) xs.push(-b[j]! / w[j]!);
  xs.sort((p, q) => p - q);
  let best: HingePile = { x: NaN, count: 0 };
  let start = 0;
  let sum = 0;
  for (let end = 0; end < xs.length; end++) {
    sum += xs[end]!;
    while (xs[end]! - xs[start]! > near) sum -= xs[start++]!;
    const count = end - start + 1;
    if (count > best.count) best = { x: sum / count, count };
  }
  return best;
}
