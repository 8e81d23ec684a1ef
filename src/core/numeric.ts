/**
 * A number setting's accepted range, and the one parser every place reads typed numbers
 * with (the page's fields, links, the command line), so all refuse the same text alike.
 */
import type { NumericProblem } from './problems';
import { quote } from './quote';

export interface NumericSpec {
  min: number;
  max: number;
  integer: boolean;
  /** Whether min itself is allowed (the learning rate must be strictly positive). */
  minInclusive: boolean;
}

export type ParseResult = { ok: true; value: number } | { ok: false; problem: NumericProblem };

/** Parses typed text against a spec; the problem carries the spec, to say what is accepted. Pure. */
export function parseNumeric(text: string, spec: NumericSpec): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: { code: 'number.empty', range: spec } };
  // Number() accepts hex, Infinity and '' -> 0; a plain decimal pattern is stricter.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    return { ok: false, problem: { code: 'number.notNumber', text: quote(trimmed), range: spec } };
  }
  const value = Number(trimmed);
  const tooLow = spec.minInclusive ? value < spec.min : value <= spec.min;
  if (!Number.isFinite(value) || tooLow || value > spec.max) {
    return { ok: false, problem: { code: 'number.outOfRange', range: spec } };
  }
  if (spec.integer && !Number.isInteger(value))
    return { ok: false, problem: { code: 'number.notWhole', range: spec } };
  return { ok: true, value };
}

/** Whether a value satisfies its spec (used to vet configs from anywhere). */
export function inRange(value: number, spec: NumericSpec): boolean {
  return parseNumeric(String(value), spec).ok;
}
