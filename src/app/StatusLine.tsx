/** What the run is doing, and what to do when it cannot go on. */
import { startPlayground } from './actions';
import { useAppStore } from './store';
import { useT } from './i18n';

export function StatusLine() {
  const t = useT();
  const runState = useAppStore((s) => s.runState);
  const divergedAt = useAppStore((s) => s.divergedAt);
  const workerError = useAppStore((s) => s.workerError);
  const playing = useAppStore((s) => s.playing);
  if (workerError) {
    return (
      <div className="status status-error" role="alert">
        <span>{workerError}</span>
        <button type="button" onClick={startPlayground}>
          {t.restart}
        </button>
      </div>
    );
  }
  if (runState === 'diverged') {
    return (
      <div className="status status-error" data-testid="status">
        {t.divergedStatus(divergedAt)}
      </div>
    );
  }
  const text = runState === 'starting' ? t.starting : playing ? t.training : t.paused;
  return (
    <div
      className={`status ${playing ? 'status-running' : 'status-paused'}`}
      role="status"
      data-testid="status"
    >
      <span className="status-dot" aria-hidden="true" />
      {text}
    </div>
  );
}
