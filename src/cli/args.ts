/**
 * Command-line flags of `fit`, parsed and validated as a pure function of argv, so every
 * error names the flag and what it accepts (and the command exits with status 2).
 */
import { ACTIVATIONS, isActivation, type ActivationName } from '../core/activations';
import {
  NUMERIC_SPECS,
  parseLayers,
  parseNumeric,
  sameSetting,
  type NumericSpec,
} from '../core/config';
import { checkExpression, DATASETS, isDataset, type DatasetName } from '../core/dataset';
import { INITS, isInit } from '../core/init';
import { isPresetId, PRESET_IDS, presetKeys, PRESETS, type PresetId } from '../core/presets';
import type { ModelConfig } from '../core/config';
import type { Engine } from '../core/engine';
import { describeRangeEn, formatEn } from '../messages/en';
import { trainingOptionsOf, type TrainingOptions } from '../core/trainingOptions';
import { isTrainingFlag, parseTrainingFlags, TRAINING_FLAGS } from './trainingArgs';
import { parseScriptFlag, type ScriptLanguage } from './scriptFlag';
import { parseTestFlag } from './testArgs';
import { parseCompareFlag } from './compareArgs';
import type { CompareSpec } from '../core/compare';

/** Most steps one command may train. */
export const MAX_FIT_STEPS = 1_000_000;
const STEPS_SPEC: NumericSpec = { min: 0, max: MAX_FIT_STEPS, integer: true, minInclusive: true };
/** The preset used when none is named: the tutorial's last experiment. */
export const DEFAULT_PRESET: PresetId = 'square-relu';
/** Engines --engine names; without it the run picks one as the page's worker does ('auto'). */
export const ENGINES: readonly Engine[] = ['wasm', 'ts'];
export type EngineChoice = Engine | 'auto';
/** Most threads --threads may ask for. */
export const MAX_THREADS = 64;
const THREADS_SPEC: NumericSpec = { min: 1, max: MAX_THREADS, integer: true, minInclusive: true };

export type FitCommand =
  | { kind: 'help' }
  | {
      kind: 'config';
      /** Threads a large step is split across (--threads); null: one per core. */
      threads: number | null;
      /** The preset whose settings are in force unchanged, or null when flags changed one. */
      preset: PresetId | null;
      config: ModelConfig;
      learningRate: number;
      steps: number;
      engine: EngineChoice;
      /** How the run learns (issue #20): the preset's, changed by the flags. */
      options: TrainingOptions;
      /** Share of the points held out (the page's split); 0: none. */
      testShare: number;
      json: boolean;
      /** Print this language's script of the run instead of training it; null: train. */
      script: ScriptLanguage | null;
      /** Train these runs, differing from the flags' run in one setting, instead of one; null: one run. */
      compare: CompareSpec | null;
    }
  | {
      kind: 'spec';
      file: string;
      /** As for 'config'. */
      threads: number | null;
      engine: EngineChoice;
      /** The training flags given: they override the file's options (else the tutorial's). */
      optionFlags: ReadonlyMap<string, string>;
      json: boolean;
      script: ScriptLanguage | null;
    };

export type ParsedArgs = { ok: true; command: FitCommand } | { ok: false; message: string };

const NUMERIC_FLAGS = {
  '--seed': { key: 'seed', spec: NUMERIC_SPECS.seed },
  '--points': { key: 'points', spec: NUMERIC_SPECS.points },
  '--noise': { key: 'noise', spec: NUMERIC_SPECS.noise },
  '--lr': { key: 'learningRate', spec: NUMERIC_SPECS.learningRate },
  '--steps': { key: 'steps', spec: STEPS_SPEC },
} as const;
type NumericFlag = keyof typeof NUMERIC_FLAGS;

const VALUE_FLAGS = [
  '--preset',
  '--dataset',
  '--expression',
  '--activation',
  '--spec',
  '--engine',
  '--threads',
  '--hidden',
  '--layers',
  '--init',
  '--script',
  '--test',
  '--compare',
  ...TRAINING_FLAGS,
  ...Object.keys(NUMERIC_FLAGS),
] as const;
const SWITCHES = ['--json', '--help', '-h'] as const;
/** Flags that describe a run, which --spec replaces. */
const RUN_FLAGS = [
  '--preset',
  '--dataset',
  '--expression',
  '--activation',
  '--hidden',
  '--layers',
  '--init',
  '--test',
  '--compare',
  ...Object.keys(NUMERIC_FLAGS),
];

function isValueFlag(flag: string): boolean {
  return (VALUE_FLAGS as readonly string[]).includes(flag);
}

function oneOf(flag: string, value: string, allowed: readonly string[]): string {
  return `${flag} must be one of ${allowed.join(', ')} (got "${value}")`;
}

