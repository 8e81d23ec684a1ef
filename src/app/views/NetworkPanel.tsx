/**
 * Inside the network: every parameter as a live strip with the size of its last
 * gradient, the health of the hidden units, and the step inspector. Drawn from liveStore
 * on animation frames, straight to canvas and text nodes: no React render per frame.
 */
import { useEffect, useRef } from 'react';
import { liveStore, type LiveState } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { insightFor } from './frameInsight';
import { drawStrip, maxAbs } from './paramStrips';
import { GRID, useRunData } from './runData';
import { StepInspector } from './StepInspector';
import { num } from './numbers';
import { useT } from '../i18n';
import { healthText } from './healthText';
import { ModelFileButtons } from './ModelFileButtons';

const GROUPS = [{ key: 'w1' }, { key: 'b1' }, { key: 'w2' }] as const;

/**
 * Most of each animation frame the panel may take while training: after a draw of d ms it
 * waits d / PANEL_FRAME_SHARE before the next. At the tutorial's sizes a draw takes a
 * fraction of a millisecond and every frame is drawn; at H = 1024 (three strips of 1024
 * bars) it is every second or third frame, which leaves the frame to the fit plot.
 */
const PANEL_FRAME_SHARE = 0.15;

export function NetworkPanel() {
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const scales = useRef<(HTMLSpanElement | null)[]>([]);
  const outRef = useRef<HTMLSpanElement>(null);
  const healthRef = useRef<HTMLParagraphElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const t = useT();
  const config = useAppStore((s) => s.config);
  const { activation, layers } = config;
  const data = useRunData().train;

  useEffect(() => {
    let lastHealth = '';
    /** Each canvas's CSS width, from the ResizeObserver: reading it while drawing would force a layout. */
    const widths = new WeakMap<HTMLCanvasElement, number>();
    const widthOf = (canvas: HTMLCanvasElement) =>
      widths.get(canvas) ?? widths.set(canvas, canvas.clientWidth).get(canvas)!;
    let nextAt = 0;
    const draw = (live: LiveState | null) => {
      const started = performance.now();
      if (live?.frame?.state === 'running' && started < nextAt) return;
      // The weights in force while the run stands still, at any depth, for tests and the curious (not per running frame).
      const frame = liveStore.getState().frame;
      if (frame?.params && frame.state !== 'running' && sectionRef.current)
        sectionRef.current.dataset.params = JSON.stringify(Array.from(frame.params));
      const insight = insightFor(frame, activation, layers, data, GRID);
      // One hidden layer's strips need the frame's parameters (every frame at that depth has them).
      if (!insight?.params || !insight.grads) return;
      const { params, grads } = insight;
      const health = insight.health();
      GROUPS.forEach((g, i) => {
        const canvas = canvases.current[i];
        const values = params[g.key];
        const gradients = grads[g.key];
        if (canvas) drawStrip(canvas, widthOf(canvas), values, gradients, health.stuck);
        const scale = scales.current[i];
        if (scale) scale.textContent = `±${num(maxAbs(values))} · ∇ ${num(maxAbs(gradients))}`;
      });
      if (outRef.current)
        outRef.current.textContent = `b2 = ${num(params.b2)} · ∇ ${num(grads.b2)}`;
      const text = healthText(t, activation, health, insight.hidden);
      if (text !== lastHealth && healthRef.current)
        healthRef.current.textContent = lastHealth = text;
      nextAt = started + (performance.now() - started) / PANEL_FRAME_SHARE;
    };
    // In a task of its own: at large H its strips take a while, which the frame's task need not wait for.
    const unsubscribe = subscribeRaf(liveStore, draw, 'draw:network-panel', { ownTask: true });
    // The strips follow the card's width.
    const observer = new ResizeObserver((entries) => {
      for (const e of entries)
        if (e.target instanceof HTMLCanvasElement) widths.set(e.target, e.contentRect.width);
      draw(null);
    });
    canvases.current.forEach((c) => c && observer.observe(c));
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [activation, layers, data, t]);

  return (
    <section
      ref={sectionRef}
      className="panel network-card"
      aria-labelledby="network-title"
      data-testid="network-panel"
    >
      <div className="card-head">
        <h2 id="network-title">{t.insideNetwork}</h2>
        <span className="card-note">{t.networkNote}</span>
      </div>
      <div className="strips">
        {GROUPS.map((g, i) => (
          <div className="strip-row" key={g.key}>
            <div className="strip-label">
              <b>{g.key}</b>
              <span>{t.groupNotes[g.key]}</span>
            </div>
            <canvas
              ref={(el) => void (canvases.current[i] = el)}
              className="strip-canvas"
              role="img"
              aria-label={t.stripLabel(g.key)}
            />
            <span ref={(el) => void (scales.current[i] = el)} className="strip-scale" />
          </div>
        ))}
        <div className="strip-row strip-out">
          <div className="strip-label">
            <b>b2</b>
            <span>{t.groupNotes.b2}</span>
          </div>
          <span ref={outRef} className="strip-out-value" data-testid="b2" />
        </div>
      </div>
      <p ref={healthRef} className="health" data-testid="unit-health" aria-live="polite" />
      <ModelFileButtons />
      <StepInspector />
    </section>
  );
}
