/**
 * Inside the network: one block per layer from the input, each parameter group a live
 * strip (one bar per unit) with the size of its last gradient, the health of each layer's
 * units, each layer's gradient size over the steps, and the step inspector. Drawn from
 * liveStore on animation frames, straight to canvas and text nodes: no React render per
 * frame, and no work that grows with the number of points (the worker counts the health).
 */
import { useEffect, useMemo, useRef } from 'react';
import { sameSetting } from '../../core/config';
import type { PanelStrips, StripValues } from '../../core/panelStrips';
import type { Frame } from '../../core/protocol';
import { keptModel, liveStore } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { drawStrip, maxAbs } from './paramStrips';
import { StepInspector } from './StepInspector';
import { num } from './numbers';
import { useT } from '../i18n';
import { deepHealthNote, healthText, layerHealthText } from './healthText';
import { ModelFileButtons } from './ModelFileButtons';
import { GradChart } from './GradChart';
import { paramsJson } from './dataParams';
import { slotsFor, StripRow, type StripSlot } from './StripRow';

/**
 * Most of each animation frame the panel may take while training: after a draw of d ms it
 * waits d / PANEL_FRAME_SHARE before the next. At the tutorial's sizes a draw takes a
 * fraction of a millisecond and every frame is drawn; at H = 1024 (three strips of 1024
 * bars) it is every second or third frame, which leaves the frame to the fit plot.
 */
const PANEL_FRAME_SHARE = 0.15;

