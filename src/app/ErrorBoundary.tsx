/**
 * The last line: if any part of the app throws while rendering (a bug, or a browser
 * extension that rewrites the page under React), the learner gets a message and two ways
 * on instead of a blank page. Error boundaries must be class components (React 19 too).
 */
import { Component, type ReactNode } from 'react';
import { quote } from '../core/quote';
import { t as messages } from './i18n';

/** Longest error text shown under Details, characters. */
const MAX_DETAIL = 200;

/** What is drawn instead of the app: what happened, Reload, Reset to defaults, and the error's text. */
export function AppCrashed({ message }: { message: string }) {
  // The language in force when it broke (the switch is gone with the app: nothing to follow).
  const t = messages();
  return (
    <div className="load-failure app-crashed" role="alert" data-testid="app-crashed">
      <div>
        <h1>{t.appCrashedTitle}</h1>
        <p>{t.appCrashed}</p>
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => location.reload()}>
          {t.reloadPage}
        </button>
        {/* The page without its query is the defaults (language and theme are kept in storage). */}
        <button type="button" onClick={() => location.assign(location.pathname)}>
          {t.resetToDefaults}
        </button>
      </div>
      {message && (
        <details>
          <summary>{t.errorDetails}</summary>
          <code>{message}</code>
        </details>
      )}
    </div>
  );
}

interface State {
  /** The error's text, or null while the app is fine. */
  error: string | null;
}

/** Around the whole app; the app's unmount stops the worker, and React reports the error to the console. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: quote(error instanceof Error ? error.message : String(error), MAX_DETAIL) };
  }

  override render(): ReactNode {
    return this.state.error === null ? (
      this.props.children
    ) : (
      <AppCrashed message={this.state.error} />
    );
  }
}
