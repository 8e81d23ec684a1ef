/**
 * The comparison (issue #22): four runs of the same data side by side, the tutorial's lesson
 * at a glance, the transport acting on all of them, and the way back to the single run.
 */
import { expect, pause, readNumber, test, typeInto, waitForStep } from './helpers';
import {
  fullSpeed,
  openComparison,
  runStep,
  runSteps,
  runTitles,
  tableNumber,
  traceLength,
  traceNames,
} from './compareHelpers';

const DEFAULT_VALUES = ['none', 'relu', 'tanh', 'sigmoid'];

test('opens the default comparison: four fits with data and fit, one loss line per run, a table', async ({
  page,
  consoleErrors,
}) => {
  await openComparison(page);
  expect(await runTitles(page)).toEqual(DEFAULT_VALUES);
  for (let n = 1; n <= 4; n++) {
    const id = `compare-fit-${n}`;
    await expect.poll(() => traceLength(page, id, 'fit')).toBeGreaterThan(0);
    expect(await traceLength(page, id, 'data')).toBe(30);
  }
  await expect.poll(() => traceNames(page, 'compare-loss')).toEqual(DEFAULT_VALUES);
  for (const value of DEFAULT_VALUES)
    await expect.poll(() => traceLength(page, 'compare-loss', value)).toBeGreaterThan(1);
  const table = page.getByTestId('compare-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  // 1 -> 10 -> 1: 31 parameters in every run; pieces only where the activation is piecewise linear.
  expect(await tableNumber(page, 1, 'params')).toBe(31);
  await expect.poll(() => tableNumber(page, 2, 'pieces')).toBeGreaterThan(1);
  expect(await tableNumber(page, 3, 'pieces')).toBeNaN();
  expect(await tableNumber(page, 1, 'testLoss')).toBeNaN();
  // The same data on every plot, and the same axes.
  const ranges = await page.evaluate(() =>
    [1, 2, 3, 4].map((n) => {
      const gd = document.querySelector<
        HTMLElement & { layout?: { xaxis?: { range?: number[] }; yaxis?: { range?: number[] } } }
      >(`[data-testid="compare-fit-${n}"]`);
      return JSON.stringify([gd?.layout?.xaxis?.range, gd?.layout?.yaxis?.range]);
    }),
  );
  expect(new Set(ranges).size).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('the default lesson: after a few seconds at full speed the relu run’s loss is below the none run’s', async ({
  page,
}) => {
  await openComparison(page);
  await fullSpeed(page);
  await expect.poll(() => runStep(page, 2), { timeout: 20_000 }).toBeGreaterThan(2000);
  // A line cannot bend to x²; ReLU's hinges do: a clear gap, not a rounding. Polled: the
  // table refreshes four times a second, so its row may still show an earlier step's loss
  // than the step counter read above.
  await expect
    .poll(async () => (await tableNumber(page, 2, 'loss')) / (await tableNumber(page, 1, 'loss')), {
      timeout: 20_000,
    })
    .toBeLessThan(0.5);
  // Paused, the numbers hold still: the lowest training loss is the one marked best.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  for (let n = 1; n <= 4; n++)
    await expect(page.getByTestId(`compare-step-${n}`)).toHaveAttribute('data-state', 'paused');
  await expect
    .poll(async () => {
      const losses: number[] = [];
      for (let n = 1; n <= 4; n++) losses.push(await tableNumber(page, n, 'loss'));
      const lowest = losses.indexOf(Math.min(...losses)) + 1;
      const cell = page.getByTestId(`compare-row-${lowest}`).locator('[data-col="loss"]');
      return [await cell.getAttribute('data-best'), await cell.textContent()];
    })
    .toEqual(['true', expect.stringContaining('(best)')]);
  await expect(page.locator('[data-col="loss"][data-best="true"]')).toHaveCount(1);
});

test('Play/Pause, Step and Reset act on every run; Space is Play/Pause', async ({ page }) => {
  await openComparison(page);
  await expect.poll(async () => Math.min(...(await runSteps(page, 4)))).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  for (let n = 1; n <= 4; n++)
    await expect(page.getByTestId(`compare-step-${n}`)).toHaveAttribute('data-state', 'paused');
  const paused = await runSteps(page, 4);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => runSteps(page, 4)).toEqual(paused.map((s) => s + 1));
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => runSteps(page, 4)).toEqual([0, 0, 0, 0]);
  // Space on the page (no control focused) plays all the runs again.
  await page.getByRole('heading', { name: 'Compare', level: 2 }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(async () => Math.min(...(await runSteps(page, 4)))).toBeGreaterThan(5);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('back to the single run: its settings, run and step kept, playing again', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await typeInto(page, 'Hidden units', '7');
  await waitForStep(page, 20);
  const runId = await page.evaluate(() => document.documentElement.dataset.runId);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('compare-fit-1')).toBeVisible();
  // The single run waits, paused, while the comparison trains.
  const singleStep = await page.evaluate(() => document.documentElement.dataset.runId);
  expect(singleStep).toBe(runId);
  // The comparison starts from the single view's settings: 1 -> 7 -> 1 is 22 parameters.
  await expect.poll(() => tableNumber(page, 1, 'params')).toBe(22);
  await page.getByRole('button', { name: 'Back to single run', exact: true }).click();
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('7');
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.dataset.runId)).toBe(runId);
  // Same run, going on from where it was.
  const back = await readNumber(page, 'step');
  expect(back).toBeGreaterThan(20);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(back);

  // Paused before, paused after, at exactly the same step.
  await pause(page);
  const stopped = await readNumber(page, 'step');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect.poll(() => runStep(page, 1)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Back to single run', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByTestId('step')).toHaveText(String(stopped));
  // Every comparison worker is gone.
  expect(consoleErrors).toEqual([]);
});

test('the learner’s own points are every run’s data', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await waitForStep(page, 2);
  await page.getByLabel('Import CSV').setInputFiles({
    name: 'five.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y\n-0.5,0.3\n-0.5,-0.3\n0,0.2\n0.5,0.6\n0.5,0\n'),
  });
  await expect(page.getByText('five.csv: 5 points imported.')).toBeVisible();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  for (let n = 1; n <= 4; n++)
    await expect.poll(() => traceLength(page, `compare-fit-${n}`, 'data')).toBe(5);
  await expect.poll(() => tableNumber(page, 2, 'loss')).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});
