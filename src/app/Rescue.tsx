/**
 * What happened when a run diverged, why, and two ways on from the weights kept (those
 * from before the loss began to climb): a rate the advice calls safe, or back to that
 * step to look and change something.
 */
import { useShallow } from 'zustand/react/shallow';
import { rescueRun } from './actions';
import { rateAdviceFor } from './controls/rateAdvice';
import { useAppStore } from './store';
import { useT } from './i18n';

export function Rescue() {
  const divergedAt = useAppStore((s) => s.divergedAt);
  const rescueStep = useAppStore((s) => s.rescueStep);
  const { config, customData } = useAppStore(
    useShallow((s) => ({ config: s.config, customData: s.customData })),
  );
  // A lesson that fixes the rate keeps it: only the way back is offered.
  const rateFixed = useAppStore((s) => s.hiddenControls.includes('learningRate'));
  const t = useT();
  if (divergedAt === null || rescueStep === null) return null;
  const advice = rateAdviceFor({ config, customData });
  return (
    <div className="panel rescue" role="alert">
      <div>
        <strong>{t.rescueHeading(divergedAt)}</strong>
        <p>{t.rescueKept(rescueStep)}</p>
        <p>{t.rescueWhy(advice)}</p>
      </div>
      <div className="button-row">
        {!rateFixed && (
          <button type="button" className="primary" onClick={() => rescueRun(true)}>
            {t.rescueLower(advice.rescue)}
          </button>
        )}
        <button type="button" onClick={() => rescueRun(false)}>
          {t.rescueRewind(rescueStep)}
        </button>
      </div>
    </div>
  );
}
