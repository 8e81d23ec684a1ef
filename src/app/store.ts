/**
 * The page's one zustand store for settings and UI state. High-frequency training data
 * lives in liveStore instead, so frames never cause React renders.
 */
import { create, type StateCreator } from 'zustand';
import { DEFAULT_CONFIG, type RunConfig } from '../core/config';
import type { PresetId } from '../core/presets';
import type { CsvProblem, CsvRescaled, UrlProblem } from '../core/problems';
import type { LabeledData, RunState } from '../core/protocol';
import type { HideableControl } from '../core/urlState';
import { keepLesson } from './lessonLock';
import type { Theme, ThemeChoice } from './theme';

/** What happened to the learner's data, as data: worded in the language in force when shown. */
export type DataNote =
  | { kind: 'imported'; file: string; count: number; rescaled: CsvRescaled | null }
  | { kind: 'importFailed'; file: string; problem: CsvProblem }
  | { kind: 'cleared' }
  | { kind: 'full'; max: number }
  /** The CSV code, loaded on first use, did not load (e.g. the site was updated since the page was opened). */
  | { kind: 'csvUnavailable' };

export interface AppState {
  config: RunConfig;
  /** The tutorial experiment whose settings are in force, or null once the user edits one. */
  preset: PresetId | null;
  /** The user wants training to run (Play) or not (Pause). */
  playing: boolean;
  /** Id of the current run; frames from any other id are stale. */
  runId: number;
  /** What the worker last said about the current run ('starting' until its first frame). */
  runState: RunState | 'starting';
  divergedAt: number | null;
  /** Step of the last good weights of a diverged run (where a rescue goes back to). */
  rescueStep: number | null;
  /** Message when the worker failed to load or crashed. */
  workerError: string | null;
  /** Loss plot on a logarithmic y axis. */
  logScale: boolean;
  /** What the user picked; 'system' follows the operating system. */
  themeChoice: ThemeChoice;
  /** The theme in force. */
  theme: Theme;
  /** What was wrong with the link the page was opened with, until dismissed. */
  urlNotice: UrlProblem[] | null;
  /** The learner's own data (edited, imported, cleared), or null for the generated data. */
  customData: LabeledData | null;
  /** What happened to the data last (an import, an error), shown under the data tools. */
  dataNote: DataNote | null;
  /** Clicking the fit plot adds, moves or removes points. */
  editing: boolean;
  /** In edit mode, a click removes a point (for touch screens, which have no Shift). */
  deleting: boolean;
  /** Controls the link hides (a lesson's fixed settings). */
  hiddenControls: HideableControl[];
  /** Hidden controls whose values the lesson kept when the last change asked for others, or null. */
  lessonKept: HideableControl[] | null;
}

export const initialState: AppState = {
  config: DEFAULT_CONFIG,
  preset: null,
  playing: true,
  runId: 0,
  runState: 'starting',
  divergedAt: null,
  rescueStep: null,
  workerError: null,
  logScale: true,
  themeChoice: 'system',
  theme: 'light',
  urlNotice: null,
  customData: null,
  dataNote: null,
  editing: false,
  deleting: false,
  hiddenControls: [],
  lessonKept: null,
};

/**
 * Every update of the store, by any path, goes through keepLesson: what a lesson link fixes
 * is enforced here once rather than in each action (zustand's middleware shape).
 */
function lessonGuard(creator: StateCreator<AppState>): StateCreator<AppState> {
  return (set, get, api) => {
    const guarded = (
      partial: AppState | Partial<AppState> | ((state: AppState) => AppState | Partial<AppState>),
      replace?: boolean,
    ) => {
      const current = get();
      const patch = typeof partial === 'function' ? partial(current) : partial;
      const next = replace ? (patch as AppState) : { ...current, ...patch };
      set(keepLesson(current, next), true);
    };
    api.setState = guarded;
    return creator(guarded, get, api);
  };
}

export const useAppStore = create<AppState>()(lessonGuard(() => initialState));
