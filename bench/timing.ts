/** Timing helpers shared by the benchmark's child processes. */

/** Warms a step up (JIT tiers, caches) for about a tenth of the budget; returns seconds per step. */
function warmUp(step: () => number, budgetSeconds: number): number {
  const t = performance.now();
  let warm = 0;
  do {
    step();
    warm++;
  } while (performance.now() - t < (budgetSeconds * 1000) / 10 && warm < 1e6);
  return (performance.now() - t) / 1000 / warm;
}

/** Steps per second of `repeats` runs of about budget / repeats seconds each (at least one step). */
export function timeSteps(step: () => number, budgetSeconds: number, repeats: number): number[] {
  const perStep = warmUp(step, budgetSeconds);
  // Slow implementations at big sizes: fewer timed runs of one step each.
  if (perStep > budgetSeconds / repeats)
    repeats = Math.max(2, Math.min(repeats, Math.ceil((2 * budgetSeconds) / perStep)));
  const count = Math.max(1, Math.floor(budgetSeconds / repeats / Math.max(perStep, 1e-9)));
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    for (let k = 0; k < count; k++) step();
    rates.push(count / ((performance.now() - t) / 1000));
  }
  return rates;
}

/**
 * Steps per second of several implementations timed in alternation: round r times each in
 * turn (the order reversed every other round), so a drift in the machine's speed (a shared
 * host's) hits all alike and their ratio stays fair. Budget per implementation.
 */
export function timeAlternating(
  steps: readonly (() => number)[],
  budgetSeconds: number,
  repeats: number,
): number[][] {
  const rounds = repeats * 3;
  const counts = steps.map((step) =>
    Math.max(1, Math.floor(budgetSeconds / rounds / Math.max(warmUp(step, budgetSeconds), 1e-9))),
  );
  const rates = steps.map((): number[] => []);
  for (let r = 0; r < rounds; r++) {
    const order = steps.map((_, i) => (r % 2 ? steps.length - 1 - i : i));
    for (const i of order) {
      const t = performance.now();
      for (let k = 0; k < counts[i]!; k++) steps[i]!();
      rates[i]!.push(counts[i]! / ((performance.now() - t) / 1000));
    }
  }
  return rates;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
