/**
 * English for the page around the playground: header, training status, the rescue after a
 * divergence, the link notice, and what the page says when something fails.
 */
import type { Problem } from '../../../core/problems';
import { formatEn } from '../../../messages/en';
import type { Widen } from '../widen';

/**
 * The network in the rate advice: "and 10 hidden units" for the tutorial's one layer; at
 * depth, the layers and their widths ("in a network of 3 hidden layers of 16 units").
 */
function networkEn(layers: readonly number[]): string {
  const [first] = layers;
  if (layers.length === 1) return `and ${first} hidden unit${first === 1 ? '' : 's'}`;
  if (layers.every((w) => w === first))
    return `in a network of ${layers.length} hidden layers of ${first} unit${first === 1 ? '' : 's'}`;
  const widths = `${layers.slice(0, -1).join(', ')} and ${layers.at(-1)}`;
  return `in a network of hidden layers of ${widths} units`;
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
  rescueWhy: (
    points: number,
    layers: readonly number[],
    suggestion: number,
    lr: number,
    times: number,
  ) =>
    `Each step sums the gradient over the ${points} training points ${networkEn(layers)}, so a rate that trains safely here is about ${suggestion}; ${times > 1 ? `${lr} is ${times}× that.` : `${lr} is not above it, yet the loss grew: a smaller rate still helps.`}`,
  rescueLower: (rate: number) => `Lower the learning rate to ${rate} and resume`,
  rescueRewind: (step: number) => `Rewind to step ${step}`,
  lrAdvice: (
    points: number,
    layers: readonly number[],
    suggestion: number,
    lr: number,
    times: number,
  ) =>
    `Each step sums the gradient over the ${points} training points ${networkEn(layers)}, so a rate that trains safely here is about ${suggestion}; ${lr} is ${times}× that and may blow up or kill units.`,
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
    'The network, its default initialisation and its update are those of a numpy tutorial on backpropagation: weights Normal(0, 0.1), biases 0.1, summed gradients, w += lr · gw. Training runs in a Web Worker in float32.',
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
