/**
 * The `fit` flags of issue #20 (how the run learns): --batch, --reduction, --optimizer,
 * --momentum, --l1, --l2, checked against core's ranges with a message naming the flag.
 */
import { parseNumeric } from '../core/config';
import {
  DEFAULT_TRAINING_OPTIONS,
  isOptimizerName,
  isReduction,
  OPTIMIZERS,
  REDUCTIONS,
  TRAINING_NUMERIC_SPECS,
  trainingOptionsOf,
  type TrainingOptions,
} from '../core/trainingOptions';
import { describeRangeEn } from '../messages/en';

export const TRAINING_FLAGS = [
  '--batch',
  '--reduction',
  '--optimizer',
  '--momentum',
  '--l1',
  '--l2',
] as const;

export function isTrainingFlag(flag: string): boolean {
  return (TRAINING_FLAGS as readonly string[]).includes(flag);
}

const NUMERIC = {
  '--batch': 'batchSize',
  '--momentum': 'momentum',
  '--l1': 'l1',
  '--l2': 'l2',
} as const;

export const TRAINING_USAGE = `  --batch B            points per step, a whole number from 1 (default: all the training
                       points, the full batch); with B < N each epoch draws a permutation of
                       the points from the run's generator (numpy's np.random.permutation);
                       a B above N is the full batch
  --reduction NAME     ${REDUCTIONS.join(' | ')}: the gradient summed over the batch (the tutorial's,
                       default) or divided by its size
  --optimizer NAME     ${OPTIMIZERS.join(' | ')} (default sgd): torch.optim's rules
  --momentum M         the momentum optimizer's M, from 0 to ${TRAINING_NUMERIC_SPECS.momentum.max} (default 0.9;
                       the other optimizers ignore it)
  --l1 A, --l2 A       penalties on the weights (not the biases), from 0 to ${TRAINING_NUMERIC_SPECS.l2.max} (default 0)
                       The defaults above are the tutorial's; a preset that sets an option
                       (the "How it learns" lessons) makes its value the default instead.
`;

/** The options the flags give (`base`'s, the preset's, for those not given), or a message. */
export function parseTrainingFlags(
  values: ReadonlyMap<string, string>,
  base: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
): { ok: true; options: TrainingOptions } | { ok: false; message: string } {
  const options: TrainingOptions = trainingOptionsOf(base);
  for (const flag of Object.keys(NUMERIC) as (keyof typeof NUMERIC)[]) {
    const text = values.get(flag);
    if (text === undefined) continue;
    const key = NUMERIC[flag];
    const spec = TRAINING_NUMERIC_SPECS[key];
    const parsed = parseNumeric(text, spec);
    if (!parsed.ok)
      return { ok: false, message: `${flag} must be ${describeRangeEn(spec)} (got "${text}")` };
    options[key] = parsed.value;
  }
  const reduction = values.get('--reduction');
  if (reduction !== undefined) {
    if (!isReduction(reduction))
      return {
        ok: false,
        message: `--reduction must be one of ${REDUCTIONS.join(', ')} (got "${reduction}")`,
      };
    options.reduction = reduction;
  }
  const optimizer = values.get('--optimizer');
  if (optimizer !== undefined) {
    if (!isOptimizerName(optimizer))
      return {
        ok: false,
        message: `--optimizer must be one of ${OPTIMIZERS.join(', ')} (got "${optimizer}")`,
      };
    options.optimizer = optimizer;
  }
  return { ok: true, options };
}
