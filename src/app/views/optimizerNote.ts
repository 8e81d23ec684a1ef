/**
 * What the step inspector says the optimizer did with one point's contribution (issue #20):
 * whether the point was in the last step's batch, how its share enters the batch's gradient
 * (as it is under sum, ÷ B under mean), what L1/L2 add, and how the rule turns the gradient
 * into the step.
 */
import type { TrainingOptions } from '../../core/trainingOptions';
import type { Messages } from '../i18n';

export interface OptimizerNoteInput {
  options: Pick<TrainingOptions, 'reduction' | 'optimizer' | 'momentum' | 'l1' | 'l2'>;
  /** Points per step now (the batch size clamped to the training points). */
  batchSize: number;
  /** Training points, N. */
  points: number;
  /** The page's index of the inspected point. */
  pageIndex: number;
  /** The last step's batch, page indices (Frame.batch), or null. */
  batch: Int32Array | null;
}

/** Where the point stands in the last step's batch: every point, in it, not in it, or no batch step yet. */
export type BatchMembership = 'all' | 'in' | 'out' | 'none-yet';

export function batchMembership(input: OptimizerNoteInput): BatchMembership {
  if (input.batchSize >= input.points) return 'all';
  if (!input.batch) return 'none-yet';
  return input.batch.includes(input.pageIndex) ? 'in' : 'out';
}

/** The inspector's sentences, in order: the batch, the share, the penalty (when set), the rule. */
export function optimizerNote(t: Messages, input: OptimizerNoteInput): string[] {
  const { options, points } = input;
  const lines: string[] = [];
  const membership = batchMembership(input);
  // The last step's own size: an epoch's last batch may be smaller than B (mean divides by it).
  const batchSize = membership === 'all' ? points : (input.batch?.length ?? input.batchSize);
  switch (membership) {
    case 'all':
      lines.push(t.inspectorBatchAll(points));
      break;
    case 'in':
      lines.push(t.inspectorInBatch(batchSize, points));
      break;
    case 'out':
      lines.push(t.inspectorNotInBatch(batchSize, points));
      break;
    case 'none-yet':
      lines.push(t.inspectorNoBatchYet(batchSize, points));
      break;
  }
  lines.push(options.reduction === 'mean' ? t.inspectorShareMean(batchSize) : t.inspectorShareSum);
  if (options.l1 !== 0 || options.l2 !== 0) lines.push(t.inspectorPenalty);
  const rule = t.inspectorRule;
  switch (options.optimizer) {
    case 'sgd':
      lines.push(rule.sgd);
      break;
    case 'momentum':
      lines.push(rule.momentum(String(options.momentum)));
      break;
    case 'rmsprop':
      lines.push(rule.rmsprop);
      break;
    case 'adam':
      lines.push(rule.adam);
      break;
  }
  return lines;
}
