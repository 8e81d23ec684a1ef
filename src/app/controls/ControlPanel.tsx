/** Every setting of the run, grouped as the tutorial builds it: data, network, training. */
import { ACTIVATION_LABELS, ACTIVATIONS } from '../../core/activations';
import { NUMERIC_SPECS } from '../../core/config';
import { DATASET_LABELS, DATASETS, DEFAULT_EXPRESSION } from '../../core/dataset';
import { DataTools } from '../data/DataTools';
import { ActivationPreview } from './ActivationPreview';
import { ExpressionField } from './ExpressionField';
import { randomizeSeed, updateConfig } from '../actions';
import { useAppStore } from '../store';
import { ExperimentPanel } from './ExperimentPanel';
import { LearningRateAdvice } from './LearningRateAdvice';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { SpeedField } from './SpeedField';

export function ControlPanel() {
  const config = useAppStore((s) => s.config);
  return (
    <aside className="panel controls" aria-label="Settings">
      <ExperimentPanel />
      <section>
        <h2>Data</h2>
        <SelectField label="Dataset" value={config.dataset} options={DATASETS} labels={DATASET_LABELS} onChange={(dataset) => updateConfig({ dataset })} />
        {config.dataset === 'custom' && <ExpressionField value={config.expression ?? DEFAULT_EXPRESSION} onCommit={(expression) => updateConfig({ expression })} />}
        <div className="field-pair">
          <NumberField label="Points" value={config.points} spec={NUMERIC_SPECS.points} inputMode="numeric" onCommit={(points) => updateConfig({ points })} hint="2 – 5000" />
          <NumberField label="Noise" value={config.noise} spec={NUMERIC_SPECS.noise} onCommit={(noise) => updateConfig({ noise })} hint="std. dev., 0 – 2" />
        </div>
        <NumberField label="Seed" value={config.seed} spec={NUMERIC_SPECS.seed} inputMode="numeric" onCommit={(seed) => updateConfig({ seed })} hint="Same seed, same data and weights.">
          <button type="button" className="icon-button" onClick={randomizeSeed} aria-label="New random seed" title="New random seed">
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <rect x="3" y="3" width="18" height="18" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
              <circle cx="8.5" cy="8.5" r="1.5" fill="currentColor" />
              <circle cx="15.5" cy="15.5" r="1.5" fill="currentColor" />
              <circle cx="12" cy="12" r="1.5" fill="currentColor" />
            </svg>
          </button>
        </NumberField>
        <DataTools />
      </section>
      <section>
        <h2>Network</h2>
        <NumberField label="Hidden units" value={config.hidden} spec={NUMERIC_SPECS.hidden} inputMode="numeric" onCommit={(hidden) => updateConfig({ hidden })} hint="1 → H → 1, H from 1 to 1024" />
        <div className="activation-row">
          <SelectField label="Activation" value={config.activation} options={ACTIVATIONS} labels={ACTIVATION_LABELS} onChange={(activation) => updateConfig({ activation })} />
          <ActivationPreview activation={config.activation} />
        </div>
      </section>
      <section>
        <h2>Training</h2>
        <NumberField label="Learning rate" value={config.learningRate} spec={NUMERIC_SPECS.learningRate} onCommit={(learningRate) => updateConfig({ learningRate })} hint="Plain SGD on the summed gradient. Live." />
        <LearningRateAdvice />
        <SpeedField value={config.speed} onChange={(speed) => updateConfig({ speed })} />
      </section>
    </aside>
  );
}
