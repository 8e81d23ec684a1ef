/**
 * A `fit` run made ready: the flags' (or a spec file's) settings, data and the way to build
 * its TrainingRun as the page's worker builds it; and what --json prints of it once trained.
 * The single run (runFit) and a comparison's runs (compareFit) both start here.
 */
import type { ActivationName } from '../core/activations';
import { generatedSplit } from '../core/buildModel';
import type { ModelConfig } from '../core/config';
import { networkValues, type LayerValues } from '../core/fit';
import type { InitName } from '../core/init';
import { PRESETS } from '../core/presets';
import type { LabeledData } from '../core/protocol';
import { TrainingRun } from '../core/run';
import type { TrainingOptions } from '../core/trainingOptions';
import type { EngineChoice, FitCommand } from './args';
import type { ThreadPool } from '../core/threads/pool';
import type { Outcome } from './outcome';
import { parseSpec } from './spec';
import { runFromSpec, specConfig, specData } from './specRun';
import { parseTrainingFlags } from './trainingArgs';

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
  config: {
    dataset: string | null;
    points: number;
    /** Hidden layer widths, from the input. */
    layers: number[];
    /** How the starting weights were drawn; null for a spec, which gives them. */
    init: InitName | null;
    steps: number;
    activation: ActivationName;
    noise: number | null;
  };
  seed: number | null;
  lr: number;
  /** How the run learned (issue #20): batchSize null is the full batch. */
  options: TrainingOptions;
  x: number[];
  y: number[];
  /** 1 for each point held out to measure the test loss (not trained on), else 0. */
  test: number[];
  /** Every layer from the input, the output layer last: {w: [in][out], b: [1][out]}. */
  initial: LayerValues[];
  /** Each step's loss on its batch, before its update (the whole set's with the full batch). */
  losses: number[];
  /** Epochs begun (with the full batch, one per step). */
  epochs: number;
  final: LayerValues[];
  /** Loss of final on the held-out points; null when none is held out. */
  testLoss: number | null;
}

export interface Prepared {
  /** Describes the run in the summary line. */
  label: string;
  config: FitJson['config'];
  seed: number | null;
  lr: number;
  /** The run's settings as a script replays them, and the title its header shows. */
  model: ModelConfig;
  title: string;
  /** Every point, trained on or held out. */
  data: LabeledData;
  /** How the run learns: the flags' (a spec's own, changed by the flags). */
  options: TrainingOptions;
  /**
   * Builds the run on an engine, its large steps split across the pool's threads (none:
   * one thread); throws when this runtime cannot run the engine asked for.
   */
  build(engine: EngineChoice, pool: ThreadPool | null): TrainingRun;
}

/** "1 -> 32 -> 16 -> 1 relu", and the init when it is not the tutorial's (the default). */
function describeNetwork(layers: readonly number[], activation: string, init: InitName | null) {
  const net = `1 -> ${layers.join(' -> ')} -> 1 ${activation}`;
  return init === null || init === 'tutorial' ? net : `${net}, init ${init}`;
}

/** " (30 held out)" when some points are held out, else nothing. */
function heldOutNote(data: LabeledData): string {
  const held = data.test.reduce((n, t) => n + t, 0);
  return held > 0 ? ` (${held} held out)` : '';
}

function describeModel(config: ModelConfig, data: LabeledData): string {
  const target =
    config.dataset === 'custom'
      ? `custom data y = ${config.expression ?? ''}`
      : `${config.dataset} data`;
  return `${target}, N=${config.points}${heldOutNote(data)}, noise ${config.noise}, ${describeNetwork(config.layers, config.activation, config.init)}`;
}

export function prepare(
  command: Exclude<FitCommand, { kind: 'help' }>,
  io: FitIo,
): Prepared | string {
  if (command.kind === 'config') {
    const { config, learningRate, steps, preset, testShare } = command;
    const data = generatedSplit({ ...config, testShare });
    return {
      label: `${preset ? PRESETS[preset].id : 'custom'}, seed ${config.seed}: ${describeModel(config, data)}`,
      config: {
        dataset: config.dataset,
        points: config.points,
        layers: [...config.layers],
        init: config.init,
        steps,
        activation: config.activation,
        noise: config.noise,
      },
      seed: config.seed,
      lr: learningRate,
      model: config,
      title: preset ? PRESETS[preset].label : 'custom settings',
      data,
      options: command.options,
      // As the page: its generated points are handed over only when some are held out.
      build: (engine, pool) =>
        new TrainingRun(config, undefined, { engine, pool }, testShare > 0 ? data : undefined),
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
  const data = specData(spec);
  const flags = parseTrainingFlags(command.optionFlags, spec.options ?? undefined);
  if (!flags.ok) return flags.message;
  return {
    label: `spec ${command.file}: N=${spec.x.length}${heldOutNote(data)}, ${describeNetwork(spec.layers, spec.activation, null)}`,
    config: {
      dataset: null,
      points: spec.x.length,
      layers: spec.layers,
      init: null,
      steps: spec.steps,
      activation: spec.activation,
      noise: null,
    },
    seed: null,
    lr: spec.lr,
    model: specConfig(spec),
    title: `spec ${command.file}`,
    data,
    options: flags.options,
    build: (engine, pool) => runFromSpec(spec, engine, pool),
  };
}

/** The run built on an engine, with its options; or why it cannot be (a usage error). */
export function buildTraining(
  run: Prepared,
  engine: EngineChoice,
  pool: ThreadPool | null = null,
): TrainingRun | string {
  try {
    const training = run.build(engine, pool);
    // On 'wasm' the options move a fused-kernel run to the dense kernels, which take them all.
    training.setTrainingOptions(run.options);
    return training;
  } catch (err) {
    const where = engine === 'auto' ? '' : `--engine ${engine}: `;
    return `${where}${err instanceof Error ? err.message : String(err)}`;
  }
}

/** What --json prints of a trained run. */
export function fitJsonOf(
  run: Prepared,
  training: TrainingRun,
  initial: LayerValues[],
  outcome: Outcome,
): FitJson {
  return {
    config: run.config,
    seed: run.seed,
    lr: run.lr,
    options: run.options,
    x: Array.from(run.data.x),
    y: Array.from(run.data.y),
    test: Array.from(run.data.test),
    initial,
    losses: Array.from(outcome.losses),
    epochs: training.batching.epochs,
    final: networkValues(training.net),
    testLoss: training.testLoss(),
  };
}
