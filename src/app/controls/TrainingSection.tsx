/**
 * How the run learns, in the order a learner meets it: the optimizer (and its momentum),
 * the learning rate and its advice, the batch and how its gradient is combined, the L1/L2
 * penalties, then the speed. Every one changes live (updateConfig), without a restart.
 */
import { NUMERIC_SPECS } from '../../core/config';
import { OPTIMIZERS, REDUCTIONS, TRAINING_NUMERIC_SPECS } from '../../core/trainingOptions';
import { updateConfig } from '../actions';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { BatchField } from './BatchField';
import { useShown } from './FixedSettings';
import { LearningRateAdvice } from './LearningRateAdvice';
import { NumberField } from './NumberField';
import { trainingPointsFor } from './rateAdvice';
import { SelectField } from './SelectField';
import { SpeedField } from './SpeedField';

const setBatch = (batchSize: number | null) => updateConfig({ batchSize });

/** The controls of this section, as a lesson link hides them. */
const SECTION = [
  'optimizer',
  'momentum',
  'learningRate',
  'batchSize',
  'reduction',
  'l1',
  'l2',
  'speed',
] as const;

export function TrainingSection() {
  const config = useAppStore((s) => s.config);
  const points = useAppStore(trainingPointsFor);
  const t = useT();
  const shown = useShown();
  if (!SECTION.some(shown)) return null;
  return (
    <section aria-labelledby="training-heading">
      <h2 id="training-heading">{t.trainingSection}</h2>
      {shown('optimizer') && (
        <SelectField
          label={t.optimizer}
          value={config.optimizer}
          options={OPTIMIZERS}
          labels={t.optimizerNames}
          onChange={(optimizer) => updateConfig({ optimizer })}
          hint={t.optimizerHints[config.optimizer]}
        />
      )}
      {shown('momentum') && config.optimizer === 'momentum' && (
        <NumberField
          label={t.momentum}
          value={config.momentum}
          spec={TRAINING_NUMERIC_SPECS.momentum}
          onCommit={(momentum) => updateConfig({ momentum })}
          hint={t.momentumHint}
        />
      )}
      {shown('learningRate') && (
        <NumberField
          label={t.learningRate}
          value={config.learningRate}
          spec={NUMERIC_SPECS.learningRate}
          onCommit={(learningRate) => updateConfig({ learningRate })}
          hint={t.learningRateHint}
        />
      )}
      {shown('learningRate') && <LearningRateAdvice />}
      {shown('batchSize') && (
        <BatchField value={config.batchSize} points={points} onCommit={setBatch} />
      )}
      {shown('reduction') && (
        <SelectField
          label={t.gradient}
          value={config.reduction}
          options={REDUCTIONS}
          labels={t.reductionNames}
          onChange={(reduction) => updateConfig({ reduction })}
          hint={t.reductionHints[config.reduction]}
        />
      )}
      {(shown('l1') || shown('l2')) && (
        <div className="field-pair">
          {shown('l1') && (
            <NumberField
              label={t.l1}
              value={config.l1}
              spec={TRAINING_NUMERIC_SPECS.l1}
              onCommit={(l1) => updateConfig({ l1 })}
              hint={t.l1Hint}
            />
          )}
          {shown('l2') && (
            <NumberField
              label={t.l2}
              value={config.l2}
              spec={TRAINING_NUMERIC_SPECS.l2}
              onCommit={(l2) => updateConfig({ l2 })}
              hint={t.l2Hint}
            />
          )}
        </div>
      )}
      {shown('speed') && (
        <SpeedField value={config.speed} onChange={(speed) => updateConfig({ speed })} />
      )}
    </section>
  );
}
