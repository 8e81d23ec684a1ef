/**
 * "Share…": a teacher ticks the settings students should not change and copies a link that
 * hides them (the `hide` key of the URL). A native modal dialog: focus moves in, Escape
 * closes, focus returns to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { HIDEABLE_CONTROLS, type HideableControl } from '../core/urlState';
import { controlLabel } from './controls/FixedSettings';
import { useT } from './i18n';
import { useAppStore } from './store';
import { shareableUrl } from './urlSync';

export function ShareDialog() {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [hide, setHide] = useState<HideableControl[]>([]);
  const [copied, setCopied] = useState(false);
  // Rendered only while open, so its checkboxes never shadow the panel's own labels.
  const [isOpen, setOpen] = useState(false);
  const url = shareableUrl(hide);

  useEffect(() => {
    if (isOpen) dialog.current?.showModal();
  }, [isOpen]);

  const open = () => {
    setHide(useAppStore.getState().hiddenControls);
    setCopied(false);
    setOpen(true);
  };
  const toggle = (control: HideableControl, on: boolean) => {
    setCopied(false);
    setHide((h) => HIDEABLE_CONTROLS.filter((c) => (c === control ? on : h.includes(c))));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: the link is in the box below, selected, to copy by hand.
      document.getElementById('share-url')?.focus();
    }
  };

  return (
    <>
      <button type="button" className="small" onClick={open} aria-haspopup="dialog">
        {t.share}
      </button>
      {isOpen && (
        <dialog
          ref={dialog}
          className="share-dialog"
          aria-labelledby="share-title"
          onClose={() => setOpen(false)}
        >
          <h2 id="share-title">{t.shareTitle}</h2>
          <p>{t.shareIntro}</p>
          <fieldset className="share-options">
            <legend className="visually-hidden">{t.shareTitle}</legend>
            {HIDEABLE_CONTROLS.map((control) => (
              <label key={control} className="toggle">
                <input
                  type="checkbox"
                  checked={hide.includes(control)}
                  onChange={(e) => toggle(control, e.target.checked)}
                />
                {controlLabel(t, control)}
              </label>
            ))}
          </fieldset>
          <input
            id="share-url"
            className="share-url"
            aria-label={t.linkToRun}
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
          />
          <div className="share-actions">
            <span className="copy-note" role="status">
              {copied ? t.shareCopied : ''}
            </span>
            <button type="button" className="primary" onClick={() => void copy()}>
              {t.shareCopy}
            </button>
            <form method="dialog">
              <button type="submit">{t.close}</button>
            </form>
          </div>
        </dialog>
      )}
    </>
  );
}
