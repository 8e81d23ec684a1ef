/**
 * English for the page around the playground: header, training status, the rescue after a
 * divergence, the link notice, and what the page says when something fails.
 */
import type { Problem } from '../../../core/problems';
import { momentumPileUp } from '../../../core/stability';
import { formatEn } from '../../../messages/en';
import type { RateAdvice } from '../../controls/rateAdvice';
import type { Widen } from '../widen';

/** What the rate advice and the rescue say (the case they are about, and the rates). */
export type AdviceText = Pick<
  RateAdvice,
  | 'points'
  | 'batch'
  | 'reduction'
  | 'optimizer'
  | 'momentum'
  | 'layers'
  | 'suggestion'
  | 'learningRate'
  | 'times'
>;

/** The network as a noun: "10 hidden units"; at depth, its layers and their widths. */
function networkNounEn(layers: readonly number[]): string {
  const [first] = layers;
  if (layers.length === 1) return `${first} hidden unit${first === 1 ? '' : 's'}`;
  if (layers.every((w) => w === first))
    return `a network of ${layers.length} hidden layers of ${first} unit${first === 1 ? '' : 's'}`;
  const widths = `${layers.slice(0, -1).join(', ')} and ${layers.at(-1)}`;
  return `a network of hidden layers of ${widths} units`;
}

/** "and 10 hidden units" for the tutorial's one layer; "in a network of …" at depth. */
function networkEn(layers: readonly number[]): string {
  return `${layers.length === 1 ? 'and' : 'in'} ${networkNounEn(layers)}`;
}

/** What each adaptive optimizer does to a step's size. */
const ADAPTIVE_EN = {
  adam: 'Adam divides each step by the root of its running mean of g², so every weight moves about lr a step whatever the gradient’s size',
  rmsprop:
    'RMSprop divides each step by the root of its running mean of g², so every weight moves about lr a step whatever the gradient’s size (up to 10× lr at first: that mean starts at zero)',
};

/** 1 / (1 - m), as a person reads it: 10 for 0.9. */
const pileUp = (a: AdviceText) => Number(momentumPileUp(a).toPrecision(2));

/**
 * Why a rate is safe here, ending "a rate that trains safely here is about S": by the
 * optimizer and the gradient (core/stability.ts has the rules and their math).
 */
function whyEn(a: AdviceText): string {
  const safe = `a rate that trains safely here is about ${a.suggestion}`;
  if (a.optimizer === 'adam' || a.optimizer === 'rmsprop')
    return `${ADAPTIVE_EN[a.optimizer]}: the points, the batch and sum or mean do not matter. Rates of 0.001 – 0.01 are typical, and ${safe}`;
  const piles =
    a.optimizer === 'momentum'
      ? `momentum ${a.momentum} piles steps up to 1/(1 − m) = ${pileUp(a)}× a plain one`
      : null;
  if (a.reduction === 'mean')
    return `Each step averages the gradient over its batch, so neither the ${a.points} training points nor the batch size change the safe rate; for ${networkNounEn(a.layers)}${piles ? `, where ${piles}` : ''}, ${safe}`;
  const over =
    a.batch < a.points
      ? `a batch of ${a.batch} of the ${a.points} training points`
      : `the ${a.points} training points`;
  return `Each step sums the gradient over ${over} ${networkEn(a.layers)}${piles ? `, and ${piles}` : ''}, so ${safe}`;
}

export const enPage = {
  // Header
  title: 'Backprop Playground',
  tagline: 'Watch a small network (1 → H → 1, or deeper) learn by backpropagation, step by step.',
  language: 'Language',
  theme: 'Theme',
  themeNames: { system: 'System', light: 'Light', dark: 'Dark' },
  copyLink: 'Copy link',
  copied: 'Copied',
  linkToRun: 'Link to this run',
  linkCopied: 'Link copied to the clipboard',
  // Status
  starting: 'Starting…',
  training: 'Training',
  paused: 'Paused',
  divergedStatus: (step: number | null) => `Diverged at step ${step ?? '?'}`,
  restart: 'Restart',
  rescueHeading: (step: number) => `Diverged at step ${step}: lower the learning rate.`,
  rescueKept: (good: number) =>
    `The loss blew up, so training paused and went back to the weights of step ${good}, the last step before the loss began to climb.`,
  rescueWhy: (a: AdviceText) =>
    `${whyEn(a)}; ${a.times > 1 ? `${a.learningRate} is ${a.times}× that.` : `${a.learningRate} is not above it, yet the loss grew: a smaller rate still helps.`}`,
  rescueLower: (rate: number) => `Lower the learning rate to ${rate} and resume`,
  rescueRewind: (step: number) => `Rewind to step ${step}`,
  lrAdvice: (a: AdviceText) =>
    `${whyEn(a)}; ${a.learningRate} is ${a.times}× that and may blow up or kill units.`,
  lrUse: (suggestion: number) => `Use ${suggestion}`,
  announce: (prefix: 'diverged' | 'paused' | '', step: number, loss: string) =>
    `${prefix === 'diverged' ? 'Diverged. ' : prefix === 'paused' ? 'Paused. ' : ''}Step ${step}, loss ${loss}.`,
  announceNoData: 'No training points: add some on the plot, or Regenerate, to train.',
  // Link notice
  noticeHeading: 'Some settings in this link were not used.',
  linkNotice: 'Link notice',
  dismiss: 'Dismiss',
  // When the page itself fails (an error boundary around the app)
  appCrashedTitle: 'Something went wrong',
  appCrashed:
    'The page ran into an error and stopped drawing. Reload it to go on; if the same settings break it again, go back to the defaults.',
  resetToDefaults: 'Reset to defaults',
  errorDetails: 'Details',
  // The footer, and the training worker or a part of the page failing to load
  footer:
    'The network, its default initialisation and its default update are those of a numpy tutorial on backpropagation: weights Normal(0, 0.1), biases 0.1, summed gradients over the full batch, w += lr · gw. Mini-batches, momentum, RMSProp, Adam and L1/L2 follow PyTorch’s torch.optim rules. Training runs in a Web Worker in float32.',
  workerSilent: 'The training worker stopped responding.',
  appLoadFailed:
    'The playground could not be loaded (you may be offline, or the site was updated since this page was opened).',
  reloadPage: 'Reload the page',
  plotsUnavailable:
    'The plots could not be loaded (you may be offline, or the site was updated since this page was opened). The network still trains.',
  workerFailed: (message: string) => `The training worker failed: ${message}`,
  workerStopped: (detail: string) => `The training worker stopped${detail ? `: ${detail}` : ''}.`,
  // Core's problems (bad CSV, expression, number, link, model file): one formatter per code in src/messages.
  problem: (problem: Problem) => formatEn(problem),
};

export type PageMessages = Widen<typeof enPage>;
