/**
 * What the learner has chosen to see: the fit plot's extra views, pinned runs and the
 * data point under inspection. Separate from the settings store so views never restart
 * a run, and pinned runs survive every settings change.
 */
import { create } from 'zustand';
import type { RunConfig } from '../../core/config';
import type { PictureViews } from '../../core/protocol';

/** Most runs kept for comparison. */
export const MAX_PINNED = 5;

/** A run frozen for comparison: its settings, loss curve and fit when it was pinned. */
export interface PinnedRun {
  id: number;
  config: RunConfig;
  /** Step at which it was pinned. */
  step: number;
  steps: Float64Array;
  losses: Float32Array;
  curve: Float32Array;
  color: string;
}

export interface ViewState {
  /** Each hidden unit's contribution as a thin line on the fit plot. */
  showUnits: boolean;
  /** Markers on the x axis where each unit's hinge or centre sits. */
  showKinks: boolean;
  /** A segment from each data point to the curve. */
  showResiduals: boolean;
  /** One small plot per hidden layer of its units' activations over x. */
  showLayers: boolean;
  pinned: PinnedRun[];
  /** Index of the data point in the step inspector, or null. */
  selected: number | null;
}

/** Units and kinks show the tutorial's lesson at a glance; residuals are busier, so opt-in. */
export const initialViewState: ViewState = {
  showUnits: true,
  showKinks: true,
  showResiduals: false,
  showLayers: false,
  pinned: [],
  selected: null,
};

export const useViewStore = create<ViewState>()(() => initialViewState);

export function setView(
  patch: Partial<Pick<ViewState, 'showUnits' | 'showKinks' | 'showResiduals' | 'showLayers'>>,
): void {
  useViewStore.setState(patch);
}

export function selectPoint(index: number | null): void {
  useViewStore.setState({ selected: index });
}

/** What the worker must compute for these views (residuals need nothing of it: they are read off the curve). */
export function pictureViews(
  s: Pick<ViewState, 'showUnits' | 'showKinks' | 'showLayers'>,
): PictureViews {
  return { units: s.showUnits, kinks: s.showKinks, layers: s.showLayers };
}
