/** Copies a link that opens exactly this run; says so, or shows the link when the clipboard is unavailable. */
import { useState } from 'react';
import { shareableUrl } from './urlSync';
import { useT } from './i18n';

/** How long the confirmation stays, ms. */
const CONFIRM_MS = 2000;

/** Nothing to say, just copied, or the link shown to copy by hand (no clipboard permission). */
type CopyState = 'idle' | 'copied' | { url: string };

export function CopyLink() {
  const t = useT();
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    const url = shareableUrl();
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
      setTimeout(() => setState('idle'), CONFIRM_MS);
    } catch {
      setState({ url });
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
        {state === 'copied' ? t.copied : t.copyLink}
      </button>
      {typeof state === 'object' && (
        <input
          className="copy-link-fallback"
          aria-label={t.linkToRun}
          readOnly
          value={state.url}
          onFocus={(e) => e.target.select()}
        />
      )}
      <span className="visually-hidden" role="status">
        {state === 'copied' ? t.linkCopied : ''}
      </span>
    </span>
  );
}
