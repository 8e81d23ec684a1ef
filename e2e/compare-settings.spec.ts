/**
 * The comparison's settings: each "Vary" choice, editing, adding and removing runs, and a
 * value that cannot be a run's.
 */
import { expect, test } from './helpers';
import {
  openComparison,
  runStep,
  runTitles,
  traceLength,
  traceNames,
  waitForComparePlots,
} from './compareHelpers';

/** Each Vary choice: its label, default values, and the titles of its runs. */
const VARIES: { label: string; values: string[]; titles: string[] }[] = [
  {
    label: 'Hidden units',
    values: ['1', '3', '10', '50'],
    titles: ['1 unit', '3 units', '10 units', '50 units'],
  },
  { label: 'Hidden layers', values: ['1', '2', '3'], titles: ['1 layer', '2 layers', '3 layers'] },
  {
    label: 'Initialisation',
    values: ['tutorial', 'glorot', 'he'],
    titles: ['tutorial', 'glorot', 'he'],
  },
  {
    label: 'Optimizer',
    values: ['sgd', 'momentum', 'rmsprop', 'adam'],
    titles: ['sgd', 'momentum', 'rmsprop', 'adam'],
  },
  {
    label: 'Learning rate',
    values: ['0.001', '0.003', '0.01', '0.03'],
    titles: ['lr 0.001', 'lr 0.003', 'lr 0.01', 'lr 0.03'],
  },
  { label: 'Batch size', values: ['full', '8', '1'], titles: ['full batch', 'batch 8', 'batch 1'] },
  {
    label: 'Activation',
    values: ['none', 'relu', 'tanh', 'sigmoid'],
    titles: ['none', 'relu', 'tanh', 'sigmoid'],
  },
];

/** The runs' values as their fields show them. */
async function fieldValues(page: import('@playwright/test').Page): Promise<string[]> {
  return page
    .locator('[data-testid^="compare-value-"]:is(input, select)')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement | HTMLSelectElement).value));
}

test('each Vary choice shows its default values, a fit per run and a loss line per run', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  await openComparison(page);
  const vary = page.getByLabel('Vary', { exact: true });
  for (const { label, values, titles } of VARIES) {
    await vary.selectOption({ label });
    await expect.poll(() => fieldValues(page)).toEqual(values);
    expect(await runTitles(page)).toEqual(titles);
    await waitForComparePlots(page, values.length);
    await expect(page.locator('[data-testid^="compare-fit-"]')).toHaveCount(values.length);
    for (let n = 1; n <= values.length; n++) {
      await expect.poll(() => traceLength(page, `compare-fit-${n}`, 'fit')).toBeGreaterThan(0);
      expect(await traceLength(page, `compare-fit-${n}`, 'data')).toBe(30);
    }
    await expect.poll(() => traceNames(page, 'compare-loss')).toEqual(values);
    await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(values.length);
  }
  expect(consoleErrors).toEqual([]);
});

test('editing a value restarts that run alone; runs are added up to four and removed down to two', async ({
  page,
}) => {
  await openComparison(page);
  await page.getByLabel('Vary', { exact: true }).selectOption('layers');
  await expect.poll(() => runTitles(page)).toEqual(['1 layer', '2 layers', '3 layers']);
  await expect.poll(() => runStep(page, 1)).toBeGreaterThan(20);
  const value2 = page.getByLabel('Run 2', { exact: true });
  await value2.fill('4');
  await value2.press('Enter');
  await expect.poll(() => runTitles(page)).toEqual(['1 layer', '4 layers', '3 layers']);
  await expect.poll(() => traceNames(page, 'compare-loss')).toEqual(['1', '4', '3']);
  // Run 2 started again; run 1 went on.
  await expect.poll(() => runStep(page, 1)).toBeGreaterThan(await runStep(page, 2));

  await page.getByRole('button', { name: 'Add run', exact: true }).click();
  await expect.poll(() => runTitles(page)).toEqual(['1 layer', '4 layers', '3 layers', '2 layers']);
  await expect(page.getByRole('button', { name: 'Add run', exact: true })).toBeDisabled();
  await waitForComparePlots(page, 4);
  await expect.poll(() => traceNames(page, 'compare-loss')).toEqual(['1', '4', '3', '2']);

  await page.getByRole('button', { name: 'Remove 1 layer', exact: true }).click();
  await page.getByRole('button', { name: 'Remove 3 layers', exact: true }).click();
  await expect.poll(() => runTitles(page)).toEqual(['4 layers', '2 layers']);
  await expect(page.getByRole('button', { name: 'Remove 4 layers', exact: true })).toBeDisabled();
  await expect(page.locator('[data-testid^="compare-fit-"]')).toHaveCount(2);
  await expect.poll(() => traceNames(page, 'compare-loss')).toEqual(['4', '2']);
  await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(2);
});

test('a bad value says why under its field; the run keeps its value and goes on', async ({
  page,
  consoleErrors,
}) => {
  await openComparison(page);
  await page.getByLabel('Vary', { exact: true }).selectOption('hidden');
  await expect.poll(() => runTitles(page)).toEqual(['1 unit', '3 units', '10 units', '50 units']);
  const field = page.getByLabel('Run 3', { exact: true });
  await field.fill('lots');
  await field.press('Enter');
  const message = page.getByTestId('compare-value-message-3');
  await expect(message).toHaveText('"lots" is not a number. Enter a whole number from 1 to 1024.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('5000');
  await field.press('Enter');
  await expect(message).toHaveText('Out of range: enter a whole number from 1 to 1024.');
  await field.fill('50');
  await field.press('Enter');
  await expect(message).toHaveText('50 is already compared: choose another value.');
  // The run is still the 10-unit one, and trains on.
  expect(await runTitles(page)).toEqual(['1 unit', '3 units', '10 units', '50 units']);
  const step = await runStep(page, 3);
  await expect.poll(() => runStep(page, 3)).toBeGreaterThan(step);
  // Escape brings its value back.
  await field.press('Escape');
  await expect(field).toHaveValue('10');
  await expect(message).toHaveText('');
  expect(consoleErrors).toEqual([]);
});
