/**
 * What every run's fit plot draws that does not change while the runs train: the data
 * (training and held-out points, thinned as on the main plot), the true function, and the
 * one y range all the plots share, so the fits compare by eye.
 */
import { targetFunction } from '../../core/dataset';
import type { RunConfig } from '../../core/config';
import type { LabeledData } from '../../core/protocol';
import type { FitScene } from '../plots/fitTraces';
import { thinPoints } from '../plots/thinPoints';
import { GRID, runDataFor, splitRunData } from '../views/runData';

/** Most data markers on each small plot: beyond this they overlap into a band anyway. */
const MAX_MARKERS = 300;
/** Room above and below the data, as a fraction of its spread (as on the main plot). */
const Y_PADDING = 0.15;

export interface CompareScene extends FitScene {
  /** The y range every fit plot shows. */
  yRange: [number, number];
}

export function compareScene(base: RunConfig, customData: LabeledData | null): CompareScene {
  const run = splitRunData(runDataFor(base, customData));
  const truth = GRID.map(targetFunction({ dataset: base.dataset, expression: base.expression }));
  let lo = Infinity;
  let hi = -Infinity;
  const take = (values: ArrayLike<number>, keep: (i: number) => boolean) => {
    for (let i = 0; i < values.length; i++) {
      if (!keep(i) || !Number.isFinite(values[i]!)) continue;
      lo = Math.min(lo, values[i]!);
      hi = Math.max(hi, values[i]!);
    }
  };
  take(run.all.y, () => true);
  take(truth, (i) => Math.abs(GRID[i]!) <= 1);
  if (!Number.isFinite(lo)) [lo, hi] = [-1, 1];
  const pad = Math.max(hi - lo, 0.5) * Y_PADDING;
  return {
    points: run.train.x.length,
    shown: thinPoints(run.train.x, run.train.y, MAX_MARKERS),
    testShown: thinPoints(run.test.x, run.test.y, MAX_MARKERS),
    grid: GRID,
    truth,
    yRange: [lo - pad, hi + pad],
  };
}
