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

/** A run's row from its newest frame and its parameter count. */
export function rowValues(frame: Frame | null, params: number): RowValues {
  const loss = frame ? (frame.trainLoss ?? frame.loss) : null;
  const finite = (v: number | null | undefined) =>
    v !== null && v !== undefined && Number.isFinite(v) ? v : null;
  return {
    loss: finite(loss),
    testLoss: finite(frame?.testLoss),
    rate: frame && frame.stepsPerSecond > 0 ? frame.stepsPerSecond : null,
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
