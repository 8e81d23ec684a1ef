/** One run of a comparison diverges: it alone pauses and offers its rescue; the others train on. */
import { expect, test } from './helpers';
import { openComparison, runStep, runSteps, runTitles } from './compareHelpers';

test('a huge learning rate: only that run diverges and shows its rescue, the others keep training', async ({
  page,
  consoleErrors,
}) => {
  await openComparison(page);
  await page.getByLabel('Vary', { exact: true }).selectOption('learningRate');
  await expect.poll(() => runTitles(page)).toEqual(['lr 0.001', 'lr 0.003', 'lr 0.01', 'lr 0.03']);
  const field = page.getByLabel('Run 4', { exact: true });
  await field.fill('5');
  await field.press('Enter');
  await expect.poll(() => runTitles(page)).toEqual(['lr 0.001', 'lr 0.003', 'lr 0.01', 'lr 5']);
  const rescue = page.getByTestId('compare-rescue-4');
  await expect(rescue).toContainText(/Diverged at step \d+/);
  await expect(page.getByTestId('compare-step-4')).toHaveAttribute('data-state', 'diverged');
  for (let n = 1; n <= 3; n++) await expect(page.getByTestId(`compare-rescue-${n}`)).toHaveCount(0);
  // The others go on while it stands.
  const [a, b, c, stuck] = await runSteps(page, 4);
  await expect
    .poll(async () => (await runSteps(page, 3)).every((s, i) => s > [a!, b!, c!][i]!))
    .toBe(true);
  expect(await runStep(page, 4)).toBe(stuck);
  // Play/Pause leave it diverged.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('compare-step-4')).toHaveAttribute('data-state', 'diverged');

  // Its rescue: back to the kept weights at a lower rate, and on.
  await rescue.getByRole('button', { name: /Lower the learning rate to/ }).click();
  await expect(rescue).toHaveCount(0);
  await expect(page.locator('.run-note')).toContainText('learning rate lowered to');
  await expect(page.getByTestId('compare-step-4')).toHaveAttribute('data-state', 'running');
  const rescued = await runStep(page, 4);
  await expect.poll(() => runStep(page, 4)).toBeGreaterThan(rescued);
  expect(consoleErrors).toEqual([]);
});
