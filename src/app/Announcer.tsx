/**
 * Tells screen readers how training is going, politely and not every frame: the step and
 * loss every few seconds while running, and at once when the run pauses or stops, or
 * when the data runs out (all points cleared).
 */
import { useEffect, useRef } from 'react';
import { formatLoss } from './format';
import { liveStore } from './liveStore';
import { t } from './i18n';

/** Time between announcements while training, ms. */
const ANNOUNCE_EVERY_MS = 10_000;

export function Announcer() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let lastAt = 0;
    let lastState = '';
    return liveStore.subscribe(({ frame }) => {
      if (!frame) return;
      const now = performance.now();
      // A NaN loss outside divergence means there is nothing to average over: no points.
      const noData = Number.isNaN(frame.loss) && frame.state !== 'diverged';
      const state = noData ? 'no data' : frame.state;
      const changed = state !== lastState;
      if (!changed && now - lastAt < ANNOUNCE_EVERY_MS) return;
      lastAt = now;
      lastState = state;
      const prefix = frame.state === 'running' ? '' : frame.state;
      ref.current!.textContent = noData
        ? t().announceNoData
        : // The Loss readout's: on all the training points, also under mini-batches.
          t().announce(prefix, frame.step, formatLoss(frame.trainLoss ?? frame.loss));
    });
  }, []);
  return (
    <div
      ref={ref}
      className="visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="announcer"
    />
  );
}
