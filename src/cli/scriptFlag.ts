/**
 * `fit --script LANGUAGE`: print a script that reproduces the run (its settings, options
 * and steps) instead of training it, as the page's "Copy as ... script" buttons write it.
 */
import { numpyScript, type ScriptRun } from '../core/numpyScript';
import { torchScript } from '../core/torchScript';

export const SCRIPT_LANGUAGES = ['numpy', 'pytorch'] as const;
export type ScriptLanguage = (typeof SCRIPT_LANGUAGES)[number];

/** The writer of each language. */
const SCRIPT_WRITERS: Record<ScriptLanguage, (run: ScriptRun) => string> = {
  numpy: numpyScript,
  pytorch: torchScript,
};

export const SCRIPT_USAGE = `  --script LANGUAGE    ${SCRIPT_LANGUAGES.join(' | ')}: print the Python script that reproduces this
                       run (seed, data, layers, lr, options, steps; numpy, or torch.nn.Linear
                       and torch.optim) instead of training it; it prints the loss every 10
                       steps and the final loss, as this command does
`;

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
  return { ok: true, script: language };
}

/** The script of a run in a language the flag accepted. */
export function writeScript(language: ScriptLanguage, run: ScriptRun): string {
  return SCRIPT_WRITERS[language](run);
}
