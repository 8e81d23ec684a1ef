/**
 * Data as CSV: two columns x,y, with or without a header. Parsing is Papa Parse's (quotes,
 * delimiters, line endings, BOM); what the playground accepts is checked here, line by
 * line, so a bad file gets a problem naming the line and nothing on screen is lost.
 */
import Papa from 'papaparse';
import type { Dataset } from './dataset';
import type { CsvProblem, CsvRescaled } from './problems';
import { quote } from './quote';

/** Most points a file may bring (the Points setting's own maximum). */
export const MAX_CSV_POINTS = 5000;
/** Largest file read, bytes: far more than 5000 rows of numbers need. */
export const MAX_CSV_BYTES = 1_000_000;
/** x range the plots show; data outside it is rescaled into it. */
const X_LIMIT = 1;

export type CsvResult =
  | {
      ok: true;
      data: Dataset;
      /** Set when x was rescaled into [-1, 1]: says from which range. */
      note: CsvRescaled | null;
    }
  | { ok: false; problem: CsvProblem };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fail(problem: CsvProblem): CsvResult {
  return { ok: false, problem };
}

/** Parses CSV text into float32 data, rescaling x into [-1, 1] when it lies outside. */
export function parseCsv(text: string): CsvResult {
  if (text.length > MAX_CSV_BYTES) return fail({ code: 'csv.tooLarge', maxBytes: MAX_CSV_BYTES });
  const parsed = Papa.parse<string[]>(text.trim(), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', '\t', ';'],
  });
  const rows = parsed.data;
  if (rows.length === 0) return fail({ code: 'csv.empty' });
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!.map((c) => c.trim());
    const line = r + 1;
    if (cells.length !== 2) return fail({ code: 'csv.columns', line, found: cells.length });
    const [cx, cy] = cells as [string, string];
    const numeric = NUMBER.test(cx) && NUMBER.test(cy);
    if (!numeric) {
      // Only the first line may be a header, and only if neither cell is a number.
      if (r === 0 && !NUMBER.test(cx) && !NUMBER.test(cy)) continue;
      const bad = NUMBER.test(cx) ? cy : cx;
      return fail({ code: 'csv.notNumber', line, text: quote(bad) });
    }
    if (xs.length >= MAX_CSV_POINTS)
      return fail({ code: 'csv.tooManyPoints', max: MAX_CSV_POINTS });
    const x = Number(cx);
    const y = Number(cy);
    if (!Number.isFinite(x) || !Number.isFinite(y))
      return fail({ code: 'csv.numberTooLarge', line });
    xs.push(x);
    ys.push(y);
  }
  if (xs.length === 0) return fail({ code: 'csv.headerOnly' });
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  let note: CsvRescaled | null = null;
  if (lo < -X_LIMIT || hi > X_LIMIT) {
    const span = hi - lo || 1;
    note = { code: 'csv.rescaled', lo, hi };
    for (let i = 0; i < xs.length; i++) xs[i] = ((xs[i]! - lo) / span) * 2 - 1;
  }
  return { ok: true, data: { x: Float32Array.from(xs), y: Float32Array.from(ys) }, note };
}

/** Data as CSV text with a header, one point per line. */
export function toCsv(data: Dataset): string {
  const lines = ['x,y'];
  for (let i = 0; i < data.x.length; i++) lines.push(`${data.x[i]},${data.y[i]}`);
  return `${lines.join('\n')}\n`;
}
