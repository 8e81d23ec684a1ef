/**
 * The gradient-size chart under the network's layers: its history is recorded from every
 * drawn frame and the canvas redrawn on animation frames, outside React renders.
 */
import { useEffect, useRef } from 'react';
import { liveStore } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { drawGradChart, seriesColour } from './gradChart';
import { recordGradients } from './gradTrack';

export function GradChart() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const layers = useAppStore((s) => s.config.layers);
  const series = layers.length + 1;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let width = canvas.clientWidth;
    const stepLabel = t.gradChartStep;
    /** What was drawn last: redraw only when the history, the width or the theme changed. */
    let drawn = '';
    const draw = (force: boolean) => {
      const frame = liveStore.getState().frame;
      if (!frame) return;
      const history = recordGradients(frame);
      const key = `${history.length}:${history.lastStep}:${width}`;
      if (!force && key === drawn) return;
      drawn = key;
      drawGradChart(canvas, width, history, theme, stepLabel);
      // The newest sample, per series from the input side, for tests and the curious.
      const n = history.length;
      canvas.dataset.samples = String(n);
      if (n > 0)
        canvas.dataset.last = JSON.stringify(
          Array.from({ length: history.series }, (_, s) => history.at(n - 1, s)),
        );
    };
    const unsubscribe = subscribeRaf(liveStore, () => draw(false), 'draw:grad-chart', {
      ownTask: true,
    });
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) width = e.contentRect.width;
      draw(true);
    });
    observer.observe(canvas);
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [theme, t]);

  return (
    <figure className="grad-chart" data-testid="grad-chart">
      <figcaption>
        <b>{t.gradChartTitle}</b>
        <ul className="grad-legend">
          {Array.from({ length: series }, (_, s) => (
            <li key={s} data-series={s === series - 1 ? 'out' : s + 1}>
              <span
                className="grad-swatch"
                style={{ background: seriesColour(theme, s, series) }}
              />
              {s === series - 1 ? t.gradChartOutput : t.gradChartLayer(s + 1)}
            </li>
          ))}
        </ul>
      </figcaption>
      <canvas ref={canvasRef} className="grad-canvas" role="img" aria-label={t.gradChartLabel} />
      <p className="grad-note">{t.gradChartNote}</p>
    </figure>
  );
}
