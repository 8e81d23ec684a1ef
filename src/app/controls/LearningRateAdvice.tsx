/**
 * Says, where the learning rate is set, when the summed gradient makes it too large for
 * this many points and units, and offers the tutorial's rate scaled to them.
 */
import { learningRateRisky, suggestedLearningRate } from '../../core/stability';
import { updateConfig } from '../actions';
import { useAppStore } from '../store';

export function LearningRateAdvice() {
  const { learningRate, points, hidden } = useAppStore((s) => s.config);
  if (!learningRateRisky(learningRate, points, hidden)) return null;
  const suggestion = suggestedLearningRate(points, hidden);
  return (
    <div className="advice" data-testid="lr-advice">
      <p>
        The gradient is summed over {points} points and {hidden} units, so the tutorial’s 0.01 scales to about {suggestion}{' '}
        here; {learningRate} is {Math.round(learningRate / suggestion)}× that and may blow up or kill units.
      </p>
      <button type="button" className="small" onClick={() => updateConfig({ learningRate: suggestion })}>
        Use {suggestion}
      </button>
    </div>
  );
}
