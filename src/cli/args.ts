/**
 * Command-line flags of `fit`, parsed and validated as a pure function of argv, so every
 * error names the flag and what it accepts (and the command exits with status 2).
 */
import { ACTIVATIONS, isActivation, type ActivationName } from '../core/activations';
import {
  MAX_HIDDEN_LAYERS,
  NUMERIC_SPECS,
  parseLayers,
  parseNumeric,
  sameSetting,
  type NumericSpec,
} from '../core/config';
import { checkExpression, DATASETS, isDataset, type DatasetName } from '../core/dataset';
import { INITS, isInit } from '../core/init';
import { isPresetId, PRESET_IDS, PRESET_KEYS, PRESETS, type PresetId } from '../core/presets';
import type { ModelConfig } from '../core/config';
import { PRINT_EVERY } from '../core/numpyScript';
import type { Engine } from '../core/engine';
import { describeRangeEn, formatEn } from '../messages/en';
import type { TrainingOptions } from '../core/trainingOptions';
import { parseTrainingFlags, TRAINING_FLAGS, TRAINING_USAGE } from './trainingArgs';
import { parseScriptFlag, SCRIPT_USAGE, type ScriptLanguage } from './scriptFlag';

/** Most steps one command may train. */
export const MAX_FIT_STEPS = 1_000_000;
const STEPS_SPEC: NumericSpec = { min: 0, max: MAX_FIT_STEPS, integer: true, minInclusive: true };
/** The preset used when none is named: the tutorial's last experiment. */
export const DEFAULT_PRESET: PresetId = 'square-relu';
/** Engines --engine names; without it the run picks one as the page's worker does ('auto'). */
export const ENGINES: readonly Engine[] = ['wasm', 'ts'];
export type EngineChoice = Engine | 'auto';

export type FitCommand =
  | { kind: 'help' }
  | {
      kind: 'config';
      /** The preset whose settings are in force unchanged, or null when flags changed one. */
      preset: PresetId | null;
      config: ModelConfig;
      learningRate: number;
      steps: number;
      engine: EngineChoice;
      /** How the run learns (issue #20); the defaults are the tutorial's. */
      options: TrainingOptions;
      json: boolean;
      /** Print this language's script of the run instead of training it; null: train. */
      script: ScriptLanguage | null;
    }
  | {
      kind: 'spec';
      file: string;
      engine: EngineChoice;
      options: TrainingOptions;
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
  '--hidden',
  '--layers',
  '--init',
  '--script',
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
  ...Object.keys(NUMERIC_FLAGS),
];

export const USAGE = `Usage: npm run fit -- [flags]

Trains the tutorial's network (1 -> H -> 1, or up to ${MAX_HIDDEN_LAYERS} hidden layers) headless, as the
playground's worker does, and prints the loss every ${PRINT_EVERY} steps (like the tutorial's
print(average_cost)), then a summary.

  --preset NAME        ${PRESET_IDS.join(' | ')} (default ${DEFAULT_PRESET});
                       the flags below override its settings
  --seed N             numpy seed, a whole number from 0 to ${NUMERIC_SPECS.seed.max} (default 0)
  --dataset NAME       ${DATASETS.join(' | ')}
  --points N           samples, a whole number from ${NUMERIC_SPECS.points.min} to ${NUMERIC_SPECS.points.max}
  --noise S            noise std. dev., from ${NUMERIC_SPECS.noise.min} to ${NUMERIC_SPECS.noise.max}
  --hidden H           one hidden layer of H units, a whole number from ${NUMERIC_SPECS.hidden.min} to ${NUMERIC_SPECS.hidden.max}
  --layers W,W,...     1 to ${MAX_HIDDEN_LAYERS} hidden layers, their widths from the input (e.g. 32,16,8),
                       each from ${NUMERIC_SPECS.hidden.min} to ${NUMERIC_SPECS.hidden.max}; --hidden H is --layers H
  --init NAME          ${INITS.join(' | ')}: how the starting weights are drawn (tutorial:
                       normal(0, 0.1), biases 0.1; glorot: scale sqrt(2/(in+out)), he: scale
                       sqrt(2/in), biases 0)
  --expression EXPR    the target of --dataset custom, e.g. "sin(3*x) + 0.5*x^2"
  --activation NAME    ${ACTIVATIONS.join(' | ')}
  --lr R               learning rate, from ${NUMERIC_SPECS.learningRate.min} to ${NUMERIC_SPECS.learningRate.max}
  --steps N            steps, a whole number from 0 to ${MAX_FIT_STEPS} (default: the preset's)
  --engine NAME        ${ENGINES.join(' | ')}: the WebAssembly kernel or the TypeScript reference
                       (default: as the page's worker picks, the kernel where this runtime
                       has WebAssembly SIMD); the kernel trains one hidden layer, deeper
                       networks train on ts
${TRAINING_USAGE}  --json               print one JSON object (config, seed, lr, options, x, y, initial, losses
                       (each step's loss on its batch), epochs, final);
                       initial and final list every layer from the input as {"w": [in][out],
                       "b": [1][out]}, as numpy's .tolist() nests them
  --spec FILE          train from the exact numbers in a JSON file: x, y, initial (any depth:
                       its shapes give the layers), activation, lr, steps (a file written by
                       --json works too)
${SCRIPT_USAGE}  --help               this text

Exit status: 0 done, 1 the run diverged (by the page's rule; --json's final then holds the
last good parameters, from at most ${PRINT_EVERY} steps before), 2 bad flags or spec file.
`;

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

  const training = parseTrainingFlags(values);
  if (!training.ok) return training;
  const { options } = training;
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
    return { ok: true, command: { kind: 'spec', file: specFile, engine, options, json, script } };
  }

  const presetName = values.get('--preset') ?? DEFAULT_PRESET;
  if (!isPresetId(presetName))
    return { ok: false, message: oneOf('--preset', presetName, PRESET_IDS) };
  const preset = PRESETS[presetName];
  const run: typeof preset.settings & { seed: number; steps: number; expression?: string } = {
    ...preset.settings,
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

  const { steps, learningRate, ...config } = run;
  const unchanged = PRESET_KEYS.every((key) => sameSetting(run[key], preset.settings[key]));
  return {
    ok: true,
    command: {
      kind: 'config',
      preset: unchanged ? presetName : null,
      config,
      learningRate,
      steps,
      engine,
      options,
      json,
      script,
    },
  };
}
