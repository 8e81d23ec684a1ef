/** The single view's way into the comparison (beside its transport). */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { enterCompare, useModeStore } from './mode';

/** Squares of a 2x2 grid: the comparison's small multiples. */
function GridIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      {[
        [3, 4],
        [13, 4],
        [3, 13],
        [13, 13],
      ].map(([x, y]) => (
        <rect
          key={`${x},${y}`}
          x={x}
          y={y}
          width="8"
          height="7"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        />
      ))}
    </svg>
  );
}

/** Opens the comparison; takes the focus back when the comparison closes. */
export function CompareButton() {
  const t = useT();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!useModeStore.getState().returnFocus) return;
    useModeStore.setState({ returnFocus: false });
    ref.current?.focus();
  }, []);
  return (
    <button
      ref={ref}
      type="button"
      className="compare-open"
      onClick={() => enterCompare()}
      title={t.compareOpenTitle}
    >
      <GridIcon />
      {t.compareOpen}
    </button>
  );
}
