/**
 * A comparison's settings and UI state (React reads it through narrow selectors). Its
 * frames and losses live in compareLive instead, so frames never cause React renders.
 */
import { create } from 'zustand';
import { DEFAULT_COMPARE, type CompareSpec } from '../../core/compare';
import type { RunConfig } from '../../core/config';
import type { LabeledData, RunState } from '../../core/protocol';
import type { RunFailure } from './RunWorker';

/** One run's state as the page shows it. */
export interface RunUi {
  /** Its value of the varied setting (canonical): its name. */
  value: string;
  /** What its worker last said ('starting' until its first frame). */
  state: RunState | 'starting';
  /** Step at which it diverged, while it is diverged. */
  divergedAt: number | null;
  /** Step of its last good weights, where a rescue goes back to. */
  rescueStep: number | null;
  /** Its learning rate, when a rescue has lowered it below the one its settings give. */
  rescuedRate: number | null;
  /** Why its worker stopped, or null. */
  failure: RunFailure | null;
}

export interface CompareState {
  spec: CompareSpec;
  /** The single view's settings when the comparison opened: every run's, but the varied one. */
  base: RunConfig | null;
  /** The single view's own points (edited, imported), or null for the generated data. */
  customData: LabeledData | null;
  /** Play or Pause, for all the runs together. */
  playing: boolean;
  /** Steps per second for every run (Infinity: as fast as possible). */
  speed: number;
  /** One per value of spec, in its order. */
  runs: RunUi[];
}

export const newRunUi = (value: string): RunUi => ({
  value,
  state: 'starting',
  divergedAt: null,
  rescueStep: null,
  rescuedRate: null,
  failure: null,
});

export const initialCompareState: CompareState = {
  spec: DEFAULT_COMPARE,
  base: null,
  customData: null,
  playing: true,
  speed: Infinity,
  runs: [],
};

export const useCompareStore = create<CompareState>()(() => initialCompareState);

/** Applies `patch` to run `index` (nothing when it is gone). */
export function patchRun(index: number, patch: Partial<RunUi>): void {
  useCompareStore.setState((s) => ({
    runs: s.runs.map((run, i) => (i === index ? { ...run, ...patch } : run)),
  }));
}
