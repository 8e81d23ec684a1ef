/**
 * Untrusted text (a link's value, a cell of a CSV, a model file's entry) made fit to quote
 * in a message: any script shows as itself, but control and invisible formatting characters
 * (which could hide or reorder the message around it) become '?', and long text is cut at a
 * whole character with an ellipsis, so the learner can tell it was cut.
 */

/** Longest quoted text, characters, before the ellipsis. */
export const MAX_QUOTE_LENGTH = 24;

/** Controls, invisible format characters (bidirectional overrides, zero-width), separators, lone surrogates. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/gu;

/** Short, printable, visibly cut form of untrusted text for messages. Pure. */
export function quote(text: string, max = MAX_QUOTE_LENGTH): string {
  // By code point, so a character outside the BMP (an emoji) is never split in half.
  const chars = Array.from(text.replace(UNSAFE, '?'));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
