/**
 * What happened when a run diverged, why, and two ways on from the last good weights:
 * a smaller learning rate, or back to that step to look and change something.
 */
import { suggestedLearningRate } from '../core/stability';
import { rescueRun } from './actions';
import { useAppStore } from './store';
import { useT } from './i18n';

export function Rescue() {
  const divergedAt = useAppStore((s) => s.divergedAt);
  const rescueStep = useAppStore((s) => s.rescueStep);
  const config = useAppStore((s) => s.config);
  // A lesson that fixes the rate keeps it: only the way back is offered.
  const rateFixed = useAppStore((s) => s.hiddenControls.includes('learningRate'));
  const t = useT();
  if (divergedAt === null || rescueStep === null) return null;
  const suggestion = suggestedLearningRate(config.points, config.hidden);
  return (
    <div className="panel rescue" role="alert">
      <div>
        <strong>{t.rescueHeading(divergedAt)}</strong>
        <p>{t.rescueWhy(rescueStep, config.points, config.hidden, suggestion, config.learningRate, Math.round(config.learningRate / suggestion))}</p>
      </div>
      <div className="button-row">
        {!rateFixed && (
          <button type="button" className="primary" onClick={() => rescueRun(true)}>
            {t.rescueLower}
          </button>
        )}
        <button type="button" onClick={() => rescueRun(false)}>
          {t.rescueRewind(rescueStep)}
        </button>
      </div>
    </div>
  );
}
