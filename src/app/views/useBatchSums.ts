/**
 * The inspector's full-batch sums for the parameters in force: at once for a small model,
 * in slices of points across tasks for a large one (see batchSums.ts), so selecting a point
 * of a 4 x 256 network never blocks the page.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ActivationName } from '../../core/activations';
import type { Dataset } from '../../core/dataset';
import type { LayerParams } from '../../core/paramLayout';
import { sliceSize, sumInSlices } from './batchSums';
import { layerBatchGradients } from '../../core/inspect';
import type { SumLayer } from './inspectorModel';

export interface BatchSums {
  /** Null while still being summed. */
  sums: SumLayer[] | null;
  /** Fraction of the points summed so far. */
  progress: number;
}

interface Sliced extends BatchSums {
  net: readonly LayerParams[];
  act: ActivationName;
  data: Dataset;
}

export function useBatchSums(
  net: readonly LayerParams[] | null,
  act: ActivationName,
  data: Dataset,
): BatchSums {
  const params = net ? net.reduce((n, l) => n + l.w.length + l.b.length, 0) : 0;
  const n = data.x.length;
  const size = sliceSize(params);
  const now = useMemo(
    () => (net && n <= size ? layerBatchGradients(net, act, data.x, data.y) : null),
    [net, act, data, n, size],
  );
  /** The sliced sum in progress, with what it is of (a stale one is ignored). */
  const [sliced, setSliced] = useState<Sliced | null>(null);
  useEffect(() => {
    if (!net || n <= size) return;
    const of = { net, act, data };
    return sumInSlices(
      n,
      size,
      (from, to) =>
        layerBatchGradients(net, act, data.x.subarray(from, to), data.y.subarray(from, to)),
      (sums) => setSliced({ ...of, sums, progress: 1 }),
      // A render per percent, not per slice (a large model's sum takes hundreds of slices).
      (progress) =>
        setSliced((prev) =>
          prev && Math.floor(prev.progress * 100) === Math.floor(progress * 100)
            ? prev
            : { ...of, sums: null, progress },
        ),
    );
  }, [net, act, data, n, size]);
  if (now) return { sums: now, progress: 1 };
  if (sliced && sliced.net === net && sliced.act === act && sliced.data === data)
    return { sums: sliced.sums, progress: sliced.progress };
  return { sums: null, progress: 0 };
}
