/** "Export model" and "Import model": the weights and configuration as a JSON file, and back. */
import { useRef, useState } from 'react';
import { useT } from '../i18n';
import type { ModelFileProblem } from '../../core/problems';
import { exportModel, importModelFile } from '../modelActions';

/** Kept as data and worded when drawn, so a language switch rewords a note already showing. */
type Note = { kind: 'ok'; step: number } | { kind: 'error'; problem: ModelFileProblem } | { kind: 'not-ready' } | null;

export function ModelFileButtons() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<Note>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await importModelFile(file);
      setNote(result.ok ? { kind: 'ok', step: result.step } : { kind: 'error', problem: result.problem });
    } finally {
      // The same file can be chosen again.
      if (input.current) input.current.value = '';
    }
  };

  const text =
    note === null ? '' : note.kind === 'ok' ? t.modelLoaded(note.step) : note.kind === 'error' ? t.modelNotLoaded(t.problem(note.problem)) : t.modelNotReady;
  return (
    <div className="model-file">
      <button type="button" className="small" onClick={() => setNote(exportModel() ? null : { kind: 'not-ready' })}>
        {t.exportModel}
      </button>
      <label className="small button-like">
        <input ref={input} type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void onFile(e.target.files?.[0])} />
        {t.importModel}
      </label>
      <span className={note?.kind === 'error' ? 'model-note model-error' : 'model-note'} role={note?.kind === 'error' ? 'alert' : 'status'} data-testid="model-note">
        {text}
      </span>
    </div>
  );
}
