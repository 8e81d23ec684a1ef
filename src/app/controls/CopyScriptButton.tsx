/**
 * "Copy as numpy script" and "Copy as PyTorch script": the current run as a tutorial-style
 * numpy script, or as a PyTorch one (see ScriptCopyButton for the copying).
 */
import { numpyScriptOf } from '../../core/numpyScript';
import { torchScriptOf } from '../../core/torchScript';
import type { ScriptRun } from '../../core/numpyScript';
import { useT } from '../i18n';
import { ScriptCopyButton, type Difference, type ScriptWriter } from './ScriptCopyButton';

/** Where a script stops being the run: lost data changes first (they come from their step). */
function differenceOf(run: ScriptRun, exact: boolean): Difference | null {
  const dropped = run.history?.droppedFrom ?? null;
  if (dropped !== null) return { step: dropped, reason: 'points' };
  if (exact) return null;
  return { step: run.history?.loaded?.step ?? 0, reason: 'batches' };
}

const numpyWriter: ScriptWriter = (run) => {
  const { script, exact } = numpyScriptOf(run);
  const dropped = run.history?.droppedFrom ?? null;
  // The numpy script is not the run only where the page lost data changes.
  return {
    script,
    difference: exact || dropped === null ? null : { step: dropped, reason: 'points' },
  };
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
