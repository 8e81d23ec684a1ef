/**
 * Naming the last step's batch as the page does (issue #20): a run trains on the points not
 * held out, numbered from 0 among themselves; the page numbers all its points.
 */

/** Each training point's index among the n points given: those with test == 0, in order. */
export function trainingIndices(test: Uint8Array, n: number): Int32Array {
  let trained = 0;
  for (let i = 0; i < n; i++) if ((test[i] ?? 0) === 0) trained++;
  const out = new Int32Array(trained);
  for (let i = 0, k = 0; i < n; i++) if ((test[i] ?? 0) === 0) out[k++] = i;
  return out;
}

/** A batch's training indices as the page's (the same numbers when nothing is held out: no map). */
export function pageIndices(batch: Int32Array, trainIndex: Int32Array | null): Int32Array {
  return Int32Array.from(batch, (i) => (trainIndex ? trainIndex[i]! : i));
}
