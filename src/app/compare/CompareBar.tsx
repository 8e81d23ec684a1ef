/**
 * The comparison's controls: the way back, what varies, and the transport (Play/Pause,
 * Step, Reset, speed) acting on every run together.
 */
import { useId } from 'react';
import { PlayIcon } from '../PlayIcon';
import { VARY_KEYS, isVaryKey } from '../../core/compare';
import { ScriptCopyButton } from '../controls/ScriptCopyButton';
import { SpeedField } from '../controls/SpeedField';
import { useT } from '../i18n';
import { leaveCompare } from './mode';
import { resetAll, setSpeed, setVary, stepAll, togglePlaying } from './compareActions';
import { compareScriptNow } from './compareScriptSource';
import { useCompareStore } from './compareStore';
import { RunValues } from './RunValues';

export function CompareBar() {
  const t = useT();
  const varyId = useId();
  const vary = useCompareStore((s) => s.spec.vary);
  const playing = useCompareStore((s) => s.playing);
  const speed = useCompareStore((s) => s.speed);
  return (
    <div className="panel compare-bar">
      <div className="compare-bar-row">
        <button type="button" className="compare-back" onClick={leaveCompare}>
          <span aria-hidden="true">←</span> {t.compareBack}
        </button>
        <div className="buttons">
          <button type="button" className="primary" onClick={togglePlaying}>
            <PlayIcon playing={playing} />
            {playing ? t.pause : t.play}
          </button>
          <button type="button" onClick={stepAll} title={t.compareStepAllTitle}>
            {t.step}
          </button>
          <button type="button" onClick={resetAll} title={t.compareResetAllTitle}>
            {t.reset}
          </button>
        </div>
        <div className="compare-speed">
          <SpeedField value={speed} onChange={setSpeed} />
        </div>
        <ScriptCopyButton
          produce={compareScriptNow}
          words={{
            label: t.copyScript,
            title: t.compareCopyScriptTitle,
            dialogTitle: t.scriptDialogTitle,
            textLabel: t.numpyScript,
          }}
        />
      </div>
      <div className="compare-bar-row compare-settings">
        <div className="field compare-vary">
          <label htmlFor={varyId}>{t.compareVary}</label>
          <select
            id={varyId}
            value={vary}
            onChange={(e) => {
              if (isVaryKey(e.target.value)) setVary(e.target.value);
            }}
          >
            {VARY_KEYS.map((key) => (
              <option key={key} value={key}>
                {t.compareVaryLabel(key)}
              </option>
            ))}
          </select>
        </div>
        <RunValues />
      </div>
    </div>
  );
}
