/** Shared pieces of the comparison's browser tests: opening one, reading its plots and table. */
import type { Page } from '@playwright/test';
import { expect, waitForStep } from './helpers';

/** The names of a Plotly graph's traces (their fixed ids: meta where set, else name). */
export async function traceNames(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const gd = document.querySelector<HTMLElement & { data?: { meta?: string; name?: string }[] }>(
      `[data-testid="${id}"]`,
    );
    return (gd?.data ?? []).map((t) => String(t.meta ?? t.name));
  }, testId);
}

/** How many points a named trace of a graph has (0 when it is missing). */
export async function traceLength(page: Page, testId: string, name: string): Promise<number> {
  return page.evaluate(
    ([id, traceName]) => {
      const gd = document.querySelector<
        HTMLElement & { data?: { meta?: string; name?: string; y?: ArrayLike<number> }[] }
      >(`[data-testid="${id}"]`);
      const trace = gd?.data?.find((t) => (t.meta ?? t.name) === traceName);
      return trace?.y?.length ?? 0;
    },
    [testId, name] as const,
  );
}

/** Waits until `count` fit plots and the loss plot have been drawn by Plotly. */
export async function waitForComparePlots(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const ids = [...Array.from({ length: n }, (_, i) => `compare-fit-${i + 1}`), 'compare-loss'];
      return ids.every((id) => {
        const gd = document.querySelector<HTMLElement & { data?: unknown[] }>(
          `[data-testid="${id}"]`,
        );
        return Array.isArray(gd?.data) && gd.data.length > 0;
      });
    },
    count,
    { timeout: 20_000 },
  );
}

/** Opens the page at `url`, lets the single run start, and opens the comparison. */
export async function openComparison(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await waitForStep(page, 0);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Compare', level: 2 })).toBeVisible();
  await waitForComparePlots(page, 2);
}

/** Run n's step (1-based), as its card shows it. */
export async function runStep(page: Page, n: number): Promise<number> {
  const text = (await page.getByTestId(`compare-step-${n}`).textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** Every run's step, in order. */
export async function runSteps(page: Page, count: number): Promise<number[]> {
  const steps: number[] = [];
  for (let n = 1; n <= count; n++) steps.push(await runStep(page, n));
  return steps;
}

/** A number in run n's row of the table (column: loss, testLoss, rate, pieces, params); NaN for —. */
export async function tableNumber(page: Page, n: number, column: string): Promise<number> {
  const text = await page
    .getByTestId(`compare-row-${n}`)
    .locator(`[data-col="${column}"] .cell-value`)
    .textContent();
  return text === '—' ? NaN : Number(text);
}

/** The runs' titles, in order. */
export async function runTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="compare-title-"]').allTextContents();
}

/** Moves the comparison's speed slider to its fastest stop. */
export async function fullSpeed(page: Page): Promise<void> {
  const slider = page.locator('.compare-speed input[type="range"]');
  await slider.focus();
  await slider.press('End');
  await expect(page.locator('.compare-speed output')).toHaveText('Max');
}
