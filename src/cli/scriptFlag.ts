/**
 * `fit --script LANGUAGE`: print a script that reproduces the run (its settings, options
 * and steps) instead of training it. Each language the flag names has a writer here; one
 * named but not yet written is refused with a message saying which ones work.
 */
import { numpyScript, type ScriptRun } from '../core/numpyScript';

export const SCRIPT_LANGUAGES = ['numpy', 'pytorch'] as const;
export type ScriptLanguage = (typeof SCRIPT_LANGUAGES)[number];

/** The writer of each language; null: not written yet. */
export const SCRIPT_WRITERS: Record<ScriptLanguage, ((run: ScriptRun) => string) | null> = {
  numpy: numpyScript,
  pytorch: null,
};

export const SCRIPT_USAGE = `  --script LANGUAGE    ${SCRIPT_LANGUAGES.join(' | ')}: print a script that reproduces this run (its
                       settings, options and steps) instead of training it
`;

const available = () => SCRIPT_LANGUAGES.filter((l) => SCRIPT_WRITERS[l] !== null);

/** The language --script names (null when not given), or a message. */
export function parseScriptFlag(
  value: string | undefined,
): { ok: true; script: ScriptLanguage | null } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, script: null };
  const language = SCRIPT_LANGUAGES.find((l) => l === value);
  if (!language)
    return {
      ok: false,
      message: `--script must be one of ${SCRIPT_LANGUAGES.join(', ')} (got "${value}")`,
    };
  if (SCRIPT_WRITERS[language] === null)
    return {
      ok: false,
      message: `--script ${language} is not available yet; use --script ${available().join(' or ')}`,
    };
  return { ok: true, script: language };
}

/** The script of a run in a language the flag accepted. */
export function writeScript(language: ScriptLanguage, run: ScriptRun): string {
  const writer = SCRIPT_WRITERS[language];
  if (!writer) throw new Error(`no ${language} script writer`);
  return writer(run);
}
