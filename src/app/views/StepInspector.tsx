/**
 * The step inspector: with training paused, one data point's forward pass (o1, a1, o2),
 * its error, its share of every gradient and the full-batch sum the next step applies;
 * after Step, how far each parameter actually moved. Renders only on paused frames.
 */
import { useEffect, useMemo, useState } from 'react';
import { ACTIVATION_OF_O1 } from '../../core/activations';
import type { Frame } from '../../core/protocol';
import { unpackParams } from '../../core/insight';
import { paramLayout } from '../../core/paramLayout';
import { batchGradients, pointPass } from '../../core/inspect';
import { liveStore } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { num, signed } from './numbers';
import { useRunData } from './runData';
import { selectPoint, useViewStore } from './viewStore';
import { useT } from '../i18n';

/** Most unit rows listed; beyond this, the units that matter most to this point. */
const MAX_ROWS = 10;

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
        if (frame.state === 'running') return;
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

function GradCell({
  kind,
  point,
  sum,
  moved,
}: {
  kind: string;
  point: number;
  sum: number;
  moved: number | null;
}) {
  return (
    <td className="grad-cell" data-cell={kind}>
      <span className="g-point" data-part="point">
        {num(point)}
      </span>
      <span className="g-sum" data-part="sum">
        {num(sum)}
      </span>
      {moved !== null && (
        <span className="g-moved" data-part="moved">
          {signed(moved)}
        </span>
      )}
    </td>
  );
}

export function StepInspector() {
  const selected = useViewStore((s) => s.selected);
  const playing = useAppStore((s) => s.playing);
  const config = useAppStore((s) => s.config);
  const paused = usePausedFrames();
  const t = useT();
  const data = useRunData().train;
  const live =
    !playing &&
    paused !== null &&
    paused.now.state !== 'running' &&
    config.layers.length === 1 &&
    paused.now.params?.length === paramLayout(config.layers).length;
  const index = selected !== null && selected < data.x.length ? selected : null;

  const view = useMemo(() => {
    if (!live || index === null || !paused) return null;
    const p = unpackParams(paused.now.params!);
    const x = data.x[index]!;
    const y = data.y[index]!;
    const pass = pointPass(p, config.activation, x, y);
    const sum = batchGradients(p, config.activation, data.x, data.y);
    const before = paused.prev?.params ? unpackParams(paused.prev.params) : null;
    const order = Array.from({ length: p.hidden }, (_, j) => j);
    const rows =
      p.hidden <= MAX_ROWS
        ? order
        : order
            .sort((a, b) => Math.abs(p.w2[b]! * pass.a1[b]!) - Math.abs(p.w2[a]! * pass.a1[a]!))
            .slice(0, MAX_ROWS);
    return { p, x, y, pass, sum, before, rows, step: paused.now.step };
  }, [live, index, paused, data, config.activation]);

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
  const { p, x, y, pass, sum, before, rows, step } = view;
  const moved = (now: Float32Array, old: Float32Array | undefined, j: number) =>
    old ? now[j]! - old[j]! : null;
  return (
    <div
      className="inspector"
      data-testid="inspector"
      data-params={JSON.stringify(Array.from(paused!.now.params!))}
      data-x={x}
      data-y={y}
      data-step={step}
    >
      <div className="inspector-head">
        <h3>{t.inspectorHeading(index! + 1, data.x.length, step)}</h3>
        <button type="button" className="small" onClick={() => selectPoint(null)}>
          {t.close}
        </button>
      </div>
      <p className="inspector-pass">
        x = <b>{num(x)}</b>, y = <b>{num(y)}</b> → {t.inspectorOutput} o2 = b2 + Σ w2·a1 ={' '}
        <b data-testid="inspect-o2">{num(pass.o2)}</b>, {t.inspectorError} o2 − y ={' '}
        <b data-testid="inspect-error">{num(pass.error)}</b>, dz2 = −2(o2 − y) ={' '}
        <b>{num(-2 * pass.error)}</b>
      </p>
      <p className="inspector-key">
        {t.inspectorCellKey} <span className="g-point">{t.inspectorShare}</span> ·{' '}
        <span className="g-sum">{t.inspectorSum(data.x.length)}</span> {t.inspectorNextStep}
        {before && (
          <>
            {' '}
            · <span className="g-moved">{t.inspectorMoved}</span>
          </>
        )}
      </p>
      <div className="table-scroll">
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col">{t.inspectorUnit}</th>
              <th scope="col">o1 = w1·x + b1</th>
              <th scope="col">a1 = {ACTIVATION_OF_O1[config.activation]}</th>
              <th scope="col">w2·a1</th>
              <th scope="col">gw1</th>
              <th scope="col">gb1</th>
              <th scope="col">gw2</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((j) => (
              <tr key={j} data-unit={j}>
                <th scope="row">{j + 1}</th>
                <td data-cell="o1">{num(pass.o1[j]!)}</td>
                <td data-cell="a1">{num(pass.a1[j]!)}</td>
                <td data-cell="w2a1">{num(p.w2[j]! * pass.a1[j]!)}</td>
                <GradCell
                  kind="w1"
                  point={pass.share.w1[j]!}
                  sum={sum.w1[j]!}
                  moved={moved(p.w1, before?.w1, j)}
                />
                <GradCell
                  kind="b1"
                  point={pass.share.b1[j]!}
                  sum={sum.b1[j]!}
                  moved={moved(p.b1, before?.b1, j)}
                />
                <GradCell
                  kind="w2"
                  point={pass.share.w2[j]!}
                  sum={sum.w2[j]!}
                  moved={moved(p.w2, before?.w2, j)}
                />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-unit="out">
              <th scope="row">{t.inspectorOut}</th>
              <td colSpan={5} className="tfoot-note">
                {t.inspectorBias(num(p.b2))}
              </td>
              <GradCell
                kind="b2"
                point={pass.share.b2}
                sum={sum.b2}
                moved={before ? p.b2 - before.b2 : null}
              />
            </tr>
          </tfoot>
        </table>
      </div>
      {p.hidden > MAX_ROWS && (
        <p className="inspector-key">{t.inspectorRowsListed(MAX_ROWS, p.hidden)}</p>
      )}
    </div>
  );
}
