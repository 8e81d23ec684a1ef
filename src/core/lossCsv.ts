/** The loss history as CSV: one row per stored point (decimated runs keep min/max pairs). */
import type { LossHistory } from './lossHistory';

export function lossHistoryCsv(history: LossHistory): string {
  const steps = new Float64Array(history.capacity + 1);
  const losses = new Float32Array(history.capacity + 1);
  const n = history.snapshot(steps, losses);
  const lines = ['step,loss'];
  for (let i = 0; i < n; i++) lines.push(`${steps[i]},${losses[i]}`);
  return `${lines.join('\n')}\n`;
}
