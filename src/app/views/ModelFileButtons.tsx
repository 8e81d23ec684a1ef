/** "Export model" and "Import model": the weights and configuration as a JSON file, and back. */
import { useRef, useState } from 'react';
import { useT, type Messages } from '../i18n';
import type { ModelFileProblem } from '../../core/problems';
import type { HideableControl } from '../../core/urlState';
import { keptText } from '../controls/FixedSettings';
import { exportModel, importModelFile } from '../modelActions';
import { useAppStore } from '../store';

/** Kept as data and worded when drawn, so a language switch rewords a note already showing. */
type Note =
  | { kind: 'ok'; step: number; kept: HideableControl[]; freshState: boolean }
  | { kind: 'error'; problem: ModelFileProblem }
  | { kind: 'lesson'; fixed: HideableControl[] }
  | { kind: 'not-ready' }
  /** Export paused a large model's run to save the weights of the step it stopped at. */
  | { kind: 'paused'; step: number }
  | null;

/** The note in the language in force; what a lesson kept is named with the values in force. */
function noteText(t: Messages, note: Note): string {
  if (note === null) return '';
  const state = useAppStore.getState();
  switch (note.kind) {
    case 'ok': {
      const parts = [t.modelLoaded(note.step)];
      if (note.freshState) parts.push(t.modelFreshOptimizer);
      if (note.kept.length) parts.push(t.lessonKept(keptText(t, state, note.kept)));
      return parts.join(' ');
    }
    case 'error':
      return t.modelNotLoaded(t.problem(note.problem));
    case 'lesson':
      return t.modelNotLoaded(t.modelLessonFixed(keptText(t, state, note.fixed)));
    case 'not-ready':
      return t.modelNotReady;
    case 'paused':
      return t.modelSavedPaused(note.step);
  }
}

export function ModelFileButtons() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<Note>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await importModelFile(file);
      setNote(
        result.ok
          ? { kind: 'ok', step: result.step, kept: result.kept, freshState: result.freshState }
          : 'problem' in result
            ? { kind: 'error', problem: result.problem }
            : { kind: 'lesson', fixed: result.lessonFixed },
      );
    } finally {
      // The same file can be chosen again.
      if (input.current) input.current.value = '';
    }
  };

  const text = noteText(t, note);
  const failed = note?.kind === 'error' || note?.kind === 'lesson';
  return (
    <div className="model-file">
      <button
        type="button"
        className="small"
        onClick={() =>
          void exportModel().then((r) =>
            setNote(
              !r.saved ? { kind: 'not-ready' } : r.paused ? { kind: 'paused', step: r.step } : null,
            ),
          )
        }
      >
        {t.exportModel}
      </button>
      <label className="small button-like">
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        {t.importModel}
      </label>
      <span
        className={failed ? 'model-note model-error' : 'model-note'}
        role={failed ? 'alert' : 'status'}
        data-testid="model-note"
      >
        {text}
      </span>
    </div>
  );
}
