/** Number formatting for readouts: plain numbers, so tests and people read them alike. */

/** Loss with 4 significant digits, plain notation down to 1e-4. */
export function formatLoss(loss: number): string {
  if (Number.isNaN(loss)) return 'NaN';
  if (!Number.isFinite(loss)) return loss > 0 ? '∞' : '-∞';
  if (loss !== 0 && Math.abs(loss) < 1e-4) return loss.toExponential(3);
  return loss.toPrecision(4);
}

export function formatRate(stepsPerSecond: number): string {
  if (stepsPerSecond >= 1e6) return `${(stepsPerSecond / 1e6).toFixed(2)}M`;
  if (stepsPerSecond >= 1e4) return `${Math.round(stepsPerSecond / 1e3)}k`;
  return String(Math.round(stepsPerSecond));
}
