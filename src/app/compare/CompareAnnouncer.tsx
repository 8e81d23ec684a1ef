/**
 * Tells screen readers how the comparison goes, politely and seldom: which run has the
 * lowest training loss every few seconds, and at once when a run diverges.
 */
import { useEffect, useRef } from 'react';
import { formatLoss } from '../format';
import { t } from '../i18n';
import { compareLive } from './compareLive';
import { useCompareStore } from './compareStore';

/** Time between announcements while the runs train, ms. */
const ANNOUNCE_EVERY_MS = 15_000;

export function CompareAnnouncer() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const say = (text: string) => {
      ref.current!.textContent = text;
    };
    const timer = setInterval(() => {
      const { spec, playing } = useCompareStore.getState();
      if (!playing) return;
      let best = -1;
      let bestLoss = Infinity;
      compareLive.getState().runs.forEach((run, i) => {
        const loss = run.frame ? (run.frame.trainLoss ?? run.frame.loss) : NaN;
        if (loss < bestLoss) [best, bestLoss] = [i, loss];
      });
      const value = spec.values[best];
      if (value !== undefined)
        say(t().compareSummary(t().compareRunTitle(spec.vary, value), formatLoss(bestLoss)));
    }, ANNOUNCE_EVERY_MS);
    const unsubscribe = useCompareStore.subscribe((state, previous) => {
      state.runs.forEach((run, i) => {
        if (run.divergedAt !== null && previous.runs[i]?.divergedAt !== run.divergedAt)
          say(t().compareDiverged(t().compareRunTitle(state.spec.vary, run.value), run.divergedAt));
      });
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, []);
  return <div ref={ref} className="visually-hidden" aria-live="polite" />;
}
