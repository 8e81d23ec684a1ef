/**
 * The loss plot's traces: pinned runs, reference lines, the training loss (on all the
 * training points), the batch losses under mini-batches, the L1/L2 penalty and the
 * held-out loss.
 */
import type { Baselines } from '../../core/baselines';
import { t } from '../i18n';
import { baselineTraces } from '../views/lossLayers';
import type { Data, Palette } from './plotStyle';

export interface LossTraceInput {
  pinnedTraces: readonly Data[];
  baselines: Baselines;
  logScale: boolean;
  showTest: boolean;
  colors: Palette;
  steps: Float64Array;
  losses: Float32Array;
  /** Losses in use at the start of `steps` and `losses`. */
  n: number;
  testSteps: Float64Array;
  testLosses: Float32Array;
  /** Held-out losses in use. */
  nt: number;
  /** Each step's recorded loss when those are one mini-batch's (then `losses` are on all the points); nb = 0: none. */
  batchSteps: Float64Array;
  batchLosses: Float32Array;
  nb: number;
  /** The L1/L2 penalty per frame; np = 0 when none was set. */
  penaltySteps: Float64Array;
  penalties: Float32Array;
  np: number;
}

/** Whether the plot has more than one loss of the live run to tell apart, hence a legend. */
export function needsLegend(input: Pick<LossTraceInput, 'showTest' | 'nb' | 'np'>): boolean {
  return input.showTest || input.nb > 0 || input.np > 0;
}

/** The traces, with the reference lines drawn from step 0 to `reach`. */
export function lossTraces(input: LossTraceInput, reach: number): Data[] {
  const { pinnedTraces, baselines, logScale, showTest, colors: COLORS } = input;
  const { steps, losses, n, testSteps, testLosses, nt } = input;
  const { batchSteps, batchLosses, nb, penaltySteps, penalties, np } = input;
  return [
    ...pinnedTraces.map((t) => ({ ...t, showlegend: false })),
    ...baselineTraces(baselines, reach, logScale).map((t) => ({ ...t, showlegend: false })),
    // Under the training loss, faint: each step's loss on its own batch, the noise of mini-batches.
    ...(nb > 0
      ? [
          {
            name: 'batch loss',
            x: batchSteps.subarray(0, nb),
            y: batchLosses.subarray(0, nb),
            mode: 'lines' as const,
            line: { color: COLORS.loss, width: 1 },
            opacity: 0.35,
            hovertemplate: `${t().hoverStepBatchLoss}<extra></extra>`,
          },
        ]
      : []),
    {
      name: 'loss',
      x: steps.subarray(0, n),
      y: losses.subarray(0, n),
      // A single loss (step 0 of a run standing still) is a dot: a line of one point draws nothing.
      // It sits on the axis at step 0, where clipping would cut it in half.
      mode: n === 1 ? ('markers' as const) : ('lines' as const),
      marker: { color: COLORS.loss, size: 8 },
      cliponaxis: n !== 1,
      line: { color: COLORS.loss, width: 2 },
      hovertemplate: `${t().hoverStepLoss}<extra></extra>`,
    },
    // What L1/L2 adds to what the optimizer minimises (the recorded losses leave it out).
    ...(np > 0
      ? [
          {
            name: 'penalty',
            x: penaltySteps.subarray(0, np),
            y: penalties.subarray(0, np),
            mode: 'lines' as const,
            line: { color: COLORS.penalty, width: 1.5 },
            hovertemplate: `${t().hoverStepPenalty}<extra></extra>`,
          },
        ]
      : []),
    // The held-out points' loss, when some are held out: where it parts from the
    // training loss, the network is fitting the noise of the points it sees.
    ...(showTest && nt > 0
      ? [
          {
            name: 'test loss',
            x: testSteps.subarray(0, nt),
            y: testLosses.subarray(0, nt),
            mode: 'lines' as const,
            line: { color: COLORS.test, width: 2, dash: 'dot' as const },
            hovertemplate: `${t().hoverStepTestLoss}<extra></extra>`,
          },
        ]
      : []),
  ];
}
