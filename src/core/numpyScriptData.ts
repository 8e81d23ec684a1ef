/**
 * The data and schedule part of the numpy script: which points it trains on from which
 * step, which are held out, which learning rate applies from which step, and the weights
 * loaded from a file; and, in words, where the script cannot be the page's run. Pure.
 */
import type { ModelConfig } from './config';
import type { Dataset } from './dataset';
import type { LabeledData } from './protocol';
import { buildDataset } from './buildModel';
import type { OptionsChange, RateChange, RunRecord } from './runHistory';

/** A number as Python reads it back exactly (JS's shortest round-trip form is valid Python). */
export function py(value: number): string {
  return String(value);
}

/** A float array literal, shape [n, 1], every value exact. */
export function column(values: ArrayLike<number>): string {
  return `np.array([${Array.from(values, (v) => py(v)).join(', ')}])[:, None]`;
}

/** One set of points and the step from which the run trained on it. */
export interface Segment {
  step: number;
  x: Float32Array;
  y: Float32Array;
  /** Indices of the held-out points. */
  heldOut: number[];
  /** The config's own generated points (the first set is then drawn by the script, not listed). */
  generated: boolean;
  /** Points trained on. */
  trained: number;
}

/** The whole replay: what the script needs beyond the config. */
export interface Replay {
  /** First step of the replay: 0, or the step of weights loaded from a model file. */
  start: number;
  segments: Segment[];
  rates: RateChange[];
  /** Training option changes (issue #20), oldest first; empty: the default options throughout. */
  options: OptionsChange[];
  loaded: RunRecord['loaded'];
  droppedFrom: number | null;
  dropped: number;
  /** Some set, at some step, holds points out. */
  anyHeldOut: boolean;
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function segmentOf(step: number, data: LabeledData | null, generated: Dataset): Segment {
  if (!data)
    return { step, ...generated, heldOut: [], generated: true, trained: generated.x.length };
  const heldOut: number[] = [];
  data.test.forEach((t, i) => t === 1 && heldOut.push(i));
  // Only the first set is drawn by the script; later ones are written out even so.
  const isGenerated = sameValues(data.x, generated.x) && sameValues(data.y, generated.y);
  return {
    step,
    x: data.x,
    y: data.y,
    heldOut,
    generated: isGenerated,
    trained: data.x.length - heldOut.length,
  };
}

/**
 * The replay of a run from its history (TrainingRun.history, or what the page resolved
 * from a frame's schedule); without one, the config's data, or `data`, throughout.
 */
export function replayOf(
  config: ModelConfig,
  learningRate: number,
  record: RunRecord | undefined,
  data: Dataset | undefined,
): Replay {
  const generated = buildDataset(config);
  const own = data ? { x: data.x, y: data.y, test: new Uint8Array(data.x.length) } : null;
  const history = record ?? {
    rates: [],
    options: [],
    data: [{ step: 0, data: own }],
    loaded: null,
    droppedFrom: null,
    dropped: 0,
  };
  const start = history.loaded?.step ?? 0;
  const segments = history.data.map(({ step, data: d }) => segmentOf(step, d, generated));
  // No step taken yet: the rate in force is the one the next step would use.
  const rates = history.rates.length > 0 ? [...history.rates] : [{ step: start, learningRate }];
  return {
    start,
    segments,
    rates,
    options: [...history.options],
    loaded: history.loaded,
    droppedFrom: history.droppedFrom,
    dropped: history.dropped,
    anyHeldOut: segments.some((s) => s.heldOut.length > 0),
  };
}

/** The split as Python: the trained and held-out parts of x, y (see the script's split()). */
function splitCall(xs: string, ys: string, heldOut: number[]): string {
  return `split(${xs}, ${ys}, [${heldOut.join(', ')}])`;
}

function heldOutNote(s: Segment): string {
  return s.heldOut.length > 0 ? `, ${s.heldOut.length} held out for testing` : '';
}

/** The first set of points, after np.random.seed: drawn as the tutorial draws them, or written out. */
export function firstDataLines(
  config: ModelConfig,
  replay: Replay,
  targetLines: string[],
): string[] {
  const first = replay.segments[0]!;
  const n = config.points;
  const lines = first.generated
    ? [
        `x = np.linspace(-1, 1, ${n})[:, None]  # shape [${n}, 1]`,
        ...targetLines,
        `y = np.random.normal(loc=0, scale=${py(config.noise)}, size=[${n}, 1]) + f  # shape [${n}, 1]`,
      ]
    : [
        `_ = np.random.normal(loc=0, scale=${py(config.noise)}, size=[${n}, 1])  # the generated data's draws: same weights as the playground`,
        `# The learner's own ${first.x.length} points${first.step > 0 ? ` at step ${first.step}` : ''}:`,
        `x = ${column(first.x)}`,
        `y = ${column(first.y)}`,
      ];
  if (replay.anyHeldOut)
    lines.push(
      `x, y, x_test, y_test = ${splitCall('x', 'y', first.heldOut)}  # ${first.trained} trained on${heldOutNote(first)}`,
    );
  return lines;
}

/** The sets of points the run changed to after its first step, keyed by the step (none: no lines). */
export function laterDataLines(replay: Replay): string[] {
  const later = replay.segments.slice(1);
  if (later.length === 0) return [];
  return [
    '# The points changed during the run: from each step on, the page trained on these.',
    'point_changes = {',
    ...later.map((s) => {
      const xs = column(s.x);
      const ys = column(s.y);
      const value = replay.anyHeldOut ? splitCall(xs, ys, s.heldOut) : `(${xs}, ${ys})`;
      return `    ${s.step}: ${value},  # ${s.x.length} points${heldOutNote(s)}`;
    }),
    '}',
  ];
}

/** The Python that switches to a step's points, for the loop body (indent given). */
export function switchDataLine(replay: Replay, index: string, indent: string): string[] {
  if (replay.segments.length < 2) return [];
  const target = replay.anyHeldOut ? 'x, y, x_test, y_test' : 'x, y';
  return [
    `${indent}if ${index} in point_changes:`,
    `${indent}    ${target} = point_changes[${index}]`,
  ];
}

/**
 * Weights from a model file, written over the drawn ones (none: no lines); `assign` writes
 * the network's assignments (numpyScriptNet's weightLines).
 */
export function loadedLines(replay: Replay, assign: (params: Float32Array) => string[]): string[] {
  const loaded = replay.loaded;
  if (!loaded) return [];
  return [
    `# Weights loaded from a model file at step ${loaded.step} (they replace the ones drawn above):`,
    ...assign(loaded.params),
  ];
}

/** The learning rate before the loop, and the changes the loop applies (none: a constant). */
export function rateLines(replay: Replay): string[] {
  const [first, ...later] = replay.rates;
  if (later.length === 0) return [`learning_rate = ${py(first!.learningRate)}`];
  return [
    '# The learning rate changed during the run: each rate applies from its step, as on the page.',
    `learning_rates = {${replay.rates.map((r) => `${r.step}: ${py(r.learningRate)}`).join(', ')}}`,
    `learning_rate = learning_rates[${first!.step}]`,
  ];
}

export function switchRateLines(replay: Replay, indent: string): string[] {
  if (replay.rates.length < 2) return [];
  return [`${indent}if i in learning_rates:`, `${indent}    learning_rate = learning_rates[i]`];
}

/** "lr 0.01" or "lr 0.01, 0.1 from step 120". */
export function rateSummary(replay: Replay): string {
  return `lr ${replay.rates.map((r, k) => (k === 0 ? py(r.learningRate) : `${py(r.learningRate)} from step ${r.step}`)).join(', ')}`;
}

/** What the header says about the data: the points trained on now, and the earlier ones with their steps. */
export function dataSummary(config: ModelConfig, replay: Replay): string {
  const origin = (s: Segment) => (s.generated ? `${config.dataset} data` : 'own data');
  const last = lastSegment(replay);
  const earlier = replay.segments.slice(0, -1);
  if (earlier.length === 0) return `${origin(last)}, N=${last.x.length}${heldOutNote(last)}`;
  const [first, ...between] = earlier;
  const changes =
    between.length > 0 ? `, changed at step ${between.map((seg) => seg.step).join(', ')}` : '';
  return `${origin(last)}, N=${last.x.length}${heldOutNote(last)} from step ${last.step} (before: ${origin(first!)}, ${first!.x.length} points${changes})`;
}

/**
 * Comment lines saying how the script relates to the page's run: exact (up to float32
 * versus float64) or, when the history lost data changes, from which step it is not.
 */
export function fidelityNotes(replay: Replay): string[] {
  const notes: string[] = [];
  if (replay.droppedFrom !== null) {
    notes.push(
      `# NOT the page's run from step ${replay.droppedFrom} on: the points changed more often during`,
      '# training (a point dragged while it trained?) than the page keeps. From that step the page',
      '# trained on points this script does not have, so from there its losses differ.',
    );
  }
  if (replay.loaded) {
    notes.push(
      `# It starts from the weights loaded from a model file at step ${replay.loaded.step}, as the page did.`,
    );
  }
  if (replay.anyHeldOut) {
    notes.push(
      "# Held-out points are not trained on; the last line prints their loss (the page's test loss).",
    );
  }
  return notes;
}

/** Whether the replay is the page's run (true unless data changes were lost). */
export function replayIsExact(replay: Replay): boolean {
  return replay.droppedFrom === null;
}

/** The points trained on and held out in the last set (what the final losses are about). */
export function lastSegment(replay: Replay): Segment {
  return replay.segments.at(-1)!;
}
