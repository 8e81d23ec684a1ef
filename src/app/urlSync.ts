/**
 * The one adapter between the URL and the store: reads the link once at start-up, then
 * keeps the address bar in step with the settings (replaceState, so Back still leaves).
 * Parsing and writing are the pure functions of core/urlState.
 */
import type { RunConfig } from '../core/config';
import {
  parseUrlState,
  serializeUrlState,
  settingsFromUrl,
  type HideableControl,
  type UrlSettings,
} from '../core/urlState';
import { useAppStore } from './store';

/** Applies the link's settings to the store; problems become a dismissible notice. */
export function readUrlIntoStore(): void {
  const { settings, problems } = parseUrlState(window.location.search);
  // The comparison stays in the address bar (see urlSettings) until the page opens it.
  const { preset, hide, compare: _compare, ...config } = settingsFromUrl(settings);
  useAppStore.setState({
    config: config satisfies RunConfig,
    preset,
    hiddenControls: hide,
    urlNotice: problems.length ? problems : null,
  });
}

function urlSettings(hide?: HideableControl[]): UrlSettings {
  const { config, preset, hiddenControls } = useAppStore.getState();
  // Passed through as the link has it: the store does not hold a comparison yet.
  const compare = parseUrlState(window.location.search).settings.compare ?? null;
  return { ...config, preset, hide: hide ?? hiddenControls, compare };
}

/** The shareable address of the current settings (hiding `hide`, or what this link hides). */
export function shareableUrl(hide?: HideableControl[]): string {
  const { origin, pathname, hash } = window.location;
  return `${origin}${pathname}${serializeUrlState(urlSettings(hide))}${hash}`;
}

/** Keeps the address bar current; returns the unsubscribe. */
export function syncUrlFromStore(): () => void {
  return useAppStore.subscribe((state, previous) => {
    if (
      state.config === previous.config &&
      state.preset === previous.preset &&
      state.hiddenControls === previous.hiddenControls
    )
      return;
    const { pathname, hash } = window.location;
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname}${serializeUrlState(urlSettings())}${hash}`,
    );
  });
}
