/**
 * The comparison table's numbers for one moment, and which is best in each column: the
 * lowest training and test loss, the most steps per second, the most linear pieces (the
 * most bends the fit can make), the fewest parameters. Pure.
 */
import type { Frame } from '../../core/protocol';

export const TABLE_COLUMNS = ['loss', 'testLoss', 'rate', 'pieces', 'params'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Whether a column's best is its lowest or its highest value. */
const BETTER: Record<TableColumn, 'low' | 'high'> = {
  loss: 'low',
  testLoss: 'low',
  rate: 'high',
  pieces: 'high',
  params: 'low',
};

/**
 * How close to the best a value counts as equal to it, relative. Steps per second are a
 * measurement that wobbles by a few per cent between equal runs: no run is "best" for that.
 */
const TIE: Record<TableColumn, number> = { loss: 0, testLoss: 0, rate: 0.05, pieces: 0, params: 0 };

/** One row's numbers; null where the run has none (no frame yet, no test points, a smooth activation). */
export type RowValues = Record<TableColumn, number | null>;

/** A run's row from its newest frame, its parameter count and its measured rate (see RateMeter). */
export function rowValues(frame: Frame | null, params: number, rate: number | null): RowValues {
  const loss = frame ? (frame.trainLoss ?? frame.loss) : null;
  const finite = (v: number | null | undefined) =>
    v !== null && v !== undefined && Number.isFinite(v) ? v : null;
  return {
    loss: finite(loss),
    testLoss: finite(frame?.testLoss),
    rate: rate !== null && rate > 0 ? rate : null,
    pieces: frame?.picture.kinks ? frame.picture.kinks.pieces : null,
    params,
  };
}

/**
 * The rows holding column `column`'s best value (or one tied with it). None when fewer than
 * two rows have a value or all of them are tied: a column where every run is alike has no best.
 */
export function bestRows(rows: readonly RowValues[], column: TableColumn): Set<number> {
  const present = rows
    .map((row, i) => ({ v: row[column], i }))
    .filter((e): e is { v: number; i: number } => e.v !== null);
  if (present.length < 2) return new Set();
  const values = present.map((e) => e.v);
  const best = BETTER[column] === 'low' ? Math.min(...values) : Math.max(...values);
  const tied = (v: number) => Math.abs(v - best) <= TIE[column] * Math.abs(best);
  if (values.every(tied)) return new Set();
  return new Set(present.filter((e) => tied(e.v)).map((e) => e.i));
}

/** How far back the table's steps per second look, ms: long enough to smooth the scheduler's jitter. */
export const RATE_WINDOW_MS = 1000;

/**
 * A run's steps per second as the table shows them: the steps it actually took over the
 * last RATE_WINDOW_MS, from its step counts (a worker's own measure covers its last slice,
 * and jumps with the scheduler); null while it stands still or before a second's worth.
 */
export class RateMeter {
  private samples: { step: number; at: number }[] = [];

  /** Takes the run's step at time `at` (ms); returns its rate, or null. */
  sample(step: number | null, at: number, running: boolean): number | null {
    const last = this.samples.at(-1);
    // A new run (Reset, a new value) counts from its own start.
    if (step === null || !running || (last && step < last.step)) this.samples = [];
    if (step === null || !running) return null;
    this.samples.push({ step, at });
    while (this.samples.length > 2 && at - this.samples[1]!.at >= RATE_WINDOW_MS)
      this.samples.shift();
    const first = this.samples[0]!;
    const span = at - first.at;
    return span >= RATE_WINDOW_MS / 2 ? ((step - first.step) * 1000) / span : null;
  }
}
