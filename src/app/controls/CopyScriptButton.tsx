/**
 * "Copy as numpy script" and "Copy as PyTorch script": the current run as a tutorial-style
 * numpy script, or as a PyTorch one (see ScriptCopyButton for the copying).
 */
import { numpyScriptOf } from '../../core/numpyScript';
import { torchScriptOf } from '../../core/torchScript';
import type { ScriptRun } from '../../core/numpyScript';
import { useT } from '../i18n';
import { ScriptCopyButton, type Difference, type ScriptWriter } from './ScriptCopyButton';

/**
 * Where a script stops being the run, and why: lost data changes first (they come from
 * their step), then a rescue past an options change, then batch orders drawn before loaded
 * weights (the scripts' own notes, core/numpyScriptOptions, say the same).
 */
export function differenceOf(run: ScriptRun, exact: boolean): Difference | null {
  const history = run.history;
  const dropped = history?.droppedFrom ?? null;
  if (dropped !== null) return { step: dropped, reason: 'points' };
  if (exact) return null;
  const rescued = history?.options.find((o) => o.rescued);
  if (rescued) return { step: rescued.step, reason: 'rescue' };
  return { step: history?.loaded?.step ?? 0, reason: 'batches' };
}

const numpyWriter: ScriptWriter = (run) => {
  const { script, exact } = numpyScriptOf(run);
  return { script, difference: differenceOf(run, exact) };
};

const torchWriter: ScriptWriter = (run) => {
  const { script, exact } = torchScriptOf(run);
  return { script, difference: differenceOf(run, exact) };
};

export function CopyScriptButton() {
  const t = useT();
  return (
    <ScriptCopyButton
      write={numpyWriter}
      words={{
        label: t.copyScript,
        title: t.copyScriptTitle,
        dialogTitle: t.scriptDialogTitle,
        textLabel: t.numpyScript,
      }}
    />
  );
}

export function CopyTorchScriptButton() {
  const t = useT();
  return (
    <ScriptCopyButton
      write={torchWriter}
      words={{
        label: t.copyTorchScript,
        title: t.copyTorchScriptTitle,
        dialogTitle: t.torchScriptDialogTitle,
        textLabel: t.torchScript,
      }}
    />
  );
}
