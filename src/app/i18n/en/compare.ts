/** English for the comparison: up to four runs side by side on the same data (issue #22). */
import type { VaryKey } from '../../../core/compare';
import type { Widen } from '../widen';

const VARY_LABELS: Record<VaryKey, string> = {
  activation: 'Activation',
  hidden: 'Hidden units',
  layers: 'Hidden layers',
  init: 'Initialisation',
  optimizer: 'Optimizer',
  learningRate: 'Learning rate',
  batch: 'Batch size',
};

export const enCompare = {
  compareOpen: 'Compare',
  compareOpenTitle:
    'Train up to four networks side by side on the same data, differing in one setting',
  compareBack: 'Back to single run',
  compareLoading: 'Loading the comparison…',
  compareFailed: (detail: string) =>
    `The comparison could not be loaded or stopped working${detail ? ` (${detail})` : ''}. The single run is as you left it.`,
  compareHeading: 'Compare',
  compareIntro: (vary: string) =>
    `The same data and network, trained side by side; only the ${vary.toLowerCase()} differs.`,
  compareVary: 'Vary',
  compareVaryLabel: (vary: VaryKey) => VARY_LABELS[vary],
  compareRunsLabel: 'Runs',
  compareRunValue: (n: number) => `Run ${n}`,
  compareAddRun: 'Add run',
  compareAddRunTitle: 'Another run with a value not yet compared (at most four)',
  compareRemoveRun: (title: string) => `Remove ${title}`,
  compareBatchHint: 'points a step, or full',
  compareRepeated: (value: string) => `${value} is already compared: choose another value.`,
  compareOneOf: (values: readonly string[]) => `Choose one of ${values.join(', ')}.`,
  /** A run's title: its value, said as the setting for numbers. */
  compareRunTitle: (vary: VaryKey, value: string) => {
    switch (vary) {
      case 'learningRate':
        return `lr ${value}`;
      case 'hidden':
        return `${value} unit${value === '1' ? '' : 's'}`;
      case 'layers':
        return `${value} layer${value === '1' ? '' : 's'}`;
      case 'batch':
        return value === 'full' ? 'full batch' : `batch ${value}`;
      default:
        return value;
    }
  },
  compareStep: (step: number) => `step ${step}`,
  compareCopyScriptTitle:
    'One numpy script that trains every run of the comparison in turn, as far as each has gone',
  compareStepAllTitle: 'Pause every run and take one step of each',
  compareResetAllTitle: 'Start every run again from the same seed',
  compareRescuedRate: (rate: number) => `learning rate lowered to ${rate}`,
  compareFitLabel: (title: string) => `Fit of the ${title} run: the data and the network’s curve`,
  compareLossTitle: 'Loss of each run',
  compareLossLabel: 'Loss plot: each run’s mean squared error against training step',
  compareTestTrace: (value: string) => `${value} test`,
  compareTableCaption:
    'Live, for each run. ★ marks the best in each column: the lowest training and test loss, the most steps per second, the most linear pieces (the most bends the fit can make), the fewest parameters.',
  compareColRun: 'Run',
  compareColLoss: 'Training loss',
  compareColTestLoss: 'Test loss',
  compareColRate: 'Steps/s',
  compareColPieces: 'Linear pieces',
  compareColParams: 'Params',
  compareBest: 'best',
  compareSummary: (title: string, loss: string) => `Lowest training loss now: ${title}, ${loss}.`,
  compareDiverged: (title: string, step: number) => `The ${title} run diverged at step ${step}.`,
};

export type CompareMessages = Widen<typeof enCompare>;
