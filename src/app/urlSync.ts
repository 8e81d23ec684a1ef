/**
 * The one adapter between the URL and the store: reads the link once at start-up, then
 * keeps the address bar in step with the settings (replaceState, so Back still leaves).
 * Parsing and writing are the pure functions of core/urlState.
 */
import { DEFAULT_CONFIG } from '../core/config';
import { parseUrlState, serializeUrlState } from '../core/urlState';
import { useAppStore } from './store';

/** Applies the link's settings to the store; problems become a dismissible notice. */
export function readUrlIntoStore(): void {
  const { settings, problems } = parseUrlState(window.location.search);
  useAppStore.setState({
    config: { ...DEFAULT_CONFIG, ...settings },
    urlNotice: problems.length ? problems : null,
  });
}

/** The shareable address of the current settings. */
export function shareableUrl(): string {
  const { origin, pathname, hash } = window.location;
  return `${origin}${pathname}${serializeUrlState(useAppStore.getState().config)}${hash}`;
}

/** Keeps the address bar current; returns the unsubscribe. */
export function syncUrlFromStore(): () => void {
  return useAppStore.subscribe((state, previous) => {
    if (state.config === previous.config) return;
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${serializeUrlState(state.config)}${hash}`);
  });
}
