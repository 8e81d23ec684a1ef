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
  inspectorUnit: 'unit',
  inspectorOut: 'out',
  inspectorBias: (b2: string) => `output bias b2 = ${b2}; its gradient gb2 is dz2 itself`,
  inspectorRowsListed: (shown: number, total: number) =>
    `${shown} of ${total} units listed: those whose w2·a1 matters most to this point.`,
};

export type NetworkMessages = Widen<typeof enNetwork>;
