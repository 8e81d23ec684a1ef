/** Shared pieces of the browser tests: console watching and reading Plotly traces. */
import { expect, test as base, type Page } from '@playwright/test';

/** A test whose page must not log a console error or throw. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/** The y values of a named trace in a Plotly graph div. */
export async function traceY(page: Page, testId: string, name: string): Promise<number[]> {
  return page.evaluate(
    ([id, traceName]) => {
      const gd = document.querySelector<
        HTMLElement & { data?: { meta?: string; name?: string; y?: ArrayLike<number> }[] }
      >(`[data-testid="${id}"]`);
      // A trace's fixed id is its meta where it has one (its name follows the language).
      const trace = gd?.data?.find((t) => (t.meta ?? t.name) === traceName);
      return trace?.y ? Array.from(trace.y) : [];
    },
    [testId, name] as const,
  );
}

export async function readNumber(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).textContent());
}

/**
 * Waits until the step readout passes n and, unless told otherwise, both plots have had
 * their first Plotly draw: the run starts before the app loads and Plotly comes last (see
 * src/app/main.tsx), so steps can show before the plots do.
 */
export async function waitForStep(page: Page, n: number, { plots = true } = {}): Promise<void> {
  await expect.poll(() => readNumber(page, 'step'), { timeout: 15_000 }).toBeGreaterThan(n);
  if (plots) await waitForPlots(page);
}

/**
 * Pauses and waits for the worker's frame that says so: the button shows Paused at once,
 * while steps taken meanwhile arrive in a frame after it.
 */
export async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveAttribute('data-state', 'paused');
}

/** Waits until the fit and loss plots have each been drawn by Plotly. */
export async function waitForPlots(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ['fit-plot', 'loss-plot'].every((id) => {
        const gd = document.querySelector<HTMLElement & { data?: unknown; on?: unknown }>(
          `[data-testid="${id}"]`,
        );
        return Array.isArray(gd?.data) && typeof gd?.on === 'function';
      }),
    null,
    { timeout: 15_000 },
  );
}

/** Types into a labelled field and applies it with Enter. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
}

/**
 * Exported weights against the same run trained in Node: the page trains deep networks on
 * the dense WebAssembly kernels' relaxed build (fused multiply-adds), which this Node may
 * not run; the reference on the TS engine sums gradients in float64 instead. After a few
 * dozen steps they agree to rounding: each value within `rtol` of its array's largest.
 */
export function expectSameWeights(
  actual: { w: number[][]; b: number[][] }[],
  expected: { w: number[][]; b: number[][] }[],
  rtol = 1e-4,
): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((layer, l) => {
    for (const key of ['w', 'b'] as const) {
      const got = layer[key].flat();
      const want = expected[l]![key].flat();
      expect(got.length).toBe(want.length);
      const scale = Math.max(...want.map(Math.abs));
      got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(rtol * scale));
    }
  });
}
