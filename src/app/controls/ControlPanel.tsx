/** Every setting of the run, grouped as the tutorial builds it: data, network, training. */
import { NUMERIC_SPECS } from '../../core/config';
import { DATASETS, DEFAULT_EXPRESSION } from '../../core/dataset';
import { DataTools } from '../data/DataTools';
import { ExpressionField } from './ExpressionField';
import { randomizeSeed, updateConfig } from '../actions';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { ExperimentPanel } from './ExperimentPanel';
import { FixedSettings, useShown } from './FixedSettings';
import { NumberField } from './NumberField';
import { NetworkSection } from './NetworkSection';
import { SelectField } from './SelectField';
import { TrainingSection } from './TrainingSection';

export function ControlPanel() {
  const config = useAppStore((s) => s.config);
  const t = useT();
  const shown = useShown();
  return (
    <aside className="panel controls" id="settings" tabIndex={-1} aria-label={t.settings}>
      <FixedSettings />
      {shown('preset') && <ExperimentPanel />}
      {(['dataset', 'points', 'noise', 'seed', 'ownData', 'testShare'] as const).some(shown) && (
        <section>
          <h2>{t.data}</h2>
          {shown('dataset') && (
            <SelectField
              label={t.dataset}
              value={config.dataset}
              options={DATASETS}
              labels={t.datasetNames}
              onChange={(dataset) => updateConfig({ dataset })}
            />
          )}
          {shown('dataset') && config.dataset === 'custom' && (
            <ExpressionField
              value={config.expression ?? DEFAULT_EXPRESSION}
              onCommit={(expression) => updateConfig({ expression })}
            />
          )}
          <div className="field-pair">
            {shown('points') && (
              <NumberField
                label={t.points}
                value={config.points}
                spec={NUMERIC_SPECS.points}
                inputMode="numeric"
                onCommit={(points) => updateConfig({ points })}
                hint="2 – 5000"
              />
            )}
            {shown('noise') && (
              <NumberField
                label={t.noise}
                value={config.noise}
                spec={NUMERIC_SPECS.noise}
                onCommit={(noise) => updateConfig({ noise })}
                hint={t.noiseHint}
              />
            )}
          </div>
          {shown('seed') && (
            <NumberField
              label={t.seed}
              value={config.seed}
              spec={NUMERIC_SPECS.seed}
              inputMode="numeric"
              onCommit={(seed) => updateConfig({ seed })}
              hint={t.seedHint}
            >
              <button
                type="button"
                className="icon-button"
                onClick={randomizeSeed}
                aria-label={t.newSeed}
                title={t.newSeed}
              >
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                  <rect
                    x="3"
                    y="3"
                    width="18"
                    height="18"
                    rx="4"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                  />
                  <circle cx="8.5" cy="8.5" r="1.5" fill="currentColor" />
                  <circle cx="15.5" cy="15.5" r="1.5" fill="currentColor" />
                  <circle cx="12" cy="12" r="1.5" fill="currentColor" />
                </svg>
              </button>
            </NumberField>
          )}
          {(shown('ownData') || shown('testShare')) && (
            <DataTools ownData={shown('ownData')} testShare={shown('testShare')} />
          )}
        </section>
      )}
      <NetworkSection />
      <TrainingSection />
    </aside>
  );
}
