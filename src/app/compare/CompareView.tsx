/**
 * The comparison (issue #22): up to four runs of the single view's settings and data,
 * differing in one setting, each training in its own worker. Loaded on first use; it opens
 * its runs as it mounts and closes their workers as it unmounts (back to the single run).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { CompareAnnouncer } from './CompareAnnouncer';
import { CompareBar } from './CompareBar';
import { CompareLossPlot } from './CompareLossPlot';
import { CompareTable } from './CompareTable';
import { closeCompare, openCompare, resetAll, stepAll, togglePlaying } from './compareActions';
import { compareScene } from './compareScene';
import { useCompareStore } from './compareStore';
import { setCompareShortcuts, useModeStore } from './mode';
import { RunCard } from './RunCard';
import './compare.css';

export default function CompareView() {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const base = useCompareStore((s) => s.base);
  const customData = useCompareStore((s) => s.customData);
  const runs = useCompareStore((s) => s.runs);
  const vary = useCompareStore((s) => s.spec.vary);
  const values = useCompareStore((s) => s.spec.values);

  useEffect(() => {
    const { config, customData: own } = useAppStore.getState();
    // A link's comparison, else the last one opened (the store starts with the tutorial's lesson).
    const requested = useModeStore.getState().requested;
    openCompare(config, own, requested ?? useCompareStore.getState().spec);
    setCompareShortcuts({ ' ': togglePlaying, s: stepAll, r: resetAll });
    // The link follows the comparison on screen (see urlSync).
    useModeStore.setState({ shown: useCompareStore.getState().spec, requested: null });
    const unsubscribe = useCompareStore.subscribe((state, previous) => {
      if (state.spec !== previous.spec) useModeStore.setState({ shown: state.spec });
    });
    headingRef.current?.focus();
    return () => {
      unsubscribe();
      setCompareShortcuts(null);
      closeCompare();
    };
  }, []);

  const scene = useMemo(() => (base ? compareScene(base, customData) : null), [base, customData]);
  if (!scene || !base) return null;
  return (
    <main className="compare" id="compare">
      <div className="compare-head">
        <h2 ref={headingRef} tabIndex={-1}>
          {t.compareHeading}
        </h2>
        <p>{t.compareIntro(t.compareVaryLabel(vary))}</p>
      </div>
      <CompareBar />
      <div className="compare-body">
        <div className={`compare-grid runs-${runs.length}`}>
          {/* Keyed by place: a run that changes value keeps its plot (a new Plotly graph costs a long task). */}
          {runs.map((run, i) => (
            <RunCard key={i} index={i} run={run} scene={scene} />
          ))}
        </div>
        <div className="compare-side">
          <section
            className="panel plot-card compare-loss-card"
            aria-labelledby="compare-loss-title"
          >
            <div className="card-head">
              <h2 id="compare-loss-title">{t.compareLossTitle}</h2>
            </div>
            <CompareLossPlot values={values} showTest={base.testShare > 0} />
          </section>
          <CompareTable />
        </div>
      </div>
      <CompareAnnouncer />
    </main>
  );
}
