import { describe, expect, it } from 'vitest';
import type { DeepRow, DeepRun } from './deep';
import { deepTargets, targetMarkdown } from './deepTargets';

/** A row as runDeep makes it: only the config, implementation and steps/s matter here. */
const row = (config: string, impl: string, stepsPerSecond: number): DeepRow => ({
  config,
  impl,
  stepsPerSecond,
  gflops: 0,
  ratioToNumpy: NaN,
  ratioToTfjsWasm: NaN,
  maxLossDiff: 0,
  sameLosses: true,
});

const run = (rows: DeepRow[]): DeepRun => ({
  rows,
  adamVsSgd: [],
  adamVsSgdInTurn: [{ config: '1->256x3->1 N=1000', ratio: 0.92 }],
  skipped: [],
  allSame: true,
  fitVsEngine: [],
});

const FULL = [
  row('sgd 1->64x3->1 N=1000', 'wasm-dense', 800),
  row('sgd 1->64x3->1 N=1000', 'numpy 2.4.6', 500),
  row('sgd 1->64x3->1 N=1000', 'tfjs-wasm', 58),
  row('sgd 1->256x3->1 N=1000', 'wasm-dense', 50),
  row('sgd 1->256x3->1 N=1000', 'wasm-dense-2threads', 90),
  row('sgd 1->256x3->1 N=1000', 'numpy 2.4.6', 69),
  row('sgd 1->256x3->1 N=1000', 'tfjs-wasm', 3.4),
  row('sgd 1->1024x2->1 N=2000', 'wasm-dense', 3),
  row('sgd 1->1024x2->1 N=2000', 'wasm-dense-2threads', 5.4),
  row('sgd 1->1024x2->1 N=2000', 'tfjs-wasm', 0.17),
  row('adam 1->256x3->1 N=1000', 'wasm-dense', 40), // another moment: the in-turn ratio counts
  row('adam 1->256x3->1 N=1000', 'tfjs-wasm', 3.3),
  row('adam b=32 1->64x3->1 N=1000', 'wasm-dense', 12_000),
  row('adam b=32 1->64x3->1 N=1000', 'tfjs-wasm', 1300),
];

describe("the deep table's targets", () => {
  it('judges each target from the rows of the run, side by side', () => {
    const t = deepTargets(run(FULL));
    expect(t.map((r) => [r.measured, r.met])).toEqual([
      ['0.725×', true], // 50 / 69 against 0.7
      ['1.30×', true], // 90 / 69 against 1.2
      ['1.60×', true], // 800 / 500 against 1.5
      ['1.80×', true], // 5.4 / 3 against 1.7
      ['0.920×', true], // timed in turn, against 0.9
      ['12,000 steps/s', true],
      ['lowest 9.23× (adam b=32 1->64x3->1 N=1000)', false], // 12,000 / 1,300
    ]);
  });

  it('misses where a figure falls short, and says "not measured" where the run lacks a row', () => {
    const rows = FULL.filter((r) => !r.impl.startsWith('numpy')).map((r) =>
      r.impl === 'wasm-dense-2threads' ? { ...r, stepsPerSecond: r.stepsPerSecond / 2 } : r,
    );
    const t = deepTargets(run(rows));
    expect(t[0]).toMatchObject({ measured: 'not measured in this run', met: null });
    expect(t[3]).toMatchObject({ measured: '0.900×', met: false });
    expect(targetMarkdown(t)[2]).toBe(
      '| 1->256x3->1, one thread: at least 0.7 × numpy | not measured in this run | — |',
    );
    expect(deepTargets(run([]))[6]).toMatchObject({ met: null });
    expect(deepTargets({ ...run([]), adamVsSgdInTurn: [] })[4]).toMatchObject({ met: null });
  });
});
