/**
 * `fit --compare VARY:V1,V2,...` (issue #22): each run is the flags' run with the varied
 * setting set to its value (core/compare configFor), prepared, built and trained in turn
 * exactly as a single `fit` run is, on the same data; then one table, a JSON array, or
 * the comparison's numpy script (core/compareScript).
 */
import type { ThreadPool } from '../core/threads/pool';
import { configFor, type CompareSpec, type VaryKey } from '../core/compare';
import { compareScript } from '../core/compareScript';
import { DEFAULT_CONFIG, modelConfigOf, type RunConfig } from '../core/config';
import { networkValues } from '../core/fit';
import { PLOT_X_RANGE } from '../core/grid';
import { linearPieces, PIECEWISE_LINEAR } from '../core/pieces';
import { trainingOptionsOf } from '../core/trainingOptions';
import type { FitCommand } from './args';
import { describeOptions, train } from './outcome';
import {
  buildTraining,
  EXIT_DIVERGED,
  EXIT_OK,
  EXIT_USAGE,
  fitJsonOf,
  prepare,
  type FitIo,
  type FitJson,
  type Prepared,
} from './prepareRun';
import type { TrainingRun } from '../core/run';

type ConfigCommand = Extract<FitCommand, { kind: 'config' }>;

/** One run's line of the table, and the element of --json's array (with the run's own --json object). */
export interface CompareRow {
  /** The run's value of the varied setting: its name. */
  value: string;
  /** Training loss of the final parameters; null when the run diverged. */
  loss: number | null;
  /** Loss on the held-out points; null when none is held out or the run diverged. */
  testLoss: number | null;
  /** Steps trained. */
  steps: number;
  /** Steps trained per second of wall time on this machine; null when no step was taken. */
  stepsPerSecond: number | null;
  /** Linear pieces of the fit on the plotted x range, for piecewise-linear activations; else null. */
  pieces: number | null;
  /** Weights and biases of the network. */
  params: number;
  /** Step at which the run diverged (by the page's rule), or null. */
  divergedAt: number | null;
  /** What `fit --json` prints for this run alone. */
  fit: FitJson;
}

/** The flags' run with one setting changed, as the command it would be on its own. */
function commandFor(command: ConfigCommand, compare: CompareSpec, value: string): ConfigCommand {
  const base: RunConfig = {
    ...DEFAULT_CONFIG,
    ...command.config,
    ...command.options,
    learningRate: command.learningRate,
    testShare: command.testShare,
  };
  const config = configFor(base, compare.vary, value);
  return {
    ...command,
    preset: null,
    config: modelConfigOf(config),
    learningRate: config.learningRate,
    options: trainingOptionsOf(config),
    compare: null,
  };
}

/** Trains one prepared run as `fit` does, timing it, and reads its row. */
function trainRow(value: string, run: Prepared, training: TrainingRun): CompareRow {
  const initial = networkValues(training.net);
  const started = performance.now();
  const outcome = train(training, run.lr, run.config.steps);
  const seconds = (performance.now() - started) / 1000;
  const steps = outcome.losses.length;
  const ok = outcome.divergedAt === null;
  return {
    value,
    loss: ok ? outcome.finalLoss : null,
    testLoss: ok ? training.testLoss() : null,
    steps,
    stepsPerSecond: steps > 0 && seconds > 0 ? steps / seconds : null,
    pieces:
      ok && PIECEWISE_LINEAR.includes(run.model.activation)
        ? linearPieces(training.net, PLOT_X_RANGE[0], PLOT_X_RANGE[1]).pieces
        : null,
    params: training.paramLength(),
    divergedAt: outcome.divergedAt,
    fit: fitJsonOf(run, training, initial, outcome),
  };
}

/** What the runs share besides the data, leaving out the varied setting: "1 -> 10 -> 1 relu, lr 0.01, adam". */
function shared(vary: VaryKey, command: ConfigCommand): string {
  const { config, options, learningRate } = command;
  const { layers } = config;
  const network =
    vary === 'hidden'
      ? `${layers.length} hidden layer${layers.length > 1 ? 's' : ''}`
      : vary === 'layers'
        ? `hidden layers ${layers[0] ?? ''} wide`
        : `1 -> ${layers.join(' -> ')} -> 1`;
  const parts = [
    vary === 'activation' ? network : `${network} ${config.activation}`,
    vary === 'init' || config.init === 'tutorial' ? '' : `init ${config.init}`,
    vary === 'learningRate' ? '' : `lr ${learningRate}`,
  ].filter((p) => p !== '');
  const untouched = {
    ...options,
    ...(vary === 'batch' ? { batchSize: null } : {}),
    ...(vary === 'optimizer' ? { optimizer: 'sgd' as const } : {}),
  };
  return `${parts.join(', ')}${describeOptions(untouched)}`;
}

