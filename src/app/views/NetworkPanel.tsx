/**
 * Inside the network: every parameter as a live strip with the size of its last
 * gradient, the health of the hidden units, and the step inspector. Drawn from liveStore
 * on animation frames, straight to canvas and text nodes: no React render per frame.
 */
import { useEffect, useRef } from 'react';
import type { ActivationName } from '../../core/activations';
import type { UnitHealth } from '../../core/insight';
import { liveStore } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { insightFor } from './frameInsight';
import { drawStrip, maxAbs } from './paramStrips';
import { GRID, useRunData } from './runData';
import { StepInspector } from './StepInspector';
import { num } from './numbers';

const GROUPS = [
  { key: 'w1', title: 'w1', note: 'input → unit' },
  { key: 'b1', title: 'b1', note: 'unit bias' },
  { key: 'w2', title: 'w2', note: 'unit → output' },
] as const;

/** One line on the units that have stopped learning, and why. */
export function healthText(act: ActivationName, health: UnitHealth, hidden: number): string {
  if (act === 'relu') {
    return `Dead units: ${health.dead} of ${hidden}${health.dead > 0 ? ' (grey)' : ''}. A dead ReLU outputs 0 on every data point, so its gradient is 0 and no step can bring it back.`;
  }
  if (act === 'none') return 'No activation: units never die or saturate, but their sum can only ever be a line.';
  return `Saturated units: ${health.saturated} of ${hidden}${health.saturated > 0 ? ' (grey)' : ''}. A saturated unit has |z| > 3 on every point, where ${act} is flat: act′ ≈ 0, so its gradient all but vanishes.`;
}

export function NetworkPanel() {
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const scales = useRef<(HTMLSpanElement | null)[]>([]);
  const outRef = useRef<HTMLSpanElement>(null);
  const healthRef = useRef<HTMLParagraphElement>(null);
  const config = useAppStore((s) => s.config);
  const { activation, hidden } = config;
  const data = useRunData().train;

  useEffect(() => {
    let lastHealth = '';
    const draw = () => {
      const insight = insightFor(liveStore.getState().frame, activation, hidden, data, GRID);
      if (!insight) return;
      const health = insight.health();
      GROUPS.forEach((g, i) => {
        const canvas = canvases.current[i];
        const values = insight.params[g.key];
        const grads = insight.grads[g.key];
        if (canvas) drawStrip(canvas, values, grads, health.stuck);
        const scale = scales.current[i];
        if (scale) scale.textContent = `±${num(maxAbs(values))} · ∇ ${num(maxAbs(grads))}`;
      });
      if (outRef.current) outRef.current.textContent = `b2 = ${num(insight.params.b2)} · ∇ ${num(insight.grads.b2)}`;
      const text = healthText(activation, health, hidden);
      if (text !== lastHealth && healthRef.current) healthRef.current.textContent = lastHealth = text;
    };
    const unsubscribe = subscribeRaf(liveStore, draw, 'draw:network-panel');
    // The strips follow the card's width.
    const observer = new ResizeObserver(() => draw());
    canvases.current.forEach((c) => c && observer.observe(c));
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [activation, hidden, data]);

  return (
    <section className="panel network-card" aria-labelledby="network-title" data-testid="network-panel">
      <div className="card-head">
        <h2 id="network-title">Inside the network</h2>
        <span className="card-note">bars: each unit’s parameter (orange +, blue −) · purple shade: size of its last gradient</span>
      </div>
      <div className="strips">
        {GROUPS.map((g, i) => (
          <div className="strip-row" key={g.key}>
            <div className="strip-label">
              <b>{g.title}</b>
              <span>{g.note}</span>
            </div>
            <canvas ref={(el) => void (canvases.current[i] = el)} className="strip-canvas" role="img" aria-label={`${g.title} of each hidden unit, with its last gradient`} />
            <span ref={(el) => void (scales.current[i] = el)} className="strip-scale" />
          </div>
        ))}
        <div className="strip-row strip-out">
          <div className="strip-label">
            <b>b2</b>
            <span>output bias</span>
          </div>
          <span ref={outRef} className="strip-out-value" data-testid="b2" />
        </div>
      </div>
      <p ref={healthRef} className="health" data-testid="unit-health" aria-live="polite" />
      <StepInspector />
    </section>
  );
}