/** Whether two lists of byte arrays hold the same bytes. */
function sameBytes(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let l = 0; l < a.length; l++) {
    const x = a[l]!;
    const y = b[l]!;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

export function NetworkPanel() {
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const scales = useRef<(HTMLSpanElement | null)[]>([]);
  const layerHealthRefs = useRef<(HTMLSpanElement | null)[]>([]);
  const outRef = useRef<HTMLSpanElement>(null);
  const healthRef = useRef<HTMLParagraphElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const t = useT();
  const config = useAppStore((s) => s.config);
  const { activation, layers } = config;
  const depth = layers.length;
  const slots = useMemo(() => slotsFor(layers), [layers]);
  const outputBiasName = `b${depth + 1}`;

  useEffect(() => {
    const texts = new Map<Element, string>();
    /** Writes a text node only when its text changed (a DOM write per frame costs a style pass). */
    const setText = (el: Element | null | undefined, text: string) => {
      if (el && texts.get(el) !== text) {
        el.textContent = text;
        texts.set(el, text);
      }
    };
    /** Each canvas's CSS width, from the ResizeObserver: reading it while drawing would force a layout. */
    const widths = new WeakMap<HTMLCanvasElement, number>();
    const widthOf = (canvas: HTMLCanvasElement) =>
      widths.get(canvas) ?? widths.set(canvas, canvas.clientWidth).get(canvas)!;
    let nextAt = 0;
    let paramsShown: Float32Array | null = null;
    let updatesShown: Float32Array | null = null;
    /**
     * The last step's updates while the run stands still, for tests and the curious, as
     * data-params is: with data-updates-step, the step whose update they are.
     */
    const showUpdates = (frame: Frame) => {
      const section = sectionRef.current;
      if (frame.state === 'running' || !section || !frame.updates) return;
      if (frame.updates === updatesShown) return;
      updatesShown = frame.updates;
      const json = paramsJson(frame.updates);
      if (json) section.dataset.updates = json;
      else delete section.dataset.updates;
      section.dataset.updatesStep = String(frame.step);
    };
    /** What the strips show now: the frame's strips and each layer's stuck units. */
    let drawnStrips: PanelStrips | null = null;
    let drawnStuck: Uint8Array[] = [];
    const drawOne = (
      i: number,
      strip: StripValues,
      stuck: Uint8Array | null,
      sizes: boolean,
    ): void => {
      const canvas = canvases.current[i];
      if (canvas)
        drawStrip(canvas, widthOf(canvas), strip.values, strip.grads, strip.updates, stuck, sizes);
      const sign = sizes ? '' : '±';
      setText(
        scales.current[i],
        `${sign}${num(maxAbs(strip.values))} · ∇ ${num(maxAbs(strip.grads))}\nΔ\u00a0${num(maxAbs(strip.updates))}`,
      );
    };
    const draw = () => {
      const started = performance.now();
      const frame = liveStore.getState().frame;
      if (frame?.state === 'running' && started < nextAt) return;
      // A frame racing a settings change is of other widths: wait for the new run's.
      if (!frame || !sameSetting(frame.layers, layers)) return;
      const pictures = frame.picture.layers;
      const strips = frame.picture.strips;
      if (pictures.length !== depth || strips.hidden.length !== depth) return;
      // Strips are redrawn only when what they show changed: a new frame's strips, or health.
      const stuck = pictures.map((p) => p.health.stuck);
      if (strips !== drawnStrips || !sameBytes(drawnStuck, stuck)) {
        drawnStrips = strips;
        drawnStuck = stuck.map((s) => s.slice());
        let i = 0;
        strips.hidden.forEach((block, l) => {
          for (const strip of block.strips) drawOne(i++, strip, stuck[l]!, strip.kind === 'w-norm');
        });
        // The output weights are one per unit of the last hidden layer: greyed with those units.
        drawOne(i, strips.output, stuck[depth - 1]!, false);
      }
      if (depth > 1)
        strips.hidden.forEach((block, l) =>
          setText(
            layerHealthRefs.current[l],
            layerHealthText(t, activation, pictures[l]!.health, block.width),
          ),
        );
      const bias = strips.outputBias;
      setText(
        outRef.current,
        `${bias.name} = ${num(bias.value)} · ∇ ${num(bias.grad)} · Δ\u00a0${num(bias.update)}`,
      );
      showUpdates(frame);
      // The weights in force while the run stands still, for tests and the curious (not per running frame).
      const held = keptModel(layers);
      if (
        frame.state !== 'running' &&
        sectionRef.current &&
        held &&
        held.runId === frame.runId &&
        held.params !== paramsShown &&
        held.step === frame.step
      ) {
        paramsShown = held.params;
        const json = paramsJson(held.params);
        if (json) sectionRef.current.dataset.params = json;
        else delete sectionRef.current.dataset.params;
        // Which step they are: an attribute written at an earlier standstill stays until the next.
        sectionRef.current.dataset.paramsStep = String(held.step);
      }
      setText(
        healthRef.current,
        depth === 1
          ? healthText(t, activation, pictures[0]!.health, layers[0]!)
          : deepHealthNote(t, activation),
      );
      nextAt = started + (performance.now() - started) / PANEL_FRAME_SHARE;
    };
    // In a task of its own: at large sizes its strips take a while, which the frame's task need not wait for.
    const unsubscribe = subscribeRaf(liveStore, draw, 'draw:network-panel', { ownTask: true });
    // The strips follow the card's width.
    const observer = new ResizeObserver((entries) => {
      for (const e of entries)
        if (e.target instanceof HTMLCanvasElement) widths.set(e.target, e.contentRect.width);
      nextAt = 0;
      drawnStrips = null;
      draw();
    });
    canvases.current.forEach((c) => c && observer.observe(c));
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [activation, layers, depth, t]);

  const row = (slot: StripSlot) => (
    <StripRow
      key={slot.name}
      slot={slot}
      canvasRef={(el) => void (canvases.current[slot.index] = el)}
      scaleRef={(el) => void (scales.current[slot.index] = el)}
    />
  );
  return (
    <section
      ref={sectionRef}
      className="panel network-card"
      aria-labelledby="network-title"
      data-testid="network-panel"
      data-depth={depth}
    >
      <div className="card-head">
        <h2 id="network-title">{t.insideNetwork}</h2>
        <span className="card-note">{t.networkNote}</span>
      </div>
      <div className={depth > 1 ? 'strips layered' : 'strips'}>
        {slots.hidden.map((strips, l) => (
          <div className="layer-block" key={l} data-testid={`layer-block-${l + 1}`}>
            {depth > 1 && (
              <div className="layer-head">
                <b>{t.layerHeading(l + 1)}</b>
                <span className="layer-units">{t.layerUnits(layers[l]!)}</span>
                <span
                  ref={(el) => void (layerHealthRefs.current[l] = el)}
                  className="layer-health"
                  data-testid={`layer-health-${l + 1}`}
                />
              </div>
            )}
            {strips.map(row)}
          </div>
        ))}
        <div className="layer-block" data-testid="layer-block-out">
          {depth > 1 && (
            <div className="layer-head">
              <b>{t.outputHeading}</b>
            </div>
          )}
          {row(slots.output)}
          <div className="strip-row strip-out">
            <div className="strip-label">
              <b>{outputBiasName}</b>
              <span>{t.groupNotes.b2}</span>
            </div>
            <span ref={outRef} className="strip-out-value" data-testid="output-bias" />
          </div>
        </div>
      </div>
      <p className="strip-key" data-testid="strip-key">
        <span className="strip-swatch grad" aria-hidden="true" />
        {t.stripKeyGradient}
        <span className="strip-swatch update" aria-hidden="true" />
        {t.stripKeyUpdate}
      </p>
      <p ref={healthRef} className="health" data-testid="unit-health" aria-live="polite" />
      <GradChart />
      <ModelFileButtons />
      <StepInspector />
    </section>
  );
}
