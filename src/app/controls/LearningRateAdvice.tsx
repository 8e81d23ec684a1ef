/**
 * Says, where the learning rate is set, when the summed gradient makes it too large for
 * this many points and units, and offers the tutorial's rate scaled to them.
 */
import { learningRateRisky, suggestedLearningRate } from '../../core/stability';
import { updateConfig } from '../actions';
import { useAppStore } from '../store';
import { useT } from '../i18n';

export function LearningRateAdvice() {
  const { learningRate, points, hidden } = useAppStore((s) => s.config);
  const t = useT();
  if (!learningRateRisky(learningRate, points, hidden)) return null;
  const suggestion = suggestedLearningRate(points, hidden);
  return (
    <div className="advice" data-testid="lr-advice">
      <p>{t.lrAdvice(points, hidden, suggestion, learningRate, Math.round(learningRate / suggestion))}</p>
      <button type="button" className="small" onClick={() => updateConfig({ learningRate: suggestion })}>
        {t.lrUse(suggestion)}
      </button>
    </div>
  );
}
