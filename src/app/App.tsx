/** The page: settings on the side, transport and plots in the middle. */
import { lazy, Suspense, useEffect, useLayoutEffect } from 'react';
import { setLogScale, startPlayground, stopPlayground } from './actions';
import { workerConnected } from './workerClient';
import { ControlPanel } from './controls/ControlPanel';
import { Lesson } from './Lesson';
import { installShortcuts } from './shortcuts';
import { installTheme } from './theme';
import { ThemeSwitch } from './ThemeSwitch';
import { FitPlot } from './plots/FitPlot';
import { LayerPlots } from './plots/LayerPlots';
import { LossPlot } from './plots/LossPlot';
import { Rescue } from './Rescue';
import { SettingsJump } from './SettingsJump';
import { StatusLine } from './StatusLine';
import { Announcer } from './Announcer';
import { CopyLink } from './CopyLink';
import { useT } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { ShareDialog } from './ShareDialog';
import { downloadText } from './download';
import { liveStore } from './liveStore';
import { lossHistoryCsv } from '../core/lossCsv';
import { useAppStore } from './store';
import { UrlNotice } from './UrlNotice';
import { Transport } from './Transport';
import { FitLegend } from './views/FitLegend';
import { LossNote } from './views/LossNote';
import { PiecesNote } from './views/PiecesNote';
import { NetworkPanel } from './views/NetworkPanel';
import { PinButtons, PinnedList } from './views/PinBar';
import { ViewToggles } from './views/ViewToggles';
import { CompareBoundary } from './compare/CompareBoundary';
import { useModeStore } from './compare/mode';

/** The comparison's code loads on first use: the entry stays within its budget. */
const CompareView = lazy(() => import('./compare/CompareView'));

export function App() {
  const logScale = useAppStore((s) => s.logScale);
  const t = useT();
  const comparing = useModeStore((s) => s.comparing);
  // The entry (main.tsx) has started the first run before the app was even loaded. This
  // starts one only on a remount (React's StrictMode mounts twice in development, and the
  // unmount stops the worker); a worker that has already failed is left for Restart, so
  // its message stays.
  useLayoutEffect(() => {
    if (!workerConnected() && !useAppStore.getState().workerError) startPlayground();
    return stopPlayground;
  }, []);
  useEffect(() => {
    const uninstallShortcuts = installShortcuts();
    const uninstallTheme = installTheme();
    // The current run id on <html>, read by tests that check no stale frame is drawn (the
    // first run started before the app mounted: written once now, then on each change).
    const writeRunId = (runId: number) => {
      document.documentElement.dataset.runId = String(runId);
    };
    writeRunId(useAppStore.getState().runId);
    const unsubscribeRunId = useAppStore.subscribe((s) => writeRunId(s.runId));
    return () => {
      uninstallShortcuts();
      uninstallTheme();
      unsubscribeRunId();
    };
  }, []);
  return (
    <div className="app">
      <header className="masthead">
        <div className="brand">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <circle cx="6" cy="16" r="3.5" fill="#2563eb" />
            <circle cx="16" cy="8" r="3" fill="#7c3aed" />
            <circle cx="16" cy="16" r="3" fill="#7c3aed" />
            <circle cx="16" cy="24" r="3" fill="#7c3aed" />
            <circle cx="26" cy="16" r="3.5" fill="#f97316" />
            <path
              d="M9 15 13 9M9.5 16h3.5M9 17l4 6M19 9l4 6M19 16h3.5M19 23l4-6"
              stroke="#94a3b8"
              strokeWidth="1.4"
              fill="none"
            />
          </svg>
          <div>
            <h1>{t.title}</h1>
            <p className="tagline">{t.tagline}</p>
          </div>
        </div>
        <div className="header-tools">
          {!comparing && <StatusLine />}
          <CopyLink />
          <ShareDialog />
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
      </header>
      <UrlNotice />
      <Announcer />
      {comparing ? (
        <CompareBoundary>
          <Suspense fallback={<p className="compare-loading">{t.compareLoading}</p>}>
            <CompareView />
          </Suspense>
        </CompareBoundary>
      ) : (
        <main className="layout">
          <ControlPanel />
          <div className="stage" id="plots" tabIndex={-1}>
            <Transport />
            <Rescue />
            <section className="panel plot-card" aria-labelledby="fit-title">
              <div className="card-head">
                <h2 id="fit-title">{t.fit}</h2>
                <ViewToggles />
              </div>
              <FitLegend />
              <FitPlot />
              <PiecesNote />
              <LayerPlots />
            </section>
            <section className="panel plot-card" aria-labelledby="loss-title">
              <div className="card-head">
                <h2 id="loss-title">{t.loss}</h2>
                <div className="card-tools">
                  <PinButtons />
                  <label className="toggle">
                    <input
                      type="checkbox"
                      checked={logScale}
                      onChange={(e) => setLogScale(e.target.checked)}
                    />
                    {t.logScale}
                  </label>
                  <button
                    type="button"
                    className="small"
                    onClick={() => {
                      // With mini-batches, the loss on all the points beside the batch losses.
                      const { history, trainHistory, batched } = liveStore.getState();
                      downloadText(
                        'loss-history.csv',
                        lossHistoryCsv(history, batched ? trainHistory : null),
                        'text/csv',
                      );
                    }}
                  >
                    {t.exportLossCsv}
                  </button>
                </div>
              </div>
              <LossPlot />
              <PinnedList />
              <LossNote />
            </section>
            <NetworkPanel />
            <Lesson />
          </div>
        </main>
      )}
      {!comparing && <SettingsJump />}
      <footer className="footer">{t.footer}</footer>
    </div>
  );
}
