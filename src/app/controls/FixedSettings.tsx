/**
 * What a lesson link fixes: the hidden controls are not rendered; their values are listed
 * here as plain text, so a student still sees what the run uses, and when a preset or a
 * model file asked for other values, which ones the lesson kept.
 */
import { useCallback } from 'react';
import { formatLayers, formatSpeed } from '../../core/config';
import type { HideableControl } from '../../core/urlState';
import { useT, type Messages } from '../i18n';
import { useAppStore, type AppState } from '../store';

/** `shown(control)`: false when the link hides it. */
export function useShown(): (control: HideableControl) => boolean {
  const hidden = useAppStore((s) => s.hiddenControls);
  return useCallback((control) => !hidden.includes(control), [hidden]);
}

/** A control's label, as the panel shows it. */
export function controlLabel(t: Messages, control: HideableControl): string {
  const labels: Record<HideableControl, string> = {
    preset: t.preset,
    dataset: t.dataset,
    points: t.points,
    noise: t.noise,
    seed: t.seed,
    ownData: t.ownData,
    testShare: t.testShare,
    hidden: t.networkShape,
    activation: t.activation,
    init: t.init,
    learningRate: t.learningRate,
    speed: t.speed,
    optimizer: t.optimizer,
    momentum: t.momentum,
    batchSize: t.batchSize,
    reduction: t.gradient,
    l1: t.l1,
    l2: t.l2,
  };
  return labels[control];
}

/** Whether a fixed setting means anything for the run: momentum only for its optimizer. */
function relevant(config: Shown['config'], control: HideableControl): boolean {
  return control !== 'momentum' || config.optimizer === 'momentum';
}

type Shown = Pick<AppState, 'config' | 'preset' | 'customData'>;

function controlValue(t: Messages, state: Shown, control: HideableControl): string {
  const { config } = state;
  switch (control) {
    case 'preset':
      return state.preset ? t.presetLabels[state.preset] : t.custom;
    case 'dataset':
      return config.dataset === 'custom'
        ? `y = ${config.expression ?? ''}`
        : t.datasetNames[config.dataset];
    case 'activation':
      return t.activationNames[config.activation];
    case 'hidden':
      return formatLayers(config.layers);
    case 'init':
      return t.initNames[config.init];
    case 'speed':
      return Number.isFinite(config.speed) ? formatSpeed(config.speed) : t.speedMax;
    case 'testShare':
      return `${Math.round(config.testShare * 100)}%`;
    case 'optimizer':
      return t.optimizerNames[config.optimizer];
    case 'reduction':
      return t.reductionNames[config.reduction];
    case 'batchSize':
      return config.batchSize === null ? t.batchFull : String(config.batchSize);
    case 'ownData':
      return state.customData ? t.ownDataPoints(state.customData.x.length) : t.ownDataGenerated;
    default:
      return String(config[control]);
  }
}

/** "Activation (ReLU), Hidden units (10)": the settings a lesson kept, with their values. */
export function keptText(t: Messages, state: Shown, kept: readonly HideableControl[]): string {
  return kept
    .map((c) => `${controlLabel(t, c)} (${controlValue(t, state, c)})`)
    .join(t.listSeparator);
}

export function FixedSettings() {
  const t = useT();
  const hidden = useAppStore((s) => s.hiddenControls);
  const config = useAppStore((s) => s.config);
  const preset = useAppStore((s) => s.preset);
  const customData = useAppStore((s) => s.customData);
  const kept = useAppStore((s) => s.lessonKept);
  if (hidden.length === 0) return null;
  const state = { config, preset, customData };
  return (
    <section className="fixed-settings" data-testid="fixed-settings">
      <p className="fixed-note">
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
          <rect x="5" y="11" width="14" height="9" rx="2" fill="currentColor" />
          <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        {t.fixedByLesson}
      </p>
      <dl className="fixed-list">
        {hidden
          .filter((c) => relevant(config, c))
          .map((control) => (
            <div key={control}>
              <dt>{controlLabel(t, control)}</dt>
              <dd>{controlValue(t, state, control)}</dd>
            </div>
          ))}
      </dl>
      <p className="lesson-kept" role="status" data-testid="lesson-kept">
        {kept ? t.lessonKept(keptText(t, state, kept)) : ''}
      </p>
    </section>
  );
}
