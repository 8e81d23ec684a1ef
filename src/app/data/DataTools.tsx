/** The learner's own data: edit points on the plot, import and export CSV, clear, regenerate, hold out a test share. */
import { useId, useRef } from 'react';
import { MAX_TEST_SHARE } from '../../core/split';
import { useT, type Messages } from '../i18n';
import { useAppStore, type DataNote } from '../store';
import { clearData, exportCsv, importCsv, regenerateData, setTestShare } from './dataActions';

/** The data note in the language in force. */
export function dataNoteText(t: Messages, note: DataNote): string {
  switch (note.kind) {
    case 'imported':
      return t.dataImported(note.file, note.count, note.rescaled ? t.problem(note.rescaled) : '');
    case 'importFailed':
      return t.dataFileError(note.file, t.problem(note.problem));
    case 'cleared':
      return t.dataCleared;
    case 'full':
      return t.dataFull(note.max);
    case 'csvUnavailable':
      return t.csvUnavailable;
  }
}

/** `ownData`: the edit, CSV and clear tools; `testShare`: the held-out share (a lesson link can hide either). */
export function DataTools({
  ownData = true,
  testShare: showShare = true,
}: {
  ownData?: boolean;
  testShare?: boolean;
}) {
  const fileId = useId();
  const shareId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const editing = useAppStore((s) => s.editing);
  const deleting = useAppStore((s) => s.deleting);
  const note = useAppStore((s) => s.dataNote);
  const custom = useAppStore((s) => s.customData !== null);
  const testShare = useAppStore((s) => s.config.testShare);
  const t = useT();
  return (
    <div className="data-tools">
      {ownData && (
        <>
          <div className="button-row">
            <button
              type="button"
              className="small"
              aria-pressed={editing}
              onClick={() => useAppStore.setState({ editing: !editing, deleting: false })}
            >
              {t.editPoints}
            </button>
            {editing && (
              <button
                type="button"
                className="small"
                aria-pressed={deleting}
                onClick={() => useAppStore.setState({ deleting: !deleting })}
              >
                {t.deleteMode}
              </button>
            )}
            <button type="button" className="small" onClick={clearData}>
              {t.clearData}
            </button>
            <button type="button" className="small" onClick={regenerateData} disabled={!custom}>
              {t.regenerate}
            </button>
          </div>
          {editing && <p className="field-hint">{t.editHint(deleting)}</p>}
          <div className="button-row">
            <label htmlFor={fileId} className="file-button small">
              {t.importCsv}
            </label>
            <input
              id={fileId}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv,text/plain"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importCsv(file);
                e.target.value = ''; // the same file can be imported again
              }}
            />
            <button type="button" className="small" onClick={() => void exportCsv()}>
              {t.exportCsv}
            </button>
          </div>
          {note && (
            <p className="field-hint data-note" role="status">
              {dataNoteText(t, note)}
            </p>
          )}
        </>
      )}
      {showShare && (
        <div className="field">
          <div className="field-label-row">
            <label htmlFor={shareId}>{t.testShare}</label>
            <output htmlFor={shareId} className="field-value">
              {Math.round(testShare * 100)}%
            </output>
          </div>
          <input
            id={shareId}
            type="range"
            min={0}
            max={MAX_TEST_SHARE}
            step={0.05}
            value={testShare}
            aria-valuetext={t.testShareText(Math.round(testShare * 100))}
            onChange={(e) => setTestShare(Number(e.target.value))}
          />
          <p className="field-hint">{t.testShareHint}</p>
        </div>
      )}
    </div>
  );
}
