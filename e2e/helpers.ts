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
      const gd = document.querySelector(`[data-testid="${id}"]`) as (HTMLElement & { data?: { name?: string; y?: ArrayLike<number> }[] }) | null;
      const trace = gd?.data?.find((t) => t.name === traceName);
      return trace?.y ? Array.from(trace.y) : [];
    },
    [testId, name] as const,
  );
}

export async function readNumber(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).textContent());
}

/** Waits until the step readout passes n. */
export async function waitForStep(page: Page, n: number): Promise<void> {
  await expect.poll(() => readNumber(page, 'step'), { timeout: 15_000 }).toBeGreaterThan(n);
}

/** Types into a labelled field and applies it with Enter. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
}
