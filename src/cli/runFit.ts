/**
 * The `fit` command, with its input and output passed in (so tests run it in-process):
 * parses flags, builds the run with the playground's core, trains, and prints either the
 * tutorial-style loss lines and a summary, or one JSON object. Returns the exit status.
 */
import type { ActivationName } from '../core/activations';
import type { ModelConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import { fitNetwork, networkFromValues, networkValues, type FitOutcome, type LayerValues } from '../core/fit';
import type { Network } from '../core/network';
import { PRINT_EVERY } from '../core/numpyScript';
import { PRESETS } from '../core/presets';
import { buildModel } from '../core/run';
import { parseFitArgs, USAGE, type FitCommand } from './args';
import { parseSpec } from './spec';

export interface FitIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8; throws when it cannot. */
  readFile(path: string): string;
}

export const EXIT_OK = 0;
export const EXIT_DIVERGED = 1;
export const EXIT_USAGE = 2;

/** The object `--json` prints, keys in this order. */
export interface FitJson {
  config: { dataset: string | null; points: number; hidden: number; steps: number; activation: ActivationName; noise: number | null };
  seed: number | null;
  lr: number;
  x: number[];
  y: number[];
  initial: LayerValues[];
  losses: number[];
  final: LayerValues[];
}

interface Prepared {
  /** Describes the run in the summary line. */
  label: string;
  config: FitJson['config'];
  seed: number | null;
  lr: number;
  data: Dataset;
  net: Network;
}

function describeModel(config: ModelConfig): string {
  const target = config.dataset === 'custom' ? `custom data y = ${config.expression ?? ''}` : `${config.dataset} data`;
  return `${target}, N=${config.points}, noise ${config.noise}, 1 -> ${config.hidden} -> 1 ${config.activation}`;
}

function prepare(command: Exclude<FitCommand, { kind: 'help' }>, io: FitIo): Prepared | string {
  if (command.kind === 'config') {
    const { config, learningRate, steps, preset } = command;
    const { data, net } = buildModel(config);
    return {
      label: `${preset ? PRESETS[preset].id : 'custom'}, seed ${config.seed}: ${describeModel(config)}`,
      config: { dataset: config.dataset, points: config.points, hidden: config.hidden, steps, activation: config.activation, noise: config.noise },
      seed: config.seed,
      lr: learningRate,
      data,
      net,
    };
  }
  let text: string;
  try {
    text = io.readFile(command.file);
  } catch (err) {
    return `--spec ${command.file}: cannot read the file (${err instanceof Error ? err.message : String(err)})`;
  }
  const parsed = parseSpec(text);
  if (!parsed.ok) return `--spec ${command.file}: ${parsed.message}`;
  const { spec } = parsed;
  const hidden = spec.initial[0].w[0]!.length;
  return {
    label: `spec ${command.file}: N=${spec.x.length}, 1 -> ${hidden} -> 1 ${spec.activation}`,
    config: { dataset: null, points: spec.x.length, hidden, steps: spec.steps, activation: spec.activation, noise: null },
    seed: null,
    lr: spec.lr,
    data: { x: Float32Array.from(spec.x), y: Float32Array.from(spec.y) },
    net: networkFromValues(spec.initial, spec.activation),
  };
}

function summary(run: Prepared, outcome: FitOutcome): string {
  const steps = outcome.losses.length;
  if (outcome.divergedAt !== null) return `${run.label}, lr ${run.lr}: diverged at step ${outcome.divergedAt}; try a smaller --lr`;
  const start = outcome.losses[0] ?? outcome.finalLoss;
  return `${run.label}, lr ${run.lr}: ${steps} steps, loss ${start.toPrecision(6)} -> ${outcome.finalLoss.toPrecision(6)}`;
}

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
  const run = prepare(command, io);
  if (typeof run === 'string') {
    io.stderr(`fit: ${run}\n`);
    return EXIT_USAGE;
  }
  const initial = networkValues(run.net);
  const outcome = fitNetwork(run.net, run.data, run.lr, run.config.steps);
  if (command.json) {
    const out: FitJson = {
      config: run.config,
      seed: run.seed,
      lr: run.lr,
      x: Array.from(run.data.x),
      y: Array.from(run.data.y),
      initial,
      losses: outcome.losses,
      final: networkValues(run.net),
    };
    io.stdout(`${JSON.stringify(out)}\n`);
  } else {
    const lines = outcome.losses.filter((_, i) => i % PRINT_EVERY === 0).map(String);
    io.stdout(lines.map((l) => `${l}\n`).join(''));
    io.stdout(`${summary(run, outcome)}\n`);
  }
  if (outcome.divergedAt !== null) {
    if (command.json) io.stderr(`fit: ${summary(run, outcome)}\n`);
    return EXIT_DIVERGED;
  }
  return EXIT_OK;
}
