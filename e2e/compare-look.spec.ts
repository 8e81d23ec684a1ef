/** The comparison in 中文 and the dark theme, on a phone (no horizontal scroll), and to axe. */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, waitForStep } from './helpers';
import { traceNames, waitForComparePlots } from './compareHelpers';

const SHOTS = 'e2e/screenshots';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('in 中文 and the dark theme: translated controls and titles, dark plots', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?test=0.3');
  await waitForStep(page, 0);
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await page.getByLabel('主题', { exact: true }).selectOption('dark');
  await page.getByRole('button', { name: '对比', exact: true }).click();
  await expect(page.getByRole('button', { name: '返回单次训练', exact: true })).toBeVisible();
  await waitForComparePlots(page, 4);
  await expect(page.getByLabel('变化的设置', { exact: true })).toHaveValue('activation');
  await expect(page.getByTestId('compare-table').locator('thead')).toContainText('训练损失');
  // A test share: a dotted test line per run beside its training line.
  await expect
    .poll(() => traceNames(page, 'compare-loss'))
    .toEqual([
      'none',
      'none test',
      'relu',
      'relu test',
      'tanh',
      'tanh test',
      'sigmoid',
      'sigmoid test',
    ]);
  const font = await page.evaluate(
    () =>
      (
        document.querySelector('[data-testid="compare-fit-1"]') as HTMLElement & {
          layout?: { font?: { color?: string } };
        }
      ).layout?.font?.color,
  );
  expect(font).toBe('#cbd5e1');
  await page.getByLabel('变化的设置', { exact: true }).selectOption('batch');
  await expect(page.getByTestId('compare-title-1')).toHaveText('全批量');
  await page.screenshot({ path: `${SHOTS}/compare-zh-dark.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('on a phone: one column, no horizontal scroll', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  // With a test share: the table's widest, with six columns of numbers.
  await page.goto('/?test=0.3');
  await waitForStep(page, 0);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await waitForComparePlots(page, 4);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    table: [
      document.querySelector('.compare-table-wrap')!.scrollWidth,
      document.querySelector('.compare-table-wrap')!.clientWidth,
    ],
    left: [1, 2].map(
      (n) =>
        document.querySelector(`[data-testid="compare-fit-${n}"]`)!.getBoundingClientRect().left,
    ),
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  // The table fits too, without a scroll of its own.
  expect(widths.table[0]).toBeLessThanOrEqual(widths.table[1]!);
  // One column: the second plot sits under the first, not beside it.
  expect(widths.left[0]).toBe(widths.left[1]);
  await page.screenshot({ path: `${SHOTS}/compare-phone.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('no serious or critical accessibility violations in the comparison (axe)', async ({
  page,
}) => {
  await page.goto('/');
  await waitForStep(page, 0);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await waitForComparePlots(page, 4);
  await page.getByLabel('Vary', { exact: true }).selectOption('hidden');
  await waitForComparePlots(page, 4);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
});

test('every control is reached by Tab, in reading order, and shows its focus', async ({ page }) => {
  await page.goto('/?compare=layers:1,2');
  await waitForComparePlots(page, 2);
  await page.getByRole('button', { name: 'Back to single run', exact: true }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 10; i++) {
    const { name, outline } = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
      const style = getComputedStyle(el);
      return {
        name:
          el.getAttribute('aria-label') ??
          el.labels?.[0]?.textContent?.trim() ??
          el.textContent?.trim() ??
          el.tagName,
        // A visible focus: an outline, or the fields' ring (a box shadow).
        outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    });
    expect(outline, `focus shows on ${name}`).toBe(true);
    reached.push(name);
    await page.keyboard.press('Tab');
  }
  // Two runs are the fewest: their Remove buttons are disabled, and skipped.
  expect(reached).toEqual([
    '← Back to single run',
    'Pause',
    'Step',
    'Reset',
    'Speed',
    'Copy as numpy script',
    'Vary',
    'Run 1',
    'Run 2',
    '+ Add run',
  ]);
});

test('should the comparison’s code fail to load, the page says so and goes back to the single run', async ({
  page,
}) => {
  // The failed load is logged by the browser and React: expected here, so no console check.
  await page.route(/CompareView-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await waitForStep(page, 2);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const failed = page.getByTestId('compare-failed');
  await expect(failed).toContainText('The comparison could not be loaded');
  await failed.getByRole('button', { name: 'Back to single run', exact: true }).click();
  await expect(page.getByTestId('fit-plot')).toBeVisible();
  const step = Number(await page.getByTestId('step').textContent());
  await expect
    .poll(async () => Number(await page.getByTestId('step').textContent()))
    .toBeGreaterThan(step);
});
