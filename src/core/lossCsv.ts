/** The loss history as CSV: one row per stored point (decimated runs keep min/max pairs). */
import type { LossHistory } from './lossHistory';

function points(history: LossHistory): { steps: Float64Array; losses: Float32Array; n: number } {
  const steps = new Float64Array(history.capacity + 1);
  const losses = new Float32Array(history.capacity + 1);
  return { steps, losses, n: history.snapshot(steps, losses) };
}

/**
 * `step,loss` from the recorded losses. With mini-batches (`wholeSet` given: the loss on
 * all the training points, sampled less often) the columns follow the loss plot's lines,
 * `step,loss,batch_loss`, rows merged by step and a value left empty where its line has none.
 */
export function lossHistoryCsv(history: LossHistory, wholeSet: LossHistory | null = null): string {
  const batch = points(history);
  if (!wholeSet) {
    const lines = ['step,loss'];
    for (let i = 0; i < batch.n; i++) lines.push(`${batch.steps[i]},${batch.losses[i]}`);
    return `${lines.join('\n')}\n`;
  }
  const whole = points(wholeSet);
  const lines = ['step,loss,batch_loss'];
  let i = 0;
  let j = 0;
  while (i < whole.n || j < batch.n) {
    const a = i < whole.n ? whole.steps[i]! : Infinity;
    const b = j < batch.n ? batch.steps[j]! : Infinity;
    const step = Math.min(a, b);
    const loss = a === step ? String(whole.losses[i++]) : '';
    const batchLoss = b === step ? String(batch.losses[j++]) : '';
    lines.push(`${step},${loss},${batchLoss}`);
  }
  return `${lines.join('\n')}\n`;
}
