/**
 * English for the fit and loss plots, their views, notes and pinned runs.
 */
import type { KinkKind } from '../../../core/insight';
import type { Widen } from '../widen';

const KINK_WORDS: Record<KinkKind, string> = {
  none: 'kink',
  hinge: 'hinge',
  centre: 'centre',
  zero: 'zero crossing',
};

export const enPlots = {
  fit: 'Fit',
  loss: 'Loss',
  logScale: 'Log scale',
  exportLossCsv: 'Export loss CSV',
  plotNoiseFloor: 'true function’s error',
  legendTruth: 'truth',
  legendData: 'data',
  legendTestData: 'test data',
  legendFit: 'fit',
  hoverHeldOut: 'held out',
  hoverThinned: (every: number) => `1 in ${every} points shown`,
  hoverStepLoss: 'step %{x}<br>loss %{y:.4g}',
  hoverStepTestLoss: 'step %{x}<br>test loss %{y:.4g}',
  hoverStepBatchLoss: 'step %{x}<br>batch loss %{y:.4g}',
  hoverStepPenalty: 'step %{x}<br>penalty %{y:.4g}',
  epochMarks: 'epochs',
  pinnedTrace: (label: string) => `pinned: ${label}`,
  kinkHover: (unit: number, kind: KinkKind, x: string, pile = 1) =>
    `unit ${unit}: ${KINK_WORDS[kind]} at x = ${x}${pile > 1 ? ` (${pile} ${KINK_WORDS[kind]}s here)` : ''}`,
  breakpointHover: (x: string) => `kink of the network at x = ${x}`,
  /** One marker for kinks of the network within about a pixel of each other (x: the first's and the last's). */
  breakpointPileHover: (count: number, from: string, to: string) =>
    `${count} kinks of the network at x = ${from === to ? from : `${from} to ${to}`}`,
  plotBestLine: 'best straight line',
  axisStep: 'step',
  axisLoss: 'loss (MSE)',
  fitPlotLabel: 'Fit plot: data, true function and the network’s curve',
  lossPlotLabel: 'Loss plot: mean squared error against training step',
  noteUnitsDrawn: (shown: number, total: number) =>
    `${shown} largest of ${total} units drawn; the other ${total - shown} are summed in the dotted line`,
  noteResiduals: (shown: number, total: number) =>
    `Residuals of ${shown} of ${total} points, evenly spread`,
  noteNoKinks: 'No kinks: without an activation every unit is a straight line',
  noteSmoothDepth:
    'No kinks to mark: a deep network of a smooth activation bends gradually everywhere;',
  noteSmoothDepthWhy: 'only with one hidden layer is each bend (a unit’s centre) one unit’s own',
  fitViews: 'Fit plot views',
  showUnits: 'Show units',
  showUnitsTitle:
    'Each hidden unit’s contribution w2·act(w1·x + b1) as a thin line: they add up to the fit',
  showKinks: 'Show kinks',
  showKinksTitle: 'Where each unit bends: x = −b1 / w1 (hollow when outside the data)',
  showUnitsTitleDeep:
    'Each unit of the last hidden layer times its output weight, as a thin line: with the output bias they add up to the fit',
  showKinksTitleDeep:
    'Where the network’s function bends, found exactly from the weights (ReLU, leaky ReLU, none), and how many straight pieces it has',
  legendBiasDeep: 'dashed purple: the output bias; the last layer’s units plus it add up to orange',
  showLayers: 'Show layers',
  showLayersTitle:
    'One small plot per hidden layer: its units’ activations as functions of x, so you see each layer bend the one before',
  layerPlots: 'Hidden layers, unit by unit',
  layerPlotTitle: (layer: number, width: number, shown: number) =>
    `Layer ${layer} · ${width} ${width === 1 ? 'unit' : 'units'}${shown < width ? ` (${shown} largest drawn)` : ''}`,
  layerPlotLabel: (layer: number) => `Activations of hidden layer ${layer} against x`,
  layerHover: 'unit %{customdata}<br>x %{x:.3f}<br>a %{y:.3g}<extra></extra>',
  layersNote:
    'Each line is one unit’s activation a(x) over the plotted range. Layer 1 applies the activation to straight lines w·x + b; every later layer applies it to weighted sums of the lines in the layer before.',
  piecesCount: (n: number) => `${n} linear ${n === 1 ? 'piece' : 'pieces'} on the plotted range`,
  piecesHint:
    'Research found that along a line the number of pieces of a trained or freshly initialised ReLU network grows roughly with its total number of units, far below the exponential maximum that depth allows (Hanin and Rolnick 2019; for 1-D inputs, Kogan et al. 2025).',
  pileNote: (count: number, width: number, x: string, atZero: boolean) =>
    `${count} of ${width} first-layer hinges sit at x ≈ ${x}${atZero ? ': with zero initial biases (Glorot, He) every hinge starts at x = 0, and training must spread them out' : ''}.`,
  showResiduals: 'Show residuals',
  showResidualsTitle: 'A segment from each data point to the curve: the errors the loss squares',
  legendNetwork: 'orange: the network',
  legendUnits: 'thin purple: its hidden units',
  legendBias: 'dashed purple: the output bias b2; the units plus b2 add up to orange',
  legendKinks: (kind: KinkKind) => `▲ ${KINK_WORDS[kind]}s (hollow: outside the data)`,
  legendDeepKinks:
    '▲ kinks of the network’s function, one mark for those within a pixel or so (hover: how many; hollow: outside the data)',
  legendResiduals: 'red: residuals',
  legendClick: 'click a point to inspect it',
  // The last step's batch on the fit plot (issue #20, mini-batches).
  legendBatch: 'amber halo: the last step’s batch',
  legendBatchTrace: 'last batch',
  lossNoteFloor: (value: string) =>
    `True function’s error on these points: ${value}, the mean squared noise of this sample. A training loss below it means the network follows some of that noise; whether that costs anything on new points shows in the test loss (hold out a test share).`,
  lossNoteLine: (value: string) =>
    `Best straight line: ${value}, the lowest loss a network without activation can ever reach.`,
  lossNoteLineBelowTruth: (n: number) =>
    `On ${n === 1 ? 'this point' : `these ${n} points`} even the best straight line scores below the true function: fitted to few points, a line already follows part of their noise.`,
  pinRun: 'Pin run',
  pinRunTitle: 'Keep this run’s loss curve and fit to compare with the next',
  pinFull: (max: number) => `Up to ${max} pinned runs: unpin one first`,
  clearPinned: 'Clear pinned',
  pinnedRuns: 'Pinned runs',
  pinStep: (step: number) => `step ${step}`,
  unpin: 'Unpin',
};

export type PlotsMessages = Widen<typeof enPlots>;
