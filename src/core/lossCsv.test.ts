import { expect, it } from 'vitest';
import { lossHistoryCsv } from './lossCsv';
import { LossHistory } from './lossHistory';

it('writes every stored point of the history, in step order', () => {
  const history = new LossHistory(8);
  history.append(0, [0.5, 0.25, 0.125]);
  expect(lossHistoryCsv(history)).toBe('step,loss\n0,0.5\n1,0.25\n2,0.125\n');
  history.append(
    3,
    Array.from({ length: 40 }, (_, i) => 1 / (i + 2)),
  );
  const rows = lossHistoryCsv(history)
    .trim()
    .split('\n')
    .slice(1)
    .map((r) => r.split(',').map(Number));
  expect(rows.length).toBeLessThanOrEqual(9);
  expect(rows.at(-1)![0]).toBe(42); // the newest step is always there
  for (let i = 1; i < rows.length; i++) expect(rows[i]![0]!).toBeGreaterThan(rows[i - 1]![0]!);
});

it('with mini-batches, puts the loss on all the points beside the batch losses, merged by step', () => {
  const batches = new LossHistory(8);
  batches.append(0, [0.5, 0.75, 0.25, 0.5]);
  const whole = new LossHistory(8);
  whole.push(0, 0.5);
  whole.push(2, 0.375);
  whole.push(5, 0.25);
  expect(lossHistoryCsv(batches, whole)).toBe(
    'step,loss,batch_loss\n0,0.5,0.5\n1,,0.75\n2,0.375,0.25\n3,,0.5\n5,0.25,\n',
  );
});