/** Parses argv (without node and script); `--flag value` and `--flag=value` both work. */
export function parseFitArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if ((SWITCHES as readonly string[]).includes(flag)) {
      if (flag !== arg) return { ok: false, message: `${flag} takes no value` };
      if (flag === '--json') json = true;
      else return { ok: true, command: { kind: 'help' } };
      continue;
    }
    if (!isValueFlag(flag)) {
      return {
        ok: false,
        message: arg.startsWith('-')
          ? `unknown flag ${flag} (see --help)`
          : `unexpected argument "${arg}" (see --help)`,
      };
    }
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '')
      return { ok: false, message: `${flag} needs a value (see --help)` };
    if (values.has(flag)) return { ok: false, message: `${flag} given twice` };
    values.set(flag, value);
  }

  const engineName = values.get('--engine');
  let engine: EngineChoice = 'auto';
  if (engineName !== undefined) {
    const named = ENGINES.find((e) => e === engineName);
    if (!named) return { ok: false, message: oneOf('--engine', engineName, ENGINES) };
    engine = named;
  }

  const threadsText = values.get('--threads');
  let threads: number | null = null;
  if (threadsText !== undefined) {
    const parsed = parseNumeric(threadsText, THREADS_SPEC);
    if (!parsed.ok)
      return {
        ok: false,
        message: `--threads must be ${describeRangeEn(THREADS_SPEC)} (got "${threadsText}")`,
      };
    threads = parsed.value;
  }

  const scriptFlag = parseScriptFlag(values.get('--script'));
  if (!scriptFlag.ok) return scriptFlag;
  const { script } = scriptFlag;
  if (script !== null && json)
    return { ok: false, message: '--script prints a script instead of training: drop --json' };

  const specFile = values.get('--spec');
  if (specFile !== undefined) {
    const clash = RUN_FLAGS.filter((f) => values.has(f));
    if (clash.length > 0)
      return { ok: false, message: `--spec gives the whole run; drop ${clash.join(', ')}` };
    const training = parseTrainingFlags(values);
    if (!training.ok) return training;
    const optionFlags = new Map([...values].filter(([f]) => isTrainingFlag(f)));
    return {
      ok: true,
      command: { kind: 'spec', file: specFile, threads, engine, optionFlags, json, script },
    };
  }

  const compared = parseCompareFlag(values.get('--compare'), values);
  if (!compared.ok) return compared;
  if (compared.compare !== null && script === 'pytorch')
    return { ok: false, message: '--compare writes one numpy script: use --script numpy' };

  const presetName = values.get('--preset') ?? DEFAULT_PRESET;
  if (!isPresetId(presetName))
    return { ok: false, message: oneOf('--preset', presetName, PRESET_IDS) };
  const preset = PRESETS[presetName];
  const training = parseTrainingFlags(values, preset.settings);
  if (!training.ok) return training;
  const test = parseTestFlag(values.get('--test'), preset.settings.testShare);
  if (!test.ok) return test;
  type Run = typeof preset.settings & { seed: number; steps: number; testShare: number };
  const run: Run & { expression?: string } = {
    ...preset.settings,
    ...training.options,
    testShare: test.share,
    seed: 0,
    steps: preset.steps,
  };

  const dataset = values.get('--dataset');
  if (dataset !== undefined) {
    if (!isDataset(dataset)) return { ok: false, message: oneOf('--dataset', dataset, DATASETS) };
    run.dataset = dataset satisfies DatasetName;
  }
  const expression = values.get('--expression');
  if (expression !== undefined) {
    const checked = checkExpression(expression);
    if (!checked.ok) return { ok: false, message: `--expression: ${formatEn(checked.problem)}` };
  }
  if (run.dataset === 'custom') {
    if (expression === undefined)
      return {
        ok: false,
        message: '--dataset custom needs --expression (a target such as "sin(3*x)")',
      };
    run.expression = expression;
  }
  const activation = values.get('--activation');
  if (activation !== undefined) {
    if (!isActivation(activation))
      return { ok: false, message: oneOf('--activation', activation, ACTIVATIONS) };
    run.activation = activation satisfies ActivationName;
  }
  for (const flag of Object.keys(NUMERIC_FLAGS) as NumericFlag[]) {
    const text = values.get(flag);
    if (text === undefined) continue;
    const { key, spec } = NUMERIC_FLAGS[flag];
    const parsed = parseNumeric(text, spec);
    if (!parsed.ok)
      return { ok: false, message: `${flag} must be ${describeRangeEn(spec)} (got "${text}")` };
    run[key] = parsed.value;
  }

  const init = values.get('--init');
  if (init !== undefined) {
    if (!isInit(init)) return { ok: false, message: oneOf('--init', init, INITS) };
    run.init = init;
  }

  const hidden = values.get('--hidden');
  const layers = values.get('--layers');
  if (hidden !== undefined && layers !== undefined)
    return {
      ok: false,
      message: `--hidden and --layers both give the hidden layers: use one (--hidden ${hidden} is --layers ${hidden})`,
    };
  if (layers !== undefined) {
    const parsed = parseLayers(layers);
    if (!parsed.ok) return { ok: false, message: `--layers: ${formatEn(parsed.problem)}` };
    run.layers = parsed.value;
  }
  if (hidden !== undefined) {
    const parsed = parseNumeric(hidden, NUMERIC_SPECS.hidden);
    if (!parsed.ok)
      return {
        ok: false,
        message: `--hidden must be ${describeRangeEn(NUMERIC_SPECS.hidden)} (got "${hidden}")`,
      };
    run.layers = [parsed.value];
  }

  const { steps, learningRate, testShare, ...config } = run;
  const keys = presetKeys(presetName);
  const unchanged = keys.every((key) => sameSetting(run[key], preset.settings[key]));
  return {
    ok: true,
    command: {
      kind: 'config',
      threads,
      preset: unchanged ? presetName : null,
      config,
      learningRate,
      steps,
      engine,
      options: trainingOptionsOf(run),
      testShare,
      json,
      script,
      compare: compared.compare,
    },
  };
}
