/**
 * The optional `options` of a `fit --spec` file (as `fit --json` writes them), so a run's
 * JSON read back trains as it did. Keys left out are the tutorial's.
 */
import { isRecord } from '../core/jsonShape';
import {
  checkTrainingOption,
  DEFAULT_TRAINING_OPTIONS,
  TRAINING_ACCEPTS,
  type TrainingOptions,
} from '../core/trainingOptions';
import { describeRangeEn } from '../messages/en';

/** What an option accepts, in the words of the flags' messages. */
function accepts(key: keyof TrainingOptions): string {
  const a = TRAINING_ACCEPTS[key];
  const text =
    a.kind === 'range'
      ? describeRangeEn(a.range)
      : a.kind === 'oneOf'
        ? `one of ${a.values.join(', ')}`
        : '';
  return key === 'batchSize' ? `null (the full batch) or ${text}` : text;
}

/** The options (the defaults when absent), or a message naming the field. */
export function parseSpecOptions(
  value: unknown,
): { ok: true; options: TrainingOptions | null } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, options: null };
  if (!isRecord(value))
    return { ok: false, message: 'options must be an object such as {"optimizer": "adam"}' };
  const options: TrainingOptions = { ...DEFAULT_TRAINING_OPTIONS };
  for (const [key, given] of Object.entries(value)) {
    if (!(key in DEFAULT_TRAINING_OPTIONS))
      return {
        ok: false,
        message: `options.${key} is not an option (${Object.keys(DEFAULT_TRAINING_OPTIONS).join(', ')})`,
      };
    const k = key as keyof TrainingOptions;
    if (checkTrainingOption(k, given) !== null)
      return {
        ok: false,
        message: `options.${key} must be ${accepts(k)}, got ${JSON.stringify(given)}`,
      };
    Object.assign(options, { [k]: given });
  }
  return { ok: true, options };
}
