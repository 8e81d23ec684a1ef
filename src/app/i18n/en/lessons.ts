/**
 * English for the lesson line: what the hidden units are and what they can do with the data.
 */
import type { ActivationName } from '../../../core/activations';
import type { DatasetName } from '../../../core/dataset';
import type { Widen } from '../widen';

export const enLessons = {
  // The lesson line: what one hidden unit is, then what that means for this data (see src/app/lessonText.ts).
  lessonUnit: {
    none: 'None (identity): every hidden unit is a line, w2·(w1·x + b1), and a sum of lines is a line.',
    relu: 'ReLU: each hidden unit is a hinge, max(0, w1·x + b1): 0 on one side of its kink, a straight line on the other.',
    tanh: 'tanh: each hidden unit is a smooth step from −1 to 1, centred where w1·x + b1 = 0.',
    sigmoid: 'Sigmoid: each hidden unit is a smooth step from 0 to 1, centred where w1·x + b1 = 0.',
    'leaky-relu':
      'Leaky ReLU: each hidden unit is a hinge whose flat side keeps a slope of 0.01, max(0.01·z, z), so it never stops passing a gradient back.',
    elu: 'ELU: each hidden unit is a straight line on one side of its kink and, on the other, the curve e^z − 1, which levels off towards −1.',
    softplus:
      'Softplus: each hidden unit is a rounded hinge, ln(1 + e^z): near 0 on one side, near the line z on the other.',
    sine: 'Sine: each hidden unit is a wave, sin(w1·x + b1), rising and falling again every 2π/|w1| in x; it never flattens out.',
  } satisfies Record<ActivationName, string>,
  /** With no activation the network is a line: what that does to each kind of data. */
  lessonLine: {
    linear: 'This data is a line too, which is all it needs.',
    quadratic:
      'So the network cannot bend to fit x²: this is the tutorial’s underfitting experiment. Try ReLU.',
    sine: 'So the network cannot follow the rise and fall of sin(πx): at best it draws the best straight line through it. Try tanh or Sine.',
    abs: 'So the network cannot make the corner of |x|: at best it draws the best straight line through the V. Try ReLU.',
    step: 'So the network cannot jump from 0 to 1: at best it draws a tilted line through the step. Try Sigmoid.',
    cubic:
      'So the network cannot bend into the S of x³: at best it draws the best straight line through it. Try tanh.',
    custom:
      'So it fits your expression only as well as a straight line can: if its graph bends, the network underfits. Try ReLU.',
    own: 'So it fits your points only as well as a straight line can: if they do not lie on a line, the network underfits. Try ReLU.',
  } satisfies Record<DatasetName | 'own', string>,
  /** With an activation: what the units' sum can do with each kind of data. */
  lessonBends: {
    linear:
      'This data is a straight line, so no bend is needed: the units’ bends must cancel out, stay gentle or lie outside the data. With no activation the network is a line exactly.',
    quadratic: 'Added up (with b2), the units can bend the curve into the parabola x².',
    sine: 'Added up (with b2), the units can make the curve rise and fall with sin(πx).',
    abs: 'Added up (with b2), the units can make the V of |x|; none of them has a sharp corner, so the corner comes out slightly rounded.',
    step: 'No continuous curve can jump, but steep units can make the rise from 0 to 1 nearly sudden; points next to x = 0 keep some error.',
    cubic: 'Added up (with b2), the units can bend the curve into the S of x³.',
    custom:
      'Added up (with b2), the units can bend the curve to follow your expression, as closely as their number and the steps allow.',
    own: 'Added up (with b2), the units can bend the curve through your points; with many units and few points it can fit their noise too.',
  } satisfies Record<DatasetName | 'own', string>,
  lessonReluSquare:
    'The output adds the hinges up, so the curve can bend: this is how the tutorial’s network fits x².',
  lessonHingesAbs:
    'Two hinges make |x| exactly, one for each side of its corner: a network of hinges can fit it with no error but the noise.',
  lessonStepUnits:
    'One steep unit (large w1) is already nearly this step; no continuous curve can jump, so points next to x = 0 keep some error.',
  lessonSineSine:
    'sin(πx) is itself one sine unit, with w1 = π and b1 = 0: this network can fit it with no error but the noise.',
  lessonJoin: (unit: string, data: string) => `${unit} ${data}`,
  // Deeper networks: a unit of a later layer is its activation of a sum of the layer below, not of w1·x + b1.
  lessonDeepUnit: {
    none: 'None (identity): every unit of every layer is a line of x, and lines of lines are lines: however deep, the network is one straight line.',
    relu: 'ReLU: each unit is max(0, z) of a weighted sum z of the layer below: in layer 1 a hinge in x, deeper down a hinge of an already bent line, so one unit can bend several times.',
    tanh: 'tanh: each unit squashes a weighted sum of the layer below into −1 to 1: a smooth step in x in layer 1, smooth steps of curves deeper down.',
    sigmoid:
      'Sigmoid: each unit squashes a weighted sum of the layer below into 0 to 1: a smooth step in x in layer 1, smooth steps of curves deeper down.',
    'leaky-relu':
      'Leaky ReLU: each unit is max(0.01·z, z) of a weighted sum z of the layer below: a hinge in layer 1, hinges of bent lines deeper down, never flat enough to stop the gradient.',
    elu: 'ELU: each unit is z, or e^z − 1 below 0, of a weighted sum z of the layer below: a line with one curved side in layer 1, curves of curves deeper down.',
    softplus:
      'Softplus: each unit is ln(1 + e^z) of a weighted sum z of the layer below: a rounded hinge in layer 1, rounded hinges of curves deeper down.',
    sine: 'Sine: each unit is sin(z) of a weighted sum z of the layer below: a wave in x in layer 1, waves of waves deeper down.',
  } satisfies Record<ActivationName, string>,
  /** What the curve of a deeper network can follow, per kind of data. */
  lessonDeepTarget: {
    linear: 'a straight line (the bends must cancel out or lie outside the data)',
    quadratic: 'the parabola x²',
    sine: 'the rise and fall of sin(πx)',
    abs: 'the V of |x|',
    step: 'the rise from 0 to 1 of the step, nearly (no continuous curve can jump)',
    cubic: 'the S of x³',
    custom: 'your expression',
    own: 'your points',
  } satisfies Record<DatasetName | 'own', string>,
  lessonDeepSum: (target: string) =>
    `The output adds up the last layer’s units, plus its bias, so the curve can follow ${target}; Show layers draws what each layer makes of the one below.`,
};

export type LessonsMessages = Widen<typeof enLessons>;
