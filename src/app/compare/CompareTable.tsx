/**
 * Each run's numbers, live: training loss, test loss, steps per second, linear pieces and
 * parameters, the best of each column marked. React draws the rows; the numbers are
 * written into them a few times a second, straight from compareLive.
 */
import { useEffect, useRef } from 'react';
import { configFor } from '../../core/compare';
import { paramLayout } from '../../core/paramLayout';
import { formatLoss, formatRate } from '../format';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { compareLive } from './compareLive';
import { useCompareStore } from './compareStore';
import { runColor } from './runColors';
import { bestRows, RateMeter, rowValues, TABLE_COLUMNS, type TableColumn } from './tableCells';
import './compareTable.css';

/** Table refreshes per second: numbers that change faster cannot be read. */
const TABLE_HZ = 4;
const NONE = '—';

function formatCell(column: TableColumn, value: number | null): string {
  if (value === null) return NONE;
  switch (column) {
    case 'loss':
    case 'testLoss':
      return formatLoss(value);
    case 'rate':
      return formatRate(value);
    default:
      return String(value);
  }
}

export function CompareTable() {
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const spec = useCompareStore((s) => s.spec);
  const base = useCompareStore((s) => s.base);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const params = spec.values.map((value) =>
    base ? paramLayout(configFor(base, spec.vary, value).layers).length : 0,
  );
  const paramsKey = params.join(',');
  const bestText = t.compareBest;

  useEffect(() => {
    const body = bodyRef.current!;
    const counts = paramsKey.split(',').map(Number);
    const meters = counts.map(() => new RateMeter());
    const write = () => {
      const { runs } = compareLive.getState();
      const now = performance.now();
      const rows = counts.map((p, i) => {
        const frame = runs[i]?.frame ?? null;
        // The step the row's numbers are of (tests wait for it: the table follows at TABLE_HZ).
        const tr = body.children[i] as HTMLElement | undefined;
        if (tr) tr.dataset.step = frame ? String(frame.step) : '';
        const rate = meters[i]!.sample(frame?.step ?? null, now, frame?.state === 'running');
        return rowValues(frame, p, rate);
      });
      for (const column of TABLE_COLUMNS) {
        const best = bestRows(rows, column);
        rows.forEach((row, i) => {
          const cell = body.querySelector<HTMLElement>(
            `tr:nth-child(${i + 1}) [data-col="${column}"]`,
          );
          if (!cell) return;
          const text = formatCell(column, row[column]);
          const value = cell.querySelector('.cell-value')!;
          if (value.textContent !== text) value.textContent = text;
          const isBest = best.has(i);
          if ((cell.dataset.best === 'true') !== isBest) {
            if (isBest) cell.dataset.best = 'true';
            else delete cell.dataset.best;
            cell.querySelector('.cell-best')!.textContent = isBest ? `★` : '';
            cell.querySelector('.visually-hidden')!.textContent = isBest ? ` (${bestText})` : '';
          }
        });
      }
    };
    write();
    const timer = setInterval(write, 1000 / TABLE_HZ);
    return () => clearInterval(timer);
  }, [paramsKey, bestText, spec.values]);

  const headers: Record<TableColumn, string> = {
    loss: t.compareColLoss,
    testLoss: t.compareColTestLoss,
    rate: t.compareColRate,
    pieces: t.compareColPieces,
    params: t.compareColParams,
  };
  return (
    <div className="panel compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <caption>{t.compareTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.compareColRun}</th>
            {TABLE_COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {headers[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {spec.values.map((value, i) => (
            <tr key={`${i}:${value}`} data-testid={`compare-row-${i + 1}`} data-value={value}>
              <th scope="row">
                <span className="run-swatch" style={{ background: runColor(theme, i) }} />
                {t.compareRunTitle(spec.vary, value)}
              </th>
              {TABLE_COLUMNS.map((c) => (
                <td key={c} data-col={c}>
                  <span className="cell-value">{NONE}</span>
                  <span className="cell-best" aria-hidden="true" />
                  <span className="visually-hidden" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
