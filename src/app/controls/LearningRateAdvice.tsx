/**
 * Says, where the learning rate is set, when the summed gradient makes it too large for
 * the points trained on and the units, and offers a rate that trains safely there.
 */
import { useShallow } from 'zustand/react/shallow';
import { updateConfig } from '../actions';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { rateAdviceFor } from './rateAdvice';

export function LearningRateAdvice() {
  const { config, customData } = useAppStore(
    useShallow((s) => ({ config: s.config, customData: s.customData })),
  );
  const t = useT();
  const advice = rateAdviceFor({ config, customData });
  if (!advice.risky) return null;
  const { points, layers, suggestion, learningRate, times } = advice;
  return (
    <div className="advice" data-testid="lr-advice">
      <p>{t.lrAdvice(points, layers, suggestion, learningRate, times)}</p>
      <button
        type="button"
        className="small"
        onClick={() => updateConfig({ learningRate: suggestion })}
      >
        {t.lrUse(suggestion)}
      </button>
    </div>
  );
}
