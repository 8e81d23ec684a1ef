/**
 * What a full Plotly redraw is given and when one is needed: the traces' structure, and
 * lines cut to their first piece so that Plotly draws one path where fastLines patches all.
 */
import type { Data } from './plotStyle';

/**
 * A cheap fingerprint of what needs a full Plotly redraw: the number and kinds of traces.
 * Names may change between full redraws (the largest units change places); the legend
 * catches up at the next one.
 */
export function traceSignature(traces: readonly Data[]): string {
  return traces.map((t) => ('mode' in t ? (t.mode ?? '') : '')).join(';');
}

/**
 * The trace cut at its first gap, for a full Plotly redraw: Plotly draws and styles one
 * path per piece of a line with gaps (1,024 for the rug of kinks at H = 1024, most of a
 * full redraw's time), while patchLines then writes every piece into one path. Traces
 * without gaps come back as they are.
 */
export function firstPiece(trace: Data): Data {
  const t = trace as Data & {
    x?: ArrayLike<number | null>;
    y?: ArrayLike<number | null>;
    mode?: string;
  };
  if (t.mode !== 'lines' || !t.x || !t.y) return trace;
  const n = Math.min(t.x.length, t.y.length);
  for (let i = 0; i < n; i++) {
    const xv = t.x[i];
    const yv = t.y[i];
    if (
      typeof xv === 'number' &&
      typeof yv === 'number' &&
      Number.isFinite(xv) &&
      Number.isFinite(yv)
    )
      continue;
    // A piece needs a point: a trace that starts with a gap is left whole.
    return i === 0
      ? trace
      : ({
          ...trace,
          x: Array.from({ length: i }, (_, k) => t.x![k]!),
          y: Array.from({ length: i }, (_, k) => t.y![k]!),
        } as Data);
  }
  return trace;
}
