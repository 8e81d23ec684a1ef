/**
 * The step inspector: with training paused, one data point followed through every layer
 * (forward values o and a, deltas dz), its error, its share of every gradient and the
 * full-batch sum the next step applies; after Step, how far each parameter actually moved.
 * Renders only on paused frames; wide layers are summarised (see inspectorModel).
 */
import { useEffect, useMemo, useState } from 'react';
import { sameSetting } from '../../core/config';
import type { Frame } from '../../core/protocol';
import { layerViews, paramLayout } from '../../core/paramLayout';
import { liveStore } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { num } from './numbers';
import { useRunData } from './runData';
import { selectPoint, useViewStore } from './viewStore';
import { useT } from '../i18n';
import { inspect } from './inspectorModel';
import { InspectorLayer } from './InspectorLayer';
import { useBatchSums } from './useBatchSums';
import { layerPass } from '../../core/inspect';
import { paramsJson } from './dataParams';
import { optimizerNote } from './optimizerNote';
import {
  DEFAULT_TRAINING_OPTIONS,
  sameOptions,
  trainingOptionsOf,
} from '../../core/trainingOptions';

/** The page's index of training point k: the k-th point not held out. */
function pageIndexOf(test: Uint8Array, k: number): number {
  let seen = -1;
  for (let i = 0; i < test.length; i++) if (test[i] === 0 && ++seen === k) return i;
  // No test flags (all points train): the index is the page's own.
  return k;
}

interface Paused {
  now: Frame;
  /** The paused frame before it, when it is exactly one step earlier. */
  prev: Frame | null;
}

function usePausedFrames(): Paused | null {
  const [paused, setPaused] = useState<Paused | null>(null);
  useEffect(
    () =>
      subscribeRaf(liveStore, ({ frame }) => {
        if (!frame) return setPaused(null);
        if (frame.state === 'running' || !frame.params) return;
        setPaused((p) => {
          if (p?.now === frame) return p;
          if (p && p.now.runId === frame.runId && p.now.step === frame.step)
            return { now: frame, prev: p.prev };
          const prev =
            p && p.now.runId === frame.runId && p.now.step === frame.step - 1 ? p.now : null;
          return { now: frame, prev };
        });
      }),
    [],
  );
  return paused;
}

export function StepInspector() {
  const selected = useViewStore((s) => s.selected);
  const playing = useAppStore((s) => s.playing);
  const config = useAppStore((s) => s.config);
  const paused = usePausedFrames();
  const t = useT();
  const run = useRunData();
  const data = run.train;
  const layout = paramLayout(config.layers);
  const now = paused?.now ?? null;
  const params =
    !playing &&
    now !== null &&
    now.state !== 'running' &&
    sameSetting(now.layers, config.layers) &&
    now.params?.length === layout.length
      ? now.params
      : null;
  const index = selected !== null && selected < data.x.length ? selected : null;
  const net = useMemo(() => (params ? layerViews(layout, params) : null), [layout, params]);
  const sums = useBatchSums(index === null ? null : net, config.activation, data);

  const view = useMemo(() => {
    if (!net || index === null || !paused) return null;
    const x = data.x[index]!;
    const y = data.y[index]!;
    const pass = layerPass(net, config.activation, x, y);
    const old = paused.prev?.params;
    const before = old?.length === layout.length ? layerViews(layout, old) : null;
    const zeros = net.map((l) => ({
      w: new Float64Array(l.w.length),
      b: new Float64Array(l.b.length),
    }));
    const inspected = inspect(net, pass, sums.sums ?? zeros, before);
    return { x, y, inspected, before, step: paused.now.step };
  }, [net, index, paused, data, config.activation, layout, sums.sums]);

  if (playing) {
    return (
      <p className="inspector-hint" data-testid="inspector">
        {t.inspectorPlaying}
      </p>
    );
  }
  if (!view) {
    return (
      <p className="inspector-hint" data-testid="inspector">
        {t.inspectorPaused}
      </p>
    );
  }
  const { x, y, inspected, before, step } = view;
  const options = trainingOptionsOf(config);
  const frame = paused!.now;
  const note = optimizerNote(t, {
    options,
    batchSize: frame.batchSize,
    points: data.x.length,
    pageIndex: pageIndexOf(run.all.test, index!),
    batch: frame.batch,
  });
  const plain = sameOptions(options, DEFAULT_TRAINING_OPTIONS);
  const depth = inspected.layers.length;
  const k = depth + 1;
  const o = `o${k}`;
  const ready = sums.sums !== null;
  return (
    <div
      className="inspector"
      data-testid="inspector"
      data-params={paramsJson(params!)}
      data-x={x}
      data-y={y}
      data-step={step}
      data-depth={depth}
      data-sums={ready ? 'ready' : 'summing'}
    >
      <div className="inspector-head">
        <h3>{t.inspectorHeading(index! + 1, data.x.length, step)}</h3>
        <button type="button" className="small" onClick={() => selectPoint(null)}>
          {t.close}
        </button>
      </div>
      <p className="inspector-pass">
        x = <b>{num(x)}</b>, y = <b>{num(y)}</b> → {t.inspectorOutput} {o} = b{k} + Σ w{k}·a
        {depth} = <b data-testid="inspect-o2">{num(inspected.output)}</b>, {t.inspectorError} {o} −
        y = <b data-testid="inspect-error">{num(inspected.error)}</b>, dz{k} = −2({o} − y) ={' '}
        <b>{num(inspected.dzOut)}</b>
      </p>
      <p className="inspector-key">
        {t.inspectorCellKey} <span className="g-point">{t.inspectorShare}</span> ·{' '}
        <span className="g-sum">{t.inspectorSum(data.x.length)}</span>{' '}
        {plain ? t.inspectorNextStep : t.inspectorNextStepOptions}
        {before && (
          <>
            {' '}
            · <span className="g-moved">{t.inspectorMoved}</span>
          </>
        )}
      </p>
      <div className="inspector-optimizer" data-testid="inspect-optimizer">
        <b>{t.inspectorOptimizerHeading}</b>
        {note.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {depth > 1 && <p className="inspector-key">{t.inspectorDeepKey}</p>}
      {!ready && (
        <p className="inspector-key" data-testid="inspect-summing">
          {t.inspectorSumming(Math.round(sums.progress * 100))}
        </p>
      )}
      {inspected.layers.map((layer) => (
        <InspectorLayer
          key={layer.layer}
          layer={layer}
          inspected={inspected}
          activation={config.activation}
          points={data.x.length}
          sumsReady={ready}
        />
      ))}
    </div>
  );
}
