/** The tutorial's experiments, the deeper ones and the lessons on learning: a preset picker, what the chosen one shows, and the way back to Python. */
import { useId } from 'react';
import {
  DEEP_PRESET_IDS,
  isPresetId,
  LESSON_PRESET_IDS,
  PRESETS,
  TUTORIAL_PRESET_IDS,
} from '../../core/presets';
import { choosePreset } from '../actions';
import { useAppStore } from '../store';
import { CopyScriptButton, CopyTorchScriptButton } from './CopyScriptButton';
import { useT } from '../i18n';

/** The picker's value for settings that match no preset. */
const CUSTOM = 'custom';

export function ExperimentPanel() {
  const id = useId();
  const preset = useAppStore((s) => s.preset);
  const t = useT();
  // Captions and labels come from the dictionary by preset id; core keeps the English originals.
  const caption = preset ? t.presetCaptions[preset] : t.customCaption;
  return (
    <section className="experiment">
      <h2>{t.experiment}</h2>
      <div className="field">
        <label htmlFor={id}>{t.preset}</label>
        <select
          id={id}
          value={preset ?? CUSTOM}
          aria-describedby={`${id}-caption`}
          onChange={(e) => choosePreset(isPresetId(e.target.value) ? e.target.value : null)}
        >
          <option value={CUSTOM}>{t.custom}</option>
          <optgroup label={t.presetGroupTutorial}>
            {TUTORIAL_PRESET_IDS.map((p) => (
              <option key={p} value={p}>
                {t.presetLabels[p]}
              </option>
            ))}
          </optgroup>
          <optgroup label={t.presetGroupDeep}>
            {DEEP_PRESET_IDS.map((p) => (
              <option key={p} value={p}>
                {t.presetLabels[p]}
              </option>
            ))}
          </optgroup>
          <optgroup label={t.presetGroupLearning}>
            {LESSON_PRESET_IDS.map((p) => (
              <option key={p} value={p}>
                {t.presetLabels[p]}
              </option>
            ))}
          </optgroup>
        </select>
        <p id={`${id}-caption`} className="preset-caption" data-testid="preset-caption">
          {preset && (
            <span className="preset-steps">
              {PRESETS[preset].steps === 0 ? t.noTraining : t.stopsAt(PRESETS[preset].steps)}
            </span>
          )}
          {caption}
        </p>
      </div>
      <div className="copy-scripts">
        <CopyScriptButton />
        <CopyTorchScriptButton />
      </div>
    </section>
  );
}
