/**
 * `fit --script numpy|pytorch`: print the Python script that replays the run the other
 * flags describe (its seed, data, network, learning rate, options, steps) instead of
 * training it, as the page's "Copy as ... script" buttons write it.
 */
import { numpyScriptOf } from '../core/numpyScript';
import type { TrainingRun } from '../core/run';
import { torchScriptOf } from '../core/torchScript';

export const SCRIPT_KINDS = ['numpy', 'pytorch'] as const;
export type ScriptKind = (typeof SCRIPT_KINDS)[number];

export const SCRIPT_USAGE = `  --script NAME        ${SCRIPT_KINDS.join(' | ')}: print the Python script that replays this run (seed,
                       data, layers, lr, options, steps; numpy, or torch.nn.Linear and
                       torch.optim) instead of training it; it prints the loss every 10
                       steps and the final loss, as this command does
`;

/** The kind named by --script, or a message. */
export function parseScriptFlag(
  values: ReadonlyMap<string, string>,
  json: boolean,
): { ok: true; script: ScriptKind | null } | { ok: false; message: string } {
  const text = values.get('--script');
  if (text === undefined) return { ok: true, script: null };
  const kind = SCRIPT_KINDS.find((k) => k === text);
  if (!kind)
    return {
      ok: false,
      message: `--script must be one of ${SCRIPT_KINDS.join(', ')} (got "${text}")`,
    };
  if (json) return { ok: false, message: '--script prints a script, not JSON: drop --json' };
  return { ok: true, script: kind };
}

/**
 * The script for a built, untrained run (its options set): what it will train, `steps`
 * steps at `learningRate`. The run's history holds its points, options and loaded weights.
 */
export function scriptOfRun(
  kind: ScriptKind,
  run: TrainingRun,
  learningRate: number,
  steps: number,
  title: string,
): string {
  const args = { config: run.config, learningRate, steps, history: run.history, title };
  return (kind === 'numpy' ? numpyScriptOf(args) : torchScriptOf(args)).script;
}
