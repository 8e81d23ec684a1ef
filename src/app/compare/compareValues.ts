/**
 * A comparison's values as the learner edits them: which are picked from a list and which
 * are typed, what a typed value's problem is (core's own messages for the setting), and
 * which value a new run starts with. Pure.
 */
import { ACTIVATIONS } from '../../core/activations';
import { DEFAULT_VALUES, MAX_COMPARE_RUNS, parseVaryValue, type VaryKey } from '../../core/compare';
import { NUMERIC_SPECS, parseNumeric, type NumericSpec } from '../../core/config';
import { INITS } from '../../core/init';
import type { Problem } from '../../core/problems';
import { OPTIMIZERS, TRAINING_NUMERIC_SPECS } from '../../core/trainingOptions';

/** The values a picker offers, for the settings that are one of a list; null for typed ones. */
export function choicesOf(vary: VaryKey): readonly string[] | null {
  switch (vary) {
    case 'activation':
      return ACTIVATIONS;
    case 'init':
      return INITS;
    case 'optimizer':
      return OPTIMIZERS;
    default:
      return null;
  }
}

const SPEC_OF: Partial<Record<VaryKey, NumericSpec>> = {
  hidden: NUMERIC_SPECS.hidden,
  layers: NUMERIC_SPECS.depth,
  learningRate: NUMERIC_SPECS.learningRate,
  batch: TRAINING_NUMERIC_SPECS.batchSize,
};

/** Why a typed value cannot be a run's: core's problem for the setting, or a value already compared. */
export type ValueProblem =
  | { kind: 'setting'; problem: Problem }
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'repeated'; value: string };

export type ValueRead = { ok: true; value: string } | { ok: false; problem: ValueProblem };

/**
 * Reads run `index`'s typed value among the comparison's `values`: canonical when it is
 * acceptable and no other run has it already.
 */
export function readValue(
  vary: VaryKey,
  text: string,
  values: readonly string[],
  index: number,
): ValueRead {
  const read = parseVaryValue(vary, text);
  if (!read.ok) {
    const spec = SPEC_OF[vary];
    const choices = choicesOf(vary);
    if (spec) {
      const numeric = parseNumeric(text, spec);
      // parseVaryValue refused it, so parseNumeric does too: its problem says why in core's words.
      if (!numeric.ok) return { ok: false, problem: { kind: 'setting', problem: numeric.problem } };
    }
    return { ok: false, problem: { kind: 'oneOf', values: choices ?? [] } };
  }
  if (values.some((v, i) => i !== index && v === read.value))
    return { ok: false, problem: { kind: 'repeated', value: read.value } };
  return { ok: true, value: read.value };
}

/** Values a new run may take beyond the defaults, in order of preference. */
const MORE_VALUES: Record<VaryKey, readonly string[]> = {
  activation: ACTIVATIONS,
  hidden: ['100', '5', '2', '200', '20'],
  layers: ['4'],
  init: INITS,
  optimizer: OPTIMIZERS,
  learningRate: ['0.0003', '0.1', '0.0001', '0.3'],
  batch: ['4', '32', '2', '16'],
};

/** The value a new run starts with: the first default, then another sensible one, not in use; null when none is left or the runs are full. */
export function nextValue(vary: VaryKey, values: readonly string[]): string | null {
  if (values.length >= MAX_COMPARE_RUNS) return null;
  for (const v of [...DEFAULT_VALUES[vary], ...MORE_VALUES[vary]])
    if (!values.includes(v)) return v;
  return null;
}
