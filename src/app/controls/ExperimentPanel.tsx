/** The tutorial's experiments: a preset picker, what the chosen one shows, and the way back to Python. */
import { useId } from 'react';
import { isPresetId, PRESET_IDS, PRESETS } from '../../core/presets';
import { choosePreset } from '../actions';
import { useAppStore } from '../store';
import { CopyScriptButton } from './CopyScriptButton';

/** The picker's value for settings that match no preset. */
const CUSTOM = 'custom';
const CUSTOM_CAPTION = 'Your own settings. Pick one of the tutorial’s four experiments to replay it step for step.';

export function ExperimentPanel() {
  const id = useId();
  const preset = useAppStore((s) => s.preset);
  const caption = preset ? PRESETS[preset].caption : CUSTOM_CAPTION;
  return (
    <section className="experiment">
      <h2>Experiment</h2>
      <div className="field">
        <label htmlFor={id}>Preset</label>
        <select
          id={id}
          value={preset ?? CUSTOM}
          aria-describedby={`${id}-caption`}
          onChange={(e) => choosePreset(isPresetId(e.target.value) ? e.target.value : null)}
        >
          <option value={CUSTOM}>Custom</option>
          {PRESET_IDS.map((p) => (
            <option key={p} value={p}>
              {PRESETS[p].label}
            </option>
          ))}
        </select>
        <p id={`${id}-caption`} className="preset-caption" data-testid="preset-caption">
          {preset && <span className="preset-steps">{PRESETS[preset].steps === 0 ? 'No training' : `Stops at step ${PRESETS[preset].steps}`}</span>}
          {caption}
        </p>
      </div>
      <CopyScriptButton />
    </section>
  );
}