/**
 * "activation compared: none, relu, tanh, sigmoid; quadratic data, N=30, noise 0.2, seed 0;
 * 1 -> 10 -> 1, lr 0.01; 2000 steps each".
 */
function heading(compare: CompareSpec, command: ConfigCommand, rows: CompareRow[]): string {
  const { config, testShare } = command;
  const first = rows[0]?.fit;
  const held = first ? first.test.reduce((n, t) => n + t, 0) : 0;
  const data =
    config.dataset === 'custom'
      ? `custom data y = ${config.expression ?? ''}`
      : `${config.dataset} data`;
  const heldNote = testShare > 0 ? ` (${held} held out)` : '';
  return `${compare.vary} compared: ${compare.values.join(', ')}; ${data}, N=${config.points}${heldNote}, noise ${config.noise}, seed ${config.seed}; ${shared(compare.vary, command)}; ${command.steps} steps each`;
}

/** The table: a column per measure, the lowest loss and test loss marked with '*'. */
export function compareTable(vary: string, rows: readonly CompareRow[], withTest: boolean): string {
  const lowest = (pick: (r: CompareRow) => number | null) => {
    const values = rows.map(pick).filter((v): v is number => v !== null);
    return values.length > 1 ? Math.min(...values) : null;
  };
  const bestLoss = lowest((r) => r.loss);
  const bestTest = lowest((r) => r.testLoss);
  const cell = (v: number | null, best: number | null) =>
    v === null ? '-' : `${v.toPrecision(6)}${v === best ? '*' : ' '}`;
  const header = [vary, 'loss', ...(withTest ? ['test loss'] : []), 'steps/s', 'pieces', 'params'];
  const body = rows.map((r) => [
    r.value,
    r.divergedAt === null ? cell(r.loss, bestLoss) : `diverged at ${r.divergedAt}`,
    ...(withTest ? [cell(r.testLoss, bestTest)] : []),
    r.stepsPerSecond === null ? '-' : String(Math.round(r.stepsPerSecond)),
    r.pieces === null ? '-' : String(r.pieces),
    String(r.params),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...body.map(line)].map((l) => `${l}\n`).join('');
}

export function runCompare(
  command: ConfigCommand,
  compare: CompareSpec,
  io: FitIo,
  pool: ThreadPool | null = null,
): number {
  const prepared: { value: string; run: Prepared; training: TrainingRun }[] = [];
  for (const value of compare.values) {
    const fail = (why: string) => {
      io.stderr(`fit: --compare ${compare.vary}:${value}: ${why}\n`);
      return EXIT_USAGE;
    };
    const run = prepare(commandFor(command, compare, value), io);
    if (typeof run === 'string') return fail(run);
    const training = buildTraining(run, command.engine, pool);
    if (typeof training === 'string') return fail(training);
    prepared.push({ value, run, training });
  }
  if (command.script !== null) {
    // The runs as built, each with its options recorded at step 0: the script trains them.
    const runs = prepared.map(({ value, run, training }) => ({
      value,
      run: {
        config: run.model,
        learningRate: run.lr,
        steps: run.config.steps,
        history: training.history,
      },
    }));
    io.stdout(compareScript(compare.vary, runs));
    return EXIT_OK;
  }
  const rows = prepared.map(({ value, run, training }) => trainRow(value, run, training));
  if (command.json) io.stdout(`${JSON.stringify(rows)}\n`);
  else {
    io.stdout(`${heading(compare, command, rows)}\n`);
    io.stdout(compareTable(compare.vary, rows, command.testShare > 0));
  }
  const diverged = rows.filter((r) => r.divergedAt !== null);
  if (diverged.length === 0) return EXIT_OK;
  const which = diverged.map((r) => `${r.value} at step ${r.divergedAt}`).join(', ');
  io.stderr(`fit: diverged (by the page's rule): ${which}; try a smaller --lr\n`);
  return EXIT_DIVERGED;
}
