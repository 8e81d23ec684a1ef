/**
 * What happened when a run diverged, why, and two ways on from the last good weights:
 * a smaller learning rate, or back to that step to look and change something.
 */
import { suggestedLearningRate } from '../core/stability';
import { rescueRun } from './actions';
import { useAppStore } from './store';

export function Rescue() {
  const divergedAt = useAppStore((s) => s.divergedAt);
  const rescueStep = useAppStore((s) => s.rescueStep);
  const config = useAppStore((s) => s.config);
  if (divergedAt === null || rescueStep === null) return null;
  const suggestion = suggestedLearningRate(config.points, config.hidden);
  return (
    <div className="panel rescue" role="alert">
      <div>
        <strong>
          Diverged at step {divergedAt}: lower the learning rate.
        </strong>
        <p>
          The loss blew up, so training paused and kept the last good weights, from step {rescueStep}. The tutorial sums
          the gradient over all {config.points} points and the output over {config.hidden} units, so its 0.01 scales to about{' '}
          {suggestion} here; {config.learningRate} is {Math.round(config.learningRate / suggestion)}× that.
        </p>
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => rescueRun(true)}>
          Lower learning rate ×0.1 and resume
        </button>
        <button type="button" onClick={() => rescueRun(false)}>
          Rewind to step {rescueStep}
        </button>
      </div>
    </div>
  );
}
