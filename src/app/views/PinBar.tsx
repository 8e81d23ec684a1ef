/** Pin the current run for comparison; list, unpin and clear pinned runs. */
import { clearPinned, pinLabels, pinRun, unpin } from './pins';
import { MAX_PINNED, useViewStore } from './viewStore';
import { useMemo } from 'react';

export function PinButtons() {
  const count = useViewStore((s) => s.pinned.length);
  const full = count >= MAX_PINNED;
  return (
    <div className="pin-buttons">
      <button type="button" className="small" onClick={pinRun} disabled={full} title={full ? `Up to ${MAX_PINNED} pinned runs: unpin one first` : 'Keep this run’s loss curve and fit to compare with the next'}>
        Pin run
      </button>
      <button type="button" className="small" onClick={clearPinned} disabled={count === 0}>
        Clear pinned
      </button>
    </div>
  );
}

export function PinnedList() {
  const pinned = useViewStore((s) => s.pinned);
  const labels = useMemo(() => pinLabels(pinned), [pinned]);
  if (pinned.length === 0) return null;
  return (
    <ul className="pinned-list" aria-label="Pinned runs">
      {pinned.map((pin, i) => (
        <li key={pin.id} className="pin-chip" data-testid="pinned-run">
          <span className="pin-swatch" style={{ background: pin.color }} aria-hidden="true" />
          <span>{labels[i]}</span>
          <span className="pin-step">step {pin.step}</span>
          <button type="button" className="pin-remove" onClick={() => unpin(pin.id)} aria-label={`Unpin ${labels[i]}`} title="Unpin">
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
