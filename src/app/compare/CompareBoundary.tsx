/**
 * Around the comparison: should its code fail to load (offline, or a redeploy removed the
 * chunk) or its view break, the learner reads why and goes back to the single run, which
 * is still there, paused where it was.
 */
import { Component, type ReactNode } from 'react';
import { quote } from '../../core/quote';
import { t } from '../i18n';
import { leaveCompare } from './mode';

/** Longest error text shown, characters. */
const MAX_DETAIL = 200;

interface State {
  error: string | null;
}

export class CompareBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: quote(error instanceof Error ? error.message : String(error), MAX_DETAIL) };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="panel compare-failed" role="alert" data-testid="compare-failed">
        <p>{t().compareFailed(this.state.error)}</p>
        <button type="button" className="primary" onClick={leaveCompare}>
          {t().compareBack}
        </button>
      </div>
    );
  }
}
