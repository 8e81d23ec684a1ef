/**
 * Words for core's problems: one formatter per problem code and language. Plain functions,
 * no React, so the page (through its dictionaries) and the CLI (in English) share them.
 */
import type { Problem, ProblemCode } from '../core/problems';

/** One formatter per code: a language that leaves a code out does not compile. */
export type ProblemMessages = {
  [C in ProblemCode]: (problem: Extract<Problem, { code: C }>) => string;
};

/** The problem in the language of `messages`. */
export function formatProblem(messages: ProblemMessages, problem: Problem): string {
  // The table is keyed by code, so the formatter found takes exactly this problem's shape.
  const format = messages[problem.code] as (p: Problem) => string;
  return format(problem);
}

/** A number as people read it: at most 4 significant digits, no trailing zeros. */
export function short(value: number): string {
  return String(+value.toPrecision(4));
}
