/**
 * Says, where the learning rate is set, when it is too large for how the run learns (the
 * summed gradient over the batch, the mean, momentum, or an adaptive optimizer's step per
 * weight) and the network, and offers a rate that trains safely there.
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
  const { suggestion } = advice;
  return (
    <div className="advice" data-testid="lr-advice">
      <p>{t.lrAdvice(advice)}</p>
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
