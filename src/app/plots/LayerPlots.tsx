/**
 * Show layers: one small plot per hidden layer, each drawing that layer's units'
 * activations over the plotted range (the 32 largest), so a learner sees layer 2 compose
 * layer 1's hinges. The worker sends the rows (Frame.picture); the plots draw them from
 * liveStore on animation frames, in a task of their own, without React renders.
 */
import { useEffect, useRef } from 'react';
import { sameSetting } from '../../core/config';
import { MAX_DRAWN_UNITS } from '../../core/framePolicy';
import { useT } from '../i18n';
import { liveStore, type LiveState } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { GRID } from '../views/runData';
import { useViewStore } from '../views/viewStore';
import { drawLayerPlot, newLayerPlotState } from './layerPlot';
import { purgeWhenRemoved, usePlotly } from './plotlyLoader';

export function LayerPlots() {
  const t = useT();
  const show = useViewStore((s) => s.showLayers);
  const layers = useAppStore((s) => s.config.layers);
  const theme = useAppStore((s) => s.theme);
  const { plotly } = usePlotly();
  const divs = useRef<(HTMLDivElement | null)[]>([]);
  const titles = useRef<(HTMLElement | null)[]>([]);

  useEffect(() => {
    if (!show || !plotly) return;
    const states = layers.map(newLayerPlotState);
    const style = { key: `${theme}|${t.layerHover}`, hover: t.layerHover };
    let lastFrame: LiveState['frame'] = null;
    const draw = ({ frame }: LiveState) => {
      if (!frame || frame === lastFrame || !sameSetting(frame.layers, layers)) return;
      lastFrame = frame;
      const running = frame.state === 'running';
      frame.picture.layers.forEach((layer, l) => {
        const div = divs.current[l];
        if (!div || !layer.drawn) return;
        drawLayerPlot(plotly, div, layer.drawn, GRID, running, states[l]!, style);
        const title = titles.current[l];
        const text = t.layerPlotTitle(l + 1, layer.width, layer.drawn.units.length);
        if (title && title.textContent !== text) title.textContent = text;
      });
    };
    return subscribeRaf(liveStore, draw, 'draw:layer-plots', { ownTask: true });
  }, [show, plotly, layers, theme, t]);

  useEffect(() => {
    const all = divs.current;
    return () => all.forEach((div) => div && purgeWhenRemoved(div));
  }, [show, layers]);

  if (!show) return null;
  return (
    <div className="layer-plots-block">
      <h3 className="layer-plots-heading">{t.layerPlots}</h3>
      <p className="layer-plots-note">{t.layersNote}</p>
      <div className="layer-plots">
        {layers.map((width, l) => (
          <figure className="layer-plot" key={`${l}-${width}`}>
            <figcaption ref={(el) => void (titles.current[l] = el)}>
              {t.layerPlotTitle(l + 1, width, Math.min(width, MAX_DRAWN_UNITS))}
            </figcaption>
            <div
              ref={(el) => void (divs.current[l] = el)}
              className="plot plot-layer"
              data-testid={`layer-plot-${l + 1}`}
              role="img"
              aria-label={t.layerPlotLabel(l + 1)}
            />
          </figure>
        ))}
      </div>
    </div>
  );
}
