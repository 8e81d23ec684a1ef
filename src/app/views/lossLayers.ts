/**
 * The loss plot's reference lines and pinned runs. One is the true function's error on
 * these points; the other, what a network without activation can reach at best. Both are
 * flat lines across the steps shown, explained in the key below the plot (LossNote): text
 * on the plot ran into itself and into the curve.
 */
import { useMemo } from 'react';
import { lossBaselines, type Baselines } from '../../core/baselines';
import { targetFunction } from '../../core/dataset';
import { formatLoss } from '../format';
import { t } from '../i18n';
import type { Data } from '../plots/plotStyle';
import { useAppStore } from '../store';
import { pinLabels } from './pins';
import { useRunData } from './runData';
import { useViewStore, type PinnedRun } from './viewStore';

const FLOOR_COLOR = '#059669';
const LINE_COLOR = '#64748b';

/** Baselines of the current data, and the pinned runs with their labels, as React state. */
export function useLossLayers(): {
  baselines: Baselines;
  pinned: readonly PinnedRun[];
  labels: readonly string[];
} {
  const dataset = useAppStore((s) => s.config.dataset);
  const expression = useAppStore((s) => s.config.expression);
  const { train } = useRunData();
  const pinned = useViewStore((s) => s.pinned);
  // On the points trained on, against the target the settings name (also for edited points).
  const baselines = useMemo(
    () => lossBaselines(train.x, train.y, targetFunction({ dataset, expression })),
    [train, dataset, expression],
  );
  const labels = useMemo(() => pinLabels(pinned), [pinned]);
  return { baselines, pinned, labels };
}

export function pinnedLossTraces(pinned: readonly PinnedRun[], labels: readonly string[]): Data[] {
  return pinned.map((pin, i) => ({
    name: t().pinnedTrace(labels[i]!),
    x: pin.steps,
    y: pin.losses,
    mode: 'lines',
    line: { color: pin.color, width: 1.6 },
    opacity: 0.6,
    hovertemplate: `${labels[i]}<br>${t().hoverStepLoss}<extra></extra>`,
  }));
}

/** The widest step range on show, so the flat lines span the whole plot. */
export function lastStepShown(liveLast: number, pinned: readonly PinnedRun[]): number {
  let last = Math.max(1, liveLast);
  for (const pin of pinned)
    if (pin.steps.length > 0) last = Math.max(last, pin.steps[pin.steps.length - 1]!);
  return last;
}

/** The two reference lines; on a log axis a zero level (no noise) cannot be drawn and is left out. */
export function baselineTraces(b: Baselines, lastStep: number, logScale: boolean): Data[] {
  const traces: Data[] = [];
  const add = (name: string, label: string, value: number, color: string, dash: 'dot' | 'dash') => {
    if (!Number.isFinite(value) || (logScale && value <= 0)) return;
    traces.push({
      name,
      x: [0, lastStep],
      y: [value, value],
      mode: 'lines',
      line: { color, width: 1.5, dash },
      hovertemplate: `${label}: ${formatLoss(value)}<extra></extra>`,
    });
  };
  // Trace names stay English (tests read them); the hover labels follow the language.
  add('noise floor', t().plotNoiseFloor, b.noiseFloor, FLOOR_COLOR, 'dot');
  add('best line', t().plotBestLine, b.bestLine, LINE_COLOR, 'dash');
  return traces;
}
