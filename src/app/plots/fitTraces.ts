/**
 * The fit plot's traces for one frame, in drawing order: the true function, the views'
 * underlays, the data (training, then held-out), the network's curve, the views' overlays.
 */
import type { LiveState } from '../liveStore';
import type { Messages } from '../i18n';
import type { ThinnedPoints } from './thinPoints';
import type { Data, Palette } from './plotStyle';

/** Above this many points markers are small and drawn without an outline. */
const SMALL_MARKERS_FROM = 500;

/** What the traces are drawn from that stays fixed while the run's data does. */
export interface FitScene {
  /** The number of training points. */
  points: number;
  shown: ThinnedPoints;
  testShown: ThinnedPoints;
  grid: Float32Array;
  truth: Float32Array;
}

export function fitTraces(
  scene: FitScene,
  frame: LiveState['frame'],
  layers: { under: Data[]; over: Data[] },
  labelText: Messages,
  colors: Palette,
): Data[] {
  return [
    {
      // meta: the trace's fixed id (clicks, tests); name: its label in the legend.
      meta: 'truth',
      name: labelText.legendTruth,
      x: scene.grid,
      y: scene.truth,
      mode: 'lines',
      line: { color: colors.truth, dash: 'dash', width: 1.5 },
      opacity: 0.6,
      hoverinfo: 'skip',
    },
    ...layers.under,
    {
      // Thinning is said in the hover text.
      meta: 'data',
      name: labelText.legendData,
      hovertemplate:
        scene.shown.stride > 1
          ? `x %{x:.3f}<br>y %{y:.3f}<extra>${labelText.hoverThinned(scene.shown.stride)}</extra>`
          : undefined,
      x: scene.shown.x,
      y: scene.shown.y,
      mode: 'markers',
      marker:
        scene.points > SMALL_MARKERS_FROM
          ? { color: colors.data, size: 4, opacity: 0.6 }
          : {
              color: colors.data,
              size: 8,
              opacity: 0.75,
              line: { width: 1, color: colors.markerLine },
            },
    },
    // Held-out points: hollow, so what the network never trains on stands apart.
    ...(scene.testShown.x.length > 0
      ? [
          {
            meta: 'test data',
            name: labelText.legendTestData,
            x: scene.testShown.x,
            y: scene.testShown.y,
            mode: 'markers' as const,
            marker: {
              color: colors.data,
              size: 9,
              symbol: 'circle-open',
              line: { width: 2, color: colors.data },
            },
            hovertemplate: `${labelText.hoverHeldOut}<br>x %{x:.3f}<br>y %{y:.3f}<extra></extra>`,
          },
        ]
      : []),
    {
      meta: 'fit',
      name: labelText.legendFit,
      x: scene.grid,
      y: frame ? frame.curve : new Float32Array(0),
      mode: 'lines',
      line: { color: colors.fit, width: 3 },
    },
    ...layers.over,
  ];
}
