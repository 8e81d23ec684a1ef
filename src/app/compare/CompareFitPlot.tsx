/**
 * One run's fit, small: the shared data and the run's curve in its colour, on the axes
 * every run's plot shares. The curve is patched in place while the run trains (see
 * plots/fastLines), a full Plotly redraw only when the picture's structure changes.
 */
import { useEffect, useRef } from 'react';
import { PLOT_X_RANGE } from '../../core/grid';
import { useT } from '../i18n';
import { fitTraces } from '../plots/fitTraces';
import { patchLines } from '../plots/fastLines';
import { purgeWhenRemoved, usePlotly } from '../plots/plotlyLoader';
import { axis, baseLayout, palette, PLOT_CONFIG } from '../plots/plotStyle';
import { traceSignature } from '../plots/traceShape';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { compareLive, type CompareLive } from './compareLive';
import type { CompareScene } from './compareScene';

/** No toolbar on a small multiple: zooming one of four is not what they are for, and it hides the title. */
const SMALL_CONFIG = { ...PLOT_CONFIG, displayModeBar: false } as const;
const NO_LAYERS = { under: [], over: [] };

interface Props {
  index: number;
  scene: CompareScene;
  color: string;
  /** The run's title, for the plot's label. */
  title: string;
}

export function CompareFitPlot({ index, scene, color, title }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const { plotly } = usePlotly();

  useEffect(() => {
    if (!plotly) return;
    const div = ref.current!;
    const colors = { ...palette(), fit: color };
    const base = baseLayout();
    const layout = {
      ...base,
      margin: { l: 40, r: 8, t: 6, b: 30 },
      showlegend: false,
      xaxis: axis('', { range: [...PLOT_X_RANGE], zeroline: true }),
      yaxis: axis('', { range: scene.yRange, zeroline: true }),
    };
    let lastFrame: CompareLive['runs'][number]['frame'] | undefined;
    let lastSignature = '';
    let revision = 0;
    const draw = ({ runs }: CompareLive) => {
      const frame = runs[index]?.frame ?? null;
      if (frame === lastFrame) return;
      lastFrame = frame;
      const traces = fitTraces(scene, frame, NO_LAYERS, t, colors);
      const signature = traceSignature(traces);
      const drawn = () => {
        div.dataset.drawnStep = frame ? String(frame.step) : '';
      };
      if (frame?.state === 'running' && signature === lastSignature && patchLines(div, traces)) {
        drawn();
        return;
      }
      lastSignature = signature;
      void plotly
        .react(div, traces, { ...layout, datarevision: ++revision }, SMALL_CONFIG)
        .then(drawn);
    };
    return subscribeRaf(compareLive, draw, 'draw:compare-fit');
  }, [plotly, scene, color, index, t, theme]);

  useEffect(() => {
    const div = ref.current!;
    return () => purgeWhenRemoved(div);
  }, []);

  return (
    <div
      ref={ref}
      className="plot compare-fit"
      data-testid={`compare-fit-${index + 1}`}
      role="img"
      aria-label={t.compareFitLabel(title)}
    />
  );
}
