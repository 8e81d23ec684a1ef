/** Pin the current run for comparison; list, unpin and clear pinned runs. */
import { clearPinned, pinLabels, pinRun, unpin } from './pins';
import { MAX_PINNED, useViewStore } from './viewStore';
import { useMemo } from 'react';
import { useT } from '../i18n';

export function PinButtons() {
  const count = useViewStore((s) => s.pinned.length);
  const full = count >= MAX_PINNED;
  const t = useT();
  return (
    <div className="pin-buttons">
      <button
        type="button"
        className="small"
        onClick={pinRun}
        disabled={full}
        title={full ? t.pinFull(MAX_PINNED) : t.pinRunTitle}
      >
        {t.pinRun}
      </button>
      <button type="button" className="small" onClick={clearPinned} disabled={count === 0}>
        {t.clearPinned}
      </button>
    </div>
  );
}

export function PinnedList() {
  const pinned = useViewStore((s) => s.pinned);
  const labels = useMemo(() => pinLabels(pinned), [pinned]);
  const t = useT();
  if (pinned.length === 0) return null;
  return (
    <ul className="pinned-list" aria-label={t.pinnedRuns}>
      {pinned.map((pin, i) => (
        <li key={pin.id} className="pin-chip" data-testid="pinned-run">
          <span className="pin-swatch" style={{ background: pin.color }} aria-hidden="true" />
          <span>{labels[i]}</span>
          <span className="pin-step">{t.pinStep(pin.step)}</span>
          <button
            type="button"
            className="pin-remove"
            onClick={() => unpin(pin.id)}
            aria-label={`${t.unpin} ${labels[i]}`}
            title={t.unpin}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
