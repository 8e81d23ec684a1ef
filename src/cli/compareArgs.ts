/**
 * `fit --compare VARY:V1,V2,...`: train up to four runs on the same data that differ in one
 * setting (issue #22), read as a link's `compare=` is read (core/compare), so the command
 * line and the page accept the same comparisons.
 */
import {
  DEFAULT_COMPARE,
  formatCompare,
  MAX_COMPARE_RUNS,
  MIN_COMPARE_RUNS,
  parseCompare,
  VARY_KEYS,
  type CompareSpec,
  type VaryKey,
} from '../core/compare';
import { compareField } from '../core/urlFields';
import { acceptsEn } from '../messages/en';

export const COMPARE_USAGE = `  --compare VARY:V,V   train ${MIN_COMPARE_RUNS} to ${MAX_COMPARE_RUNS} runs on the same data, differing in one setting, in turn,
                       and print one table (value, loss, test loss with --test, steps/s, linear
                       pieces where the activation is piecewise linear, parameters); VARY is
                       one of ${VARY_KEYS.join(', ')}
                       (e.g. ${formatCompare(DEFAULT_COMPARE)}; hidden keeps the depth, layers
                       the first width); the other flags set what the runs share; --json
                       prints an array, --script numpy one script that trains them all
`;

/** The flag that sets the varied setting itself: giving both is a contradiction. */
const SAME_SETTING: Partial<Record<VaryKey, string>> = {
  activation: '--activation',
  hidden: '--hidden',
  init: '--init',
  optimizer: '--optimizer',
  learningRate: '--lr',
  batch: '--batch',
};

/** The comparison --compare names (null when not given), or a message. */
export function parseCompareFlag(
  text: string | undefined,
  given: ReadonlyMap<string, string>,
): { ok: true; compare: CompareSpec | null } | { ok: false; message: string } {
  if (text === undefined) return { ok: true, compare: null };
  const compare = parseCompare(text);
  if (!compare) {
    const accepts = compareField.acceptsFor?.(text) ?? compareField.accepts;
    return { ok: false, message: `--compare must be ${acceptsEn(accepts)} (got "${text}")` };
  }
  const same = SAME_SETTING[compare.vary];
  if (same !== undefined && given.has(same))
    return {
      ok: false,
      message: `--compare ${compare.vary}:... gives each run its ${compare.vary}: drop ${same}`,
    };
  return { ok: true, compare };
}
