/** Numbers in the network panel: 4 significant digits, plain ASCII so people and tests read them alike. */
export function num(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e5) return v.toExponential(3);
  return v.toPrecision(4);
}

/** As num, with an explicit + on positive values (for changes). */
export function signed(v: number): string {
  return v > 0 ? `+${num(v)}` : num(v);
}
