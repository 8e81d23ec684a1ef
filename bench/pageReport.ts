import { DEEP_LABEL, type DeepPageResult } from './pageDeep';

/**
 * `npm run bench:page`'s summary: the same rows printed to the terminal and written, as a
 * markdown table, to the bench's record (record.ts).
 */

/** What page.ts measured, as it reports it with `--json`. */
export interface PageResult {
  firstFitMs: number;
  firstFitRunsMs: number[];
  firstFitAgainMs: number;
  firstFitAgainRunsMs: number[];
  browserFirstLoadMs: number;
  longestTaskMs: number;
  /** Longest task from the first settings change to the start of the window, ms. */
  longestSettingsTaskMs: number;
  longTasks: number;
  blockingMs: number;
  animationFrames: number;
  fitRedraws: number;
  redrawRatio: number;
  stepsPerSecond: number;
  initialJs: { raw: number; gzip: number };
  allJs: { raw: number; gzip: number };
  status: string | null;
  consoleErrors: string[];
  /** The deep scenario (pageDeep.ts). */
  deep: DeepPageResult;
}

/** The page's targets (the issue that set them): a row with a target says whether it was met. */
export const TARGETS = {
  longestTaskMs: 50,
  /** A settings change (a new run: data, network, first frame drawn) at the heavy size. */
  settingsChangeMs: 100,
  redrawRatio: 0.9,
  firstFitMs: 1000,
  initialJsGzipKb: 500,
  /** The deep scenario (issue #21): animation frames keep coming, and Pause holds within one step. */
  deepFramesPerSecond: 50,
  stepsAfterPause: 1,
};

interface Row {
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(', ');

function rows(r: PageResult, windowMs: number, longTaskMs: number): Row[] {
  return [
    {
      measure: 'longest main-thread task after the first frame',
      value: ms(r.longestTaskMs),
      target: `≤ ${TARGETS.longestTaskMs} ms`,
      met: r.longestTaskMs <= TARGETS.longestTaskMs,
    },
    {
      measure: 'longest task of the settings changes before it',
      value: ms(r.longestSettingsTaskMs),
      target: `≤ ${TARGETS.settingsChangeMs} ms`,
      met: r.longestSettingsTaskMs <= TARGETS.settingsChangeMs,
    },
    {
      measure: `  tasks over ${longTaskMs} ms, and their time beyond it`,
      value: `${r.longTasks}, ${ms(r.blockingMs)}`,
    },
    {
      measure: 'fit redrawn per animation frame',
      value: `${(100 * r.redrawRatio).toFixed(1)}% (${r.fitRedraws} / ${r.animationFrames})`,
      target: `≥ ${100 * TARGETS.redrawRatio}%`,
      met: r.redrawRatio >= TARGETS.redrawRatio,
    },
    {
      measure: 'animation frames per second',
      value: ((1000 * r.animationFrames) / windowMs).toFixed(0),
    },
    {
      measure: 'training steps per second in the page',
      value: `${r.stepsPerSecond.toFixed(0)} (${r.status ?? 'no status'})`,
    },
    {
      measure: 'navigation to first fit, first visit (median)',
      value: `${ms(r.firstFitMs)} (of ${list(r.firstFitRunsMs)})`,
      target: `< ${TARGETS.firstFitMs} ms`,
      met: r.firstFitMs < TARGETS.firstFitMs,
    },
    {
      measure: '  visiting again (median)',
      value: `${ms(r.firstFitAgainMs)} (of ${list(r.firstFitAgainRunsMs)})`,
      target: `< ${TARGETS.firstFitMs} ms`,
      met: r.firstFitAgainMs < TARGETS.firstFitMs,
    },
    { measure: "  the browser's own first load (left out)", value: ms(r.browserFirstLoadMs) },
    {
      measure: 'initial JS (entry + preloads), gzip',
      value: `${kb(r.initialJs.gzip)} (${kb(r.initialJs.raw)} raw)`,
      target: `< ${TARGETS.initialJsGzipKb} kB`,
      met: r.initialJs.gzip < TARGETS.initialJsGzipKb * 1024,
    },
    {
      measure: '  all JS with the worker, gzip',
      value: `${kb(r.allJs.gzip)} (${kb(r.allJs.raw)} raw)`,
    },
    ...deepRows(r.deep),
    {
      measure: 'console errors',
      value: r.consoleErrors.length ? r.consoleErrors.join(' | ') : 'none',
    },
  ];
}

/** The deep scenario's rows. */
function deepRows(d: DeepPageResult): Row[] {
  return [
    { measure: `${DEEP_LABEL}:`, value: '' },
    {
      measure: '  longest main-thread task while training',
      value: `${ms(d.longestTaskMs)} (${d.longTasks} over ${TARGETS.longestTaskMs} ms)`,
      target: `≤ ${TARGETS.longestTaskMs} ms`,
      met: d.longestTaskMs <= TARGETS.longestTaskMs,
    },
    {
      measure: '    the same in main-thread CPU time',
      value: ms(d.longestTaskCpuMs),
      target: `≤ ${TARGETS.longestTaskMs} ms`,
      met: d.longestTaskCpuMs <= TARGETS.longestTaskMs,
    },
    {
      measure: '  animation frames per second',
      value: d.animationFramesPerSecond.toFixed(1),
      target: `≥ ${TARGETS.deepFramesPerSecond}`,
      met: d.animationFramesPerSecond >= TARGETS.deepFramesPerSecond,
    },
    {
      measure: '  training steps per second in the page',
      value: `${d.stepsPerSecond.toFixed(2)} (${d.status ?? 'no status'})`,
    },
    {
      measure: '  steps shown past the Pause click once paused',
      value: String(d.stepsAfterPause),
      target: `≤ ${TARGETS.stepsAfterPause}`,
      met: d.stepsAfterPause <= TARGETS.stepsAfterPause,
    },
    { measure: '  from the Pause click to paused', value: ms(d.pauseMs) },
  ];
}

const verdict = (row: Row) => (row.target ? `${row.target}: ${row.met ? 'met' : 'MISSED'}` : '');

/** The summary as terminal lines. */
export function pageLines(r: PageResult, windowMs: number, longTaskMs: number): string[] {
  return rows(r, windowMs, longTaskMs).map(
    (row) => `  ${row.measure.padEnd(48)} ${row.value}${row.target ? `  (${verdict(row)})` : ''}`,
  );
}

/** The summary as the record's markdown table. */
export function pageTable(r: PageResult, windowMs: number, longTaskMs: number): string {
  const cell = (s: string) => s.trim().replace(/\|/g, '\\|');
  const lines = ['| measure | value | target |', '|---|---|---|'];
  for (const row of rows(r, windowMs, longTaskMs))
    lines.push(`| ${cell(row.measure)} | ${cell(row.value)} | ${cell(verdict(row))} |`);
  return lines.join('\n');
}
