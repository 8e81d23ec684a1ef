/**
 * A note written on a plot, wrapped to the plot's width: Plotly's annotations never wrap,
 * so a long line on a phone runs past the plot's edge and is cut off. Widths are estimated
 * from the font size (Plotly measures text only once it is drawn).
 */

/** Average width of a Latin character, in ems: generous, so a wrapped line always fits. */
const LATIN_EM = 0.6;

/** Whether a character is set a full em wide (CJK ideographs, kana, hangul, full-width forms). */
function isWide(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code >= 0x2e80 && code <= 0xffef;
}

/** The estimated width of `text`, px, at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const ch of text) ems += isWide(ch) ? 1 : LATIN_EM;
  return ems * fontPx;
}

/**
 * Pieces a line may break between: Latin words with the space after them, and each wide
 * character on its own (Chinese breaks between any two characters).
 */
function pieces(line: string): string[] {
  return line.match(/[\u2e80-\uffef]|[^\s\u2e80-\uffef]+\s*|\s+/g) ?? [];
}

/**
 * The note with each of its lines (separated by `<br>`) broken so that none is wider than
 * `widthPx` at `fontPx`; a single word wider than that stays whole on its own line.
 */
export function wrapNote(text: string, widthPx: number, fontPx: number): string {
  const out: string[] = [];
  for (const line of text.split('<br>')) {
    let current = '';
    for (const piece of pieces(line)) {
      if (current !== '' && textWidth((current + piece).trimEnd(), fontPx) > widthPx) {
        out.push(current.trimEnd());
        current = piece.trimStart();
      } else current += piece;
    }
    out.push(current.trimEnd());
  }
  return out.join('<br>');
}
