/**
 * The `fit` command, with its input and output passed in (so tests run it in-process):
 * parses flags, builds the run the page's worker would build (core's TrainingRun: the same
 * engine choice and divergence rule), trains, and prints either the tutorial-style loss
 * lines and a summary, or one JSON object. With --compare, compareFit trains the runs.
 * Returns the exit status.
 */
import { networkValues } from '../core/fit';
import { PRINT_EVERY } from '../core/numpyScript';
import { parseFitArgs, type FitCommand } from './args';
import type { ThreadPool } from '../core/threads/pool';
import { createNodePool, defaultThreads } from './nodeThreads';
import { runCompare } from './compareFit';
import { summary, train } from './outcome';
import {
  buildTraining,
  EXIT_DIVERGED,
  EXIT_OK,
  EXIT_USAGE,
  fitJsonOf,
  prepare,
  type FitIo,
} from './prepareRun';
import { writeScript } from './scriptFlag';
import { USAGE } from './usage';

export { EXIT_DIVERGED, EXIT_OK, EXIT_USAGE, type FitIo, type FitJson } from './prepareRun';

export function runFit(argv: readonly string[], io: FitIo): number {
  const parsed = parseFitArgs(argv);
  if (!parsed.ok) {
    io.stderr(`fit: ${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  // Helper threads start only when a run's step is large enough to split (core/threads).
  const pool = createNodePool(command.threads ?? defaultThreads());
  try {
    return command.kind === 'config' && command.compare !== null
      ? runCompare(command, command.compare, io, pool)
      : fitOne(command, io, pool);
  } finally {
    void pool?.close();
  }
}

function fitOne(
  command: Exclude<FitCommand, { kind: 'help' }>,
  io: FitIo,
  pool: ThreadPool | null,
): number {
  const run = prepare(command, io);
  if (typeof run === 'string') {
    io.stderr(`fit: ${run}\n`);
    return EXIT_USAGE;
  }
  const training = buildTraining(run, command.engine, pool);
  if (typeof training === 'string') {
    io.stderr(`fit: ${training}\n`);
    return EXIT_USAGE;
  }
  if (command.script !== null) {
    // The run as built, with its options recorded at step 0: the script trains it.
    const { model, lr, title, config } = run;
    const history = training.history;
    io.stdout(
      writeScript(command.script, {
        config: model,
        learningRate: lr,
        steps: config.steps,
        history,
        title,
      }),
    );
    return EXIT_OK;
  }
  const initial = networkValues(training.net);
  const outcome = train(training, run.lr, run.config.steps);
  if (command.json) {
    const out = fitJsonOf(run, training, initial, outcome);
    io.stdout(`${JSON.stringify(out)}\n`);
  } else {
    const lines = Array.from(
      outcome.losses.filter((_, i) => i % PRINT_EVERY === 0),
      String,
    );
    io.stdout(lines.map((l) => `${l}\n`).join(''));
    io.stdout(`${summary(run, run.options, outcome)}\n`);
  }
  if (outcome.divergedAt !== null) {
    if (command.json) io.stderr(`fit: ${summary(run, run.options, outcome)}\n`);
    return EXIT_DIVERGED;
  }
  return EXIT_OK;
}
