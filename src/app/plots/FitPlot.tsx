/**
 * The noisy data, the true function and the network's curve. Data and axes are rebuilt
 * only when the run's data changes; the curve is redrawn from liveStore at most once
 * per animation frame, without React renders.
 */
import { useEffect, useMemo, useRef } from 'react';
import { targetFunction } from '../../core/dataset';
import { curveGrid, PLOT_X_RANGE } from '../../core/grid';
import { buildDataset } from '../../core/run';
import { liveStore } from '../liveStore';
import { subscribeRaf } from '../rafSubscribe';
import { useAppStore } from '../store';
import { axis, baseLayout, COLORS, Plotly, PLOT_CONFIG, type Data } from './plotly';

/** Extra room above and below the data, as a fraction of its spread. */
const Y_PADDING = 0.15;

function yRange(values: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of values) {
    for (let i = 0; i < arr.length; i++) {
      lo = Math.min(lo, arr[i]!);
      hi = Math.max(hi, arr[i]!);
    }
  }
  const pad = Math.max(hi - lo, 0.5) * Y_PADDING;
  return [lo - pad, hi + pad];
}

export function FitPlot() {
  const ref = useRef<HTMLDivElement>(null);
  const dataset = useAppStore((s) => s.config.dataset);
  const points = useAppStore((s) => s.config.points);
  const noise = useAppStore((s) => s.config.noise);
  const seed = useAppStore((s) => s.config.seed);
  const expression = useAppStore((s) => s.config.expression);

  const scene = useMemo(() => {
    const data = buildDataset({ dataset, expression, points, noise, seed, hidden: 1, activation: 'none' });
    const grid = curveGrid();
    const truth = grid.map(targetFunction({ dataset, expression }));
    const inData = truth.filter((_, i) => Math.abs(grid[i]!) <= 1);
    return { data, grid, truth, range: yRange([data.y, inData]) };
  }, [dataset, expression, points, noise, seed]);

  useEffect(() => {
    const div = ref.current!;
    const layout = {
      ...baseLayout(),
      xaxis: axis('x', { range: [...PLOT_X_RANGE], zeroline: true }),
      yaxis: axis('y', { range: scene.range, zeroline: true }),
    };
    let revision = 0;
    const unsubscribe = subscribeRaf(liveStore, ({ frame }) => {
      const traces: Data[] = [
        {
          name: 'truth',
          x: scene.grid,
          y: scene.truth,
          mode: 'lines',
          line: { color: COLORS.truth, dash: 'dash', width: 1.5 },
          opacity: 0.6,
          hoverinfo: 'skip',
        },
        {
          name: 'data',
          x: scene.data.x,
          y: scene.data.y,
          mode: 'markers',
          marker: { color: COLORS.data, size: points > 500 ? 4 : 8, opacity: 0.75, line: { width: 1, color: '#fff' } },
        },
        {
          name: 'fit',
          x: scene.grid,
          y: frame ? frame.curve : new Float32Array(0),
          mode: 'lines',
          line: { color: COLORS.fit, width: 3 },
        },
      ];
      void Plotly.react(div, traces, { ...layout, datarevision: ++revision }, PLOT_CONFIG);
    });
    return unsubscribe;
  }, [scene, points]);

  useEffect(() => {
    const div = ref.current!;
    return () => Plotly.purge(div);
  }, []);

  return <div ref={ref} className="plot plot-fit" data-testid="fit-plot" role="img" aria-label="Fit plot: data, true function and the network's curve" />;
}
