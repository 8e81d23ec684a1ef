import { describe, expect, it } from 'vitest';
import { messagesFor as messages } from '../i18n';
import { batchMembership, optimizerNote, type OptimizerNoteInput } from './optimizerNote';

const base: OptimizerNoteInput = {
  options: { reduction: 'sum', optimizer: 'sgd', momentum: 0.9, l1: 0, l2: 0 },
  batchSize: 30,
  points: 30,
  pageIndex: 7,
  batch: null,
};

describe('what the inspector says the optimizer did', () => {
  it('tells batch membership apart', () => {
    expect(batchMembership(base)).toBe('all');
    const mini = { ...base, batchSize: 4 };
    expect(batchMembership(mini)).toBe('none-yet');
    expect(batchMembership({ ...mini, batch: Int32Array.of(3, 7, 9, 1) })).toBe('in');
    expect(batchMembership({ ...mini, batch: Int32Array.of(3, 8, 9, 1) })).toBe('out');
  });

  it.each(['en', 'zh'] as const)(
    '%s: names the batch, the share, the penalty and the rule',
    (lang) => {
      const t = messages(lang);
      const adam = optimizerNote(t, {
        ...base,
        options: { ...base.options, optimizer: 'adam', reduction: 'mean', l2: 0.01 },
        batchSize: 4,
        batch: Int32Array.of(7, 2, 5, 11),
      });
      expect(adam).toEqual([
        t.inspectorInBatch(4, 30),
        t.inspectorShareMean(4),
        t.inspectorPenalty,
        t.inspectorRule.adam,
      ]);
      expect(
        optimizerNote(t, { ...base, options: { ...base.options, optimizer: 'momentum' } }),
      ).toEqual([t.inspectorBatchAll(30), t.inspectorShareSum, t.inspectorRule.momentum('0.9')]);
    },
  );

  it('an epoch’s last, smaller batch is named by its own size (mean divides by it)', () => {
    const t = messages('en');
    const lines = optimizerNote(t, {
      ...base,
      options: { ...base.options, reduction: 'mean' },
      batchSize: 4,
      batch: Int32Array.of(7, 12),
    });
    expect(lines.slice(0, 2)).toEqual([t.inspectorInBatch(2, 30), t.inspectorShareMean(2)]);
  });

  it('English says it plainly', () => {
    const t = messages('en');
    const lines = optimizerNote(t, {
      ...base,
      options: { ...base.options, optimizer: 'rmsprop', reduction: 'mean' },
      batchSize: 4,
      batch: Int32Array.of(1, 2, 3, 4),
    });
    expect(lines[0]).toBe(
      'This point was not in the last step’s batch (4 of 30 points): that step did not see it.',
    );
    expect(lines[1]).toContain('divided by B = 4');
    expect(lines[2]).toContain('about lr per parameter');
  });
});
