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
import { enterCompare, linkedComparison, useModeStore } from './compare/mode';
import { useAppStore } from './store';

/** Applies the link's settings to the store; problems become a dismissible notice. */
export function readUrlIntoStore(): void {
  const { settings, problems } = parseUrlState(window.location.search);
  const { preset, hide, compare, ...config } = settingsFromUrl(settings);
  useAppStore.setState({
    config: config satisfies RunConfig,
    preset,
    hiddenControls: hide,
    urlNotice: problems.length ? problems : null,
  });
  // A comparison opens once the single run has started (openLinkedComparison): the link's
  // other settings are its runs' base, and Back to single run shows that run.
  useModeStore.setState({ requested: compare });
}

/** Opens the comparison the link asked for, if any (after the single run has started, which it pauses). */
export function openLinkedComparison(): void {
  const { requested } = useModeStore.getState();
  if (requested) enterCompare(requested);
}

function urlSettings(hide?: HideableControl[]): UrlSettings {
  const { config, preset, hiddenControls } = useAppStore.getState();
  return { ...config, preset, hide: hide ?? hiddenControls, compare: linkedComparison() };
}

/** The shareable address of the current settings (hiding `hide`, or what this link hides). */
export function shareableUrl(hide?: HideableControl[]): string {
  const { origin, pathname, hash } = window.location;
  return `${origin}${pathname}${serializeUrlState(urlSettings(hide))}${hash}`;
}

function writeUrl(): void {
  const { pathname, hash } = window.location;
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname}${serializeUrlState(urlSettings())}${hash}`,
  );
}

/** Keeps the address bar current (the settings, and the comparison on screen); returns the unsubscribe. */
export function syncUrlFromStore(): () => void {
  const unsubscribeSettings = useAppStore.subscribe((state, previous) => {
    if (
      state.config === previous.config &&
      state.preset === previous.preset &&
      state.hiddenControls === previous.hiddenControls
    )
      return;
    writeUrl();
  });
  let linked = linkedComparison();
  const unsubscribeMode = useModeStore.subscribe(() => {
    const now = linkedComparison();
    if (now === linked) return;
    linked = now;
    writeUrl();
  });
  return () => {
    unsubscribeSettings();
    unsubscribeMode();
  };
}
