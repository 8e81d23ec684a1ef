/**
 * English for the inside of the network: parameter strips, unit health and the step inspector.
 */
import type { ActivationName } from '../../../core/activations';
import type { Widen } from '../widen';

/** Marks a count whose units the strips draw grey. */
const grey = (count: number) => (count > 0 ? ' (grey)' : '');

export const enNetwork = {
  insideNetwork: 'Inside the network',
  networkNote:
    'bars: each unit’s parameter (orange +, blue −) · purple shade: size of its last gradient',
  groupNotes: { w1: 'input → unit', b1: 'unit bias', w2: 'unit → output', b2: 'output bias' },
  stripLabel: (name: string) => `${name} of each hidden unit, with its last gradient`,
  // The update strip (issue #20): what the optimizer did with the gradient.
  stripKeyGradient: '∇ size of the last gradient',
  stripKeyUpdate:
    'Δ size of the update the optimizer applied (w after − w before): plain SGD follows the gradient; Adam and RMSProp make it nearly even',
  // What "health" truly means for each activation (core's unitHealth counts it; the slopes are checked there).
  health: {
    none: (_count: number, _hidden: number) =>
      'No activation: units never die or saturate, but their sum can only ever be a line.',
    relu: (count: number, hidden: number) =>
      `Dead units: ${count} of ${hidden}${grey(count)}. A dead ReLU outputs 0 on every data point, so its gradient is 0 and no step can bring it back.`,
    tanh: (count: number, hidden: number) =>
      `Saturated units: ${count} of ${hidden}${grey(count)}. A saturated unit has |z| > 3 on every point, where tanh is nearly flat (tanh′ < 0.01), so its gradient all but vanishes.`,
    sigmoid: (count: number, hidden: number) =>
      `Saturated units: ${count} of ${hidden}${grey(count)}. A saturated unit has |z| > 3 on every point, where the sigmoid is nearly flat (σ′ < 0.05, under a fifth of its peak 0.25), so it learns slowly.`,
    'leaky-relu': (count: number, hidden: number) =>
      `Units in the leaky region: ${count} of ${hidden}${grey(count)}. Such a unit has z ≤ 0 on every point, where its slope is 0.01: it learns 100× more slowly, but unlike a ReLU it is never dead.`,
    elu: (count: number, hidden: number) =>
      `Units flat on the negative side: ${count} of ${hidden}${grey(count)}. Such a unit has z < −3 on every point, where ELU is nearly constant at −1 (slope e^z < 0.05). For z > 0 ELU is a line and never saturates.`,
    softplus: (count: number, hidden: number) =>
      `Nearly dead units: ${count} of ${hidden}${grey(count)}. Such a unit has z < −3 on every point, where Softplus is nearly 0 with slope σ(z) < 0.05: like a dead ReLU, but a small gradient remains, so it can come back slowly.`,
    sine: (count: number, hidden: number) =>
      `Sine units never die or saturate: their slope cos(z) swings back to ±1 every π. Units that turn back within the data (their z passes a peak of sin): ${count} of ${hidden}.`,
  } satisfies Record<ActivationName, (count: number, hidden: number) => string>,
  // The panel at depth: one block per layer, a health line per layer, the gradient chart.
  layerHeading: (layer: number) => `Layer ${layer}`,
  layerUnits: (width: number) => `${width} ${width === 1 ? 'unit' : 'units'}`,
  outputHeading: 'Output',
  normNote: (fanIn: number) => `size of ${fanIn} weights in`,
  normStripLabel: (name: string) =>
    `${name}: the size of each unit’s incoming weights, with the size of their last gradient`,
  // One line per layer; the counts are of units flat over every training point.
  layerHealth: {
    none: (_count: number, width: number) =>
      `${width} linear ${width === 1 ? 'unit' : 'units'}: none can die or saturate`,
    relu: (count: number, width: number) => `Dead units: ${count} of ${width}${grey(count)}`,
    tanh: (count: number, width: number) => `Saturated units: ${count} of ${width}${grey(count)}`,
    sigmoid: (count: number, width: number) =>
      `Saturated units: ${count} of ${width}${grey(count)}`,
    'leaky-relu': (count: number, width: number) =>
      `Units in the leaky region: ${count} of ${width}${grey(count)}`,
    elu: (count: number, width: number) =>
      `Units flat on the negative side: ${count} of ${width}${grey(count)}`,
    softplus: (count: number, width: number) =>
      `Nearly dead units: ${count} of ${width}${grey(count)}`,
    sine: (count: number, width: number) =>
      `Units turning back within the data: ${count} of ${width}`,
  } satisfies Record<ActivationName, (count: number, width: number) => string>,
  // What the per-layer counts mean at depth, where a layer's input is the layer below, not x.
  healthDeep: {
    none: 'No activation: units never die or saturate, but however many layers are stacked, the network’s function is a line.',
    relu: 'A dead ReLU outputs 0 on every training point, so its own weights get no gradient. In layer 1 no step can bring it back; in a deeper layer only a change in the layers below it can. Dead units pass no gradient down either.',
    tanh: 'A saturated unit has |z| > 3 on every point, where tanh is nearly flat (tanh′ < 0.01): its gradient all but vanishes, and so does what it passes down to the layers below.',
    sigmoid:
      'A saturated unit has |z| > 3 on every point, where the sigmoid is nearly flat (σ′ < 0.05). Even unsaturated, σ′ is at most 0.25, so the gradient shrinks at every layer it passes down through.',
    'leaky-relu':
      'A unit in the leaky region has z ≤ 0 on every point, where its slope is 0.01: it learns 100× more slowly and passes 100× less gradient down, but it is never dead.',
    elu: 'A unit flat on the negative side has z < −3 on every point, where ELU is nearly constant at −1 (slope e^z < 0.05). For z > 0 ELU is a line and never saturates.',
    softplus:
      'A nearly dead unit has z < −3 on every point, where Softplus is nearly 0 with slope σ(z) < 0.05: a small gradient remains, so it can come back slowly.',
    sine: 'Sine units never die or saturate: their slope cos(z) swings back to ±1 every π. Counted per layer: units whose z passes a peak or trough of sin within the data.',
  } satisfies Record<ActivationName, string>,
  gradChartTitle: 'Gradient size per layer',
  gradChartNote:
    'RMS of each layer’s last gradient (weights and biases), log scale: how hard the last step pushed on each layer. Small initial weights shrink the signal at every layer it passes, forward and back: with tanh or sigmoid at depth 4, the tutorial’s initialisation puts every line more than a decade below He’s.',
  gradChartLabel: 'Chart of each layer’s gradient size over the steps, log scale',
  gradChartStep: 'step',
  gradChartLayer: (layer: number) => `layer ${layer}`,
  gradChartOutput: 'output',
  inspectorPlaying:
    'Step inspector: pause, then click a data point to follow it through one step of backprop.',
  inspectorPaused:
    'Step inspector: click a data point on the fit plot to see its forward pass and its share of the gradients.',
  inspectorHeading: (i: number, n: number, step: number) => `Point ${i} of ${n} at step ${step}`,
  inspectorOutput: 'output',
  inspectorError: 'error',
  inspectorCellKey: 'In each gradient cell:',
  inspectorShare: 'this point’s share',
  inspectorSum: (points: number) => `Σ over all ${points} points`,
  inspectorNextStep: '(the next Step adds lr × Σ)',
  inspectorMoved: 'how far the last Step moved it',
  // What the optimizer did with the point's contribution (issue #20; see views/optimizerNote).
  inspectorNextStepOptions: '(over every point; a step uses its batch and the optimizer, below)',
  inspectorOptimizerHeading: 'What the last step did with this point',
  inspectorBatchAll: (n: number) =>
    `Every step uses all ${n} training points: this one is in each.`,
  inspectorInBatch: (b: number, n: number) =>
    `This point was in the last step’s batch (${b} of ${n} points).`,
  inspectorNotInBatch: (b: number, n: number) =>
    `This point was not in the last step’s batch (${b} of ${n} points): that step did not see it.`,
  inspectorNoBatchYet: (b: number, n: number) =>
    `Steps take batches of ${b} of the ${n} points; none has been taken with this batch size yet.`,
  inspectorShareSum: 'Its share enters the batch’s gradient as it is (reduction: sum).',
  inspectorShareMean: (b: number) =>
    `Under mean its share is divided by B = ${b} before it enters the batch’s gradient.`,
  inspectorPenalty: 'L1/L2 then add l1·sign(w) + l2·w to each weight’s gradient (not the biases’).',
  inspectorRule: {
    sgd: 'SGD: the step is −lr × gradient, so each parameter moves in proportion to its gradient.',
    momentum: (m: string) =>
      `Momentum: the gradient is added to a velocity that remembers past steps (v = ${m}·v + g), and the step is −lr × v: this point’s push carries on into later steps.`,
    rmsprop:
      'RMSProp: each parameter’s gradient is divided by the running size of its own gradients (√s), so the step is about lr per parameter, whatever the gradient’s size.',
    adam: 'Adam: a running mean of each parameter’s gradient is divided by its running size (m̂ / √v̂), so the step is about lr per parameter, whatever the gradient’s size: compare the panel’s teal Δ strips with the violet ∇ ones.',
  },
  inspectorUnit: 'unit',
  inspectorOut: 'out',
  inspectorBias: (b2: string) => `output bias b2 = ${b2}; its gradient gb2 is dz2 itself`,
  inspectorRowsListed: (shown: number, total: number) =>
    `${shown} of ${total} units listed: those whose w2·a1 matters most to this point.`,
  // The inspector at depth: one table per hidden layer, the output's numbers in the tutorial's numbering.
  inspectorDeepKey:
    'A unit’s share of gb is its delta dz: how this point’s loss pulls on its o. ‖gw‖ is the size of the gradient of its incoming weights (a column of w).',
  inspectorRange: (name: string, min: string, max: string) => `${name} from ${min} to ${max}`,
  inspectorLayerShare: (share: string, sum: string, points: number) =>
    `this point’s share of the layer’s gradient: ‖g‖ = ${share}; Σ over all ${points} points: ‖Σ‖ = ${sum}`,
  inspectorRowsListedOut: (shown: number, total: number, wa: string) =>
    `${shown} of ${total} units listed: those whose ${wa} matters most to this point.`,
  inspectorRowsListedDelta: (shown: number, total: number, dz: string) =>
    `${shown} of ${total} units listed: those with the largest |${dz}| for this point.`,
  inspectorBiasAt: (k: number, value: string) =>
    `output bias b${k} = ${value}; its gradient gb${k} is dz${k} itself`,
  inspectorSumming: (percent: number) => `Summing the gradients over all points… ${percent}%`,
};

export type NetworkMessages = Widen<typeof enNetwork>;
