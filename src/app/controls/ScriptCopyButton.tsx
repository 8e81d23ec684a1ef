/**
 * A "Copy as ... script" button: the current run written by an exporter (numpy, PyTorch).
 * Copies to the clipboard when the browser allows it; otherwise shows the script to copy
 * by hand. Shared by the exporters, which differ only in their writer and their words.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ScriptRun } from '../../core/numpyScript';
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

/** Where an exporter's script stops being the run on screen: the step, and why. */
export interface Difference {
  step: number;
  /** 'points': the page lost data changes; 'batches': its batch orders after loaded weights. */
  reason: 'points' | 'batches' | 'rescue';
}

/** What an exporter gives for the run: its script and where it differs from the run, if it does. */
export type ScriptWriter = (run: ScriptRun) => { script: string; difference: Difference | null };

/** The words of one exporter's button and dialog. */
export interface ScriptWords {
  label: string;
  title: string;
  dialogTitle: string;
  /** The textarea's accessible name. */
  textLabel: string;
}

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

/** The script for the run on screen, trained as far as the run has gone. */
function currentScript(write: ScriptWriter): ReturnType<ScriptWriter> {
  const { config, preset, divergedAt } = useAppStore.getState();
  const { learningRate, speed: _speed, ...model } = config;
  const steps = liveStore.getState().frame?.step ?? 0;
  return write({
    config: model,
    learningRate,
    steps,
    history: currentRecord(),
    divergedAt,
    title: preset ? PRESETS[preset].label : 'custom settings',
  });
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

/** Shown after a copy: the plain confirmation, or where the script is not this run. */
type Copied = { difference: Difference | null };

/**
 * Where the script comes from: an exporter's writer, given the run on screen, or (a
 * comparison's script, of several runs) a producer of the whole script.
 */
export type ScriptSource =
  | { write: ScriptWriter; produce?: never }
  | { produce: () => ReturnType<ScriptWriter>; write?: never };

export function ScriptCopyButton({ words, ...source }: ScriptSource & { words: ScriptWords }) {
  const t = useT();
  const [copied, setCopied] = useState<Copied | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const [difference, setDifference] = useState<Difference | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (copied === null) return;
    const id = setTimeout(() => setCopied(null), copied.difference ? NOTE_MS : CONFIRM_MS);
    return () => clearTimeout(id);
  }, [copied]);

  useEffect(() => {
    if (manual === null) return;
    dialogRef.current?.showModal();
    textRef.current?.select();
  }, [manual]);

  const onCopy = async () => {
    const { script, difference } = source.produce ? source.produce() : currentScript(source.write);
    setDifference(difference);
    if (await writeClipboard(script)) setCopied({ difference });
    else setManual(script);
  };

  const copiedNote = (d: Difference) =>
    ({
      points: t.scriptNotExact,
      batches: t.scriptBatchesNotExact,
      rescue: t.scriptRescueNotExact,
    })[d.reason](d.step);
  const dialogNote = (d: Difference) =>
    ({
      points: t.scriptNotExactNote,
      batches: t.scriptBatchesNotExactNote,
      rescue: t.scriptRescueNotExactNote,
    })[d.reason](d.step);

  return (
    <div className="copy-script">
      <button type="button" onClick={() => void onCopy()} title={words.title}>
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
        {words.label}
      </button>
      <span className={copied?.difference ? 'copy-note not-exact' : 'copy-note'} role="status">
        {copied === null ? '' : copied.difference ? copiedNote(copied.difference) : t.scriptCopied}
      </span>
      {manual !== null && (
        <dialog
          ref={dialogRef}
          className="script-dialog"
          aria-labelledby={titleId}
          onClose={() => setManual(null)}
        >
          <h2 id={titleId}>{words.dialogTitle}</h2>
          <p>{t.scriptDialogText}</p>
          {difference !== null && <p className="script-note">{dialogNote(difference)}</p>}
          <textarea
            ref={textRef}
            readOnly
            wrap="off"
            value={manual}
            aria-label={words.textLabel}
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
