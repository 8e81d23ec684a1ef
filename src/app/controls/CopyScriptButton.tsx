/**
 * "Copy as numpy script": the current run as a tutorial-style Python script. Copies to the
 * clipboard when the browser allows it; otherwise shows the script to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { numpyScript } from '../../core/numpyScript';
import { PRESETS } from '../../core/presets';
import { liveStore } from '../liveStore';
import { useAppStore } from '../store';
import { useT } from '../i18n';

/** How long the "Copied" confirmation stays, ms. */
const CONFIRM_MS = 2500;

/** The script for the run on screen, trained as far as the run has gone. */
function currentScript(): string {
  const { config, preset } = useAppStore.getState();
  const { learningRate, speed: _speed, ...model } = config;
  const steps = liveStore.getState().frame?.step ?? 0;
  return numpyScript({ config: model, learningRate, steps, title: preset ? PRESETS[preset].label : 'custom settings' });
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
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), CONFIRM_MS);
    return () => clearTimeout(id);
  }, [copied]);

  useEffect(() => {
    if (manual === null) return;
    dialogRef.current?.showModal();
    textRef.current?.select();
  }, [manual]);

  const onCopy = async () => {
    const script = currentScript();
    if (await writeClipboard(script)) setCopied(true);
    else setManual(script);
  };

  return (
    <div className="copy-script">
      <button type="button" onClick={() => void onCopy()} title={t.copyScriptTitle}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <rect x="8" y="8" width="12" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        {t.copyScript}
      </button>
      <span className="copy-note" role="status">
        {copied ? t.scriptCopied : ''}
      </span>
      {manual !== null && (
        <dialog ref={dialogRef} className="script-dialog" aria-labelledby="script-dialog-title" onClose={() => setManual(null)}>
          <h2 id="script-dialog-title">{t.scriptDialogTitle}</h2>
          <p>{t.scriptDialogText}</p>
          <textarea ref={textRef} readOnly wrap="off" value={manual} aria-label={t.numpyScript} rows={18} spellCheck={false} />
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
