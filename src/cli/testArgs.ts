/**
 * `fit --test SHARE`: the share of the generated points held out to measure the test loss,
 * split by the seed as the page splits them, so a lesson preset that holds points out
 * trains on the very points the page trains on.
 */
import { NUMERIC_SPECS, parseNumeric } from '../core/config';
import { describeRangeEn } from '../messages/en';

export const TEST_USAGE = `  --test SHARE         share of the points held out to measure the test loss, from 0 to ${NUMERIC_SPECS.testShare.max}
                       (default: the preset's, else 0); the seed picks them, as on the page
`;

/** The share --test gives, else the preset's (0 when it sets none), or a message. */
export function parseTestFlag(
  text: string | undefined,
  presetShare: number | undefined,
): { ok: true; share: number } | { ok: false; message: string } {
  if (text === undefined) return { ok: true, share: presetShare ?? 0 };
  const spec = NUMERIC_SPECS.testShare;
  const parsed = parseNumeric(text, spec);
  if (!parsed.ok)
    return {
      ok: false,
      message: `--test (the share of points held out) must be ${describeRangeEn(spec)} (got "${text}")`,
    };
  return { ok: true, share: parsed.value };
}
