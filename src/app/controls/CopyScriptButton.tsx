/**
 * "Copy as numpy script": the current run as a tutorial-style Python script. Copies to the
 * clipboard when the browser allows it; otherwise shows the script to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { numpyScriptOf } from '../../core/numpyScript';
import { PRESETS } from '../../core/presets';
import type { RunRecord } from '../../core/runHistory';
import { currentData } from '../data/dataActions';
import { liveStore } from '../liveStore';
import { runRecordOf } from '../runRecord';
import { useAppStore } from '../store';
import { useT } from '../i18n';

/** How long the "Copied" confirmation stays, ms. */
const CONFIRM_MS = 2500;
/** How long the note that the script is not exactly this run stays, ms (longer: it has more to read). */
const NOTE_MS = 8000;

/**
 * What the run on screen trained with. Before its first frame: the data in force from step 0.
 * Should the page have lost the points the history names, the data in force throughout,
 * said to differ from step 0.
 */
function currentRecord(): RunRecord {
  const frame = liveStore.getState().frame;
  const record = frame ? runRecordOf(frame) : null;
  if (record) return record;
  const lost = frame !== null && frame.step > 0;
  return {
    rates: [],
    options: [],
    data: [{ step: 0, data: currentData() }],
    loaded: null,
    droppedFrom: lost ? 0 : null,
    dropped: lost ? 1 : 0,
  };
}

/** The script for the run on screen, trained as far as the run has gone; and the step from which it is not that run, if any. */
function currentScript(): { script: string; differsFrom: number | null } {
  const { config, preset, divergedAt } = useAppStore.getState();
  const { learningRate, speed: _speed, ...model } = config;
  const steps = liveStore.getState().frame?.step ?? 0;
  const history = currentRecord();
  const { script } = numpyScriptOf({
    config: model,
    learningRate,
    steps,
    history,
    divergedAt,
    title: preset ? PRESETS[preset].label : 'custom settings',
  });
  return { script, differsFrom: history.droppedFrom };
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    // Missing outside secure contexts, and rejects without permission: both fall back.
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CopyScriptButton() {
  const t = useT();
  /** Shown after a copy: null, or the step from which the script is not this run (-1: it is). */
  const [copied, setCopied] = useState<number | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const [differsFrom, setDiffersFrom] = useState<number | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (copied === null) return;
    const id = setTimeout(() => setCopied(null), copied < 0 ? CONFIRM_MS : NOTE_MS);
    return () => clearTimeout(id);
  }, [copied]);

  useEffect(() => {
    if (manual === null) return;
    dialogRef.current?.showModal();
    textRef.current?.select();
  }, [manual]);

  const onCopy = async () => {
    const { script, differsFrom } = currentScript();
    setDiffersFrom(differsFrom);
    if (await writeClipboard(script)) setCopied(differsFrom ?? -1);
    else setManual(script);
  };

  return (
    <div className="copy-script">
      <button type="button" onClick={() => void onCopy()} title={t.copyScriptTitle}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <rect
            x="8"
            y="8"
            width="12"
            height="12"
            rx="2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <path
            d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
        {t.copyScript}
      </button>
      <span
        className={copied !== null && copied >= 0 ? 'copy-note not-exact' : 'copy-note'}
        role="status"
      >
        {copied === null ? '' : copied < 0 ? t.scriptCopied : t.scriptNotExact(copied)}
      </span>
      {manual !== null && (
        <dialog
          ref={dialogRef}
          className="script-dialog"
          aria-labelledby="script-dialog-title"
          onClose={() => setManual(null)}
        >
          <h2 id="script-dialog-title">{t.scriptDialogTitle}</h2>
          <p>{t.scriptDialogText}</p>
          {differsFrom !== null && (
            <p className="script-note">{t.scriptNotExactNote(differsFrom)}</p>
          )}
          <textarea
            ref={textRef}
            readOnly
            wrap="off"
            value={manual}
            aria-label={t.numpyScript}
            rows={18}
            spellCheck={false}
          />
          <form method="dialog">
            <button type="submit" className="primary">
              {t.close}
            </button>
          </form>
        </dialog>
      )}
    </div>
  );
}
