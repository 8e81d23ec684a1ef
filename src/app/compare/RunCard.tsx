/**
 * One run's card: its title in its colour, its step, its fit plot, and what to do when it
 * diverges (the rescue, as on the single view, for this run alone) or its worker stops.
 */
import { useEffect, useRef } from 'react';
import { configFor } from '../../core/compare';
import { rateAdviceFor } from '../controls/rateAdvice';
import { useT, type Messages } from '../i18n';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { rescueRun } from './compareActions';
import { compareLive } from './compareLive';
import type { CompareScene } from './compareScene';
import { useCompareStore, type RunUi } from './compareStore';
import { CompareFitPlot } from './CompareFitPlot';
import { runColor } from './runColors';
import type { RunFailure } from './RunWorker';

function failureText(t: Messages, failure: RunFailure): string {
  switch (failure.kind) {
    case 'failed':
      return t.workerFailed(failure.message);
    case 'stopped':
      return t.workerStopped(failure.detail);
    case 'silent':
      return t.workerSilent;
  }
}

/** The step readout, written from compareLive each animation frame (no React render per frame). */
function RunStep({ index }: { index: number }) {
  const t = useT();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(
    () =>
      subscribeRaf(compareLive, ({ runs }) => {
        const frame = runs[index]?.frame;
        const text = t.compareStep(frame ? frame.step : 0);
        if (ref.current!.textContent !== text) ref.current!.textContent = text;
        ref.current!.dataset.state = frame?.state ?? '';
      }),
    [index, t],
  );
  return <span ref={ref} className="run-step" data-testid={`compare-step-${index + 1}`} />;
}

function RunRescue({ index, run }: { index: number; run: RunUi }) {
  const t = useT();
  const base = useCompareStore((s) => s.base);
  const vary = useCompareStore((s) => s.spec.vary);
  const customData = useCompareStore((s) => s.customData);
  if (run.divergedAt === null || run.rescueStep === null || !base) return null;
  const config = configFor(base, vary, run.value);
  const advice = rateAdviceFor({
    config: run.rescuedRate === null ? config : { ...config, learningRate: run.rescuedRate },
    customData,
  });
  return (
    <div className="run-rescue" role="alert" data-testid={`compare-rescue-${index + 1}`}>
      <p>
        <strong>{t.rescueHeading(run.divergedAt)}</strong> {t.rescueKept(run.rescueStep)}
      </p>
      <div className="button-row">
        <button type="button" className="primary small" onClick={() => rescueRun(index, true)}>
          {t.rescueLower(advice.rescue)}
        </button>
        <button type="button" className="small" onClick={() => rescueRun(index, false)}>
          {t.rescueRewind(run.rescueStep)}
        </button>
      </div>
    </div>
  );
}

interface Props {
  index: number;
  run: RunUi;
  scene: CompareScene;
}

export function RunCard({ index, run, scene }: Props) {
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const vary = useCompareStore((s) => s.spec.vary);
  const color = runColor(theme, index);
  const title = t.compareRunTitle(vary, run.value);
  const headingId = `compare-run-${index + 1}-title`;
  return (
    <section
      className={`panel compare-card${run.state === 'diverged' ? ' is-diverged' : ''}`}
      aria-labelledby={headingId}
      data-state={run.state}
    >
      <div className="compare-card-head">
        <h3 id={headingId} data-testid={`compare-title-${index + 1}`}>
          <span className="run-swatch" style={{ background: color }} aria-hidden="true" />
          {title}
        </h3>
        <RunStep index={index} />
      </div>
      {run.rescuedRate !== null && (
        <p className="run-note">{t.compareRescuedRate(run.rescuedRate)}</p>
      )}
      <CompareFitPlot index={index} scene={scene} color={color} title={title} />
      <RunRescue index={index} run={run} />
      {run.failure && (
        <p className="run-failure" role="alert">
          {failureText(t, run.failure)}
        </p>
      )}
    </section>
  );
}
