/**
 * The network's settings: its shape (hidden layers, their common width, or each width as a
 * list), the activation and the initialisation. The three shape controls show one setting,
 * config.layers; a lesson that hides 'hidden' hides all three.
 */
import { useCallback } from 'react';
import { ACTIVATIONS } from '../../core/activations';
import { formatLayers, NUMERIC_SPECS, parseLayers } from '../../core/config';
import { INITS } from '../../core/init';
import { updateConfig } from '../actions';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { ActivationPreview } from './ActivationPreview';
import { useShown } from './FixedSettings';
import { commonWidth, withDepth, withWidth } from './networkShape';
import { NumberField } from './NumberField';
import { ParsedField } from './ParsedField';
import { SelectField } from './SelectField';

export function NetworkSection() {
  const config = useAppStore((s) => s.config);
  const t = useT();
  const shown = useShown();
  const { layers } = config;
  const width = commonWidth(layers);
  const setLayers = useCallback((next: readonly number[]) => updateConfig({ layers: next }), []);
  if (!shown('hidden') && !shown('activation') && !shown('init')) return null;
  return (
    <section>
      <h2>{t.network}</h2>
      {shown('hidden') && (
        <>
          <div className="field-pair">
            <NumberField
              label={t.hiddenLayers}
              value={layers.length}
              spec={NUMERIC_SPECS.depth}
              inputMode="numeric"
              onCommit={(depth) => setLayers(withDepth(layers, depth))}
              hint={t.hiddenLayersHint}
            />
            <NumberField
              label={t.hiddenUnits}
              value={width}
              spec={NUMERIC_SPECS.hidden}
              inputMode="numeric"
              onCommit={(w) => setLayers(withWidth(layers, w))}
              placeholder={t.unitsMixed}
              hint={width === null ? t.unitsMixedHint : t.hiddenHint}
            />
          </div>
          <ParsedField
            label={t.layerSizes}
            value={layers}
            parse={parseLayers}
            format={formatLayers}
            inputMode="text"
            onCommit={setLayers}
            hint={t.layerSizesHint}
          />
        </>
      )}
      {shown('activation') && (
        <div className="activation-row">
          <SelectField
            label={t.activation}
            value={config.activation}
            options={ACTIVATIONS}
            labels={t.activationNames}
            onChange={(activation) => updateConfig({ activation })}
          />
          <ActivationPreview activation={config.activation} />
        </div>
      )}
      {shown('init') && (
        <SelectField
          label={t.init}
          value={config.init}
          options={INITS}
          labels={t.initNames}
          onChange={(init) => updateConfig({ init })}
          hint={t.initHints[config.init]}
        />
      )}
    </section>
  );
}
