/**
 * The training controls (issue #20): they change the run live, show only what applies,
 * explain bad input and the batch clamp, travel in links, advise on the rate for the
 * optimizer and the gradient in force, and speak Chinese.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, readNumber, test, typeInto, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Watches the step readout from now on: the smallest step it shows (a restart shows 0). */
async function watchLowestStep(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="step"]')!;
    const w = window as unknown as { lowestStep: number };
    w.lowestStep = Number(el.textContent);
    new MutationObserver(() => {
      w.lowestStep = Math.min(w.lowestStep, Number(el.textContent));
    }).observe(el, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { lowestStep: number }).lowestStep);
}

/** The step goes on past where it is now. */
async function keepsCounting(page: Page): Promise<void> {
  const now = await readNumber(page, 'step');
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(now + 5);
}

test('the controls change the run live: the step keeps counting, never back to 0', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 10);
  const lowest = await watchLowestStep(page);
  // What it showed when the watch began: the lowest so far.
  const before = await lowest();
  await page.getByLabel('Optimizer', { exact: true }).selectOption('adam');
  await keepsCounting(page);
  await typeInto(page, 'Batch size', '8');
  await keepsCounting(page);
  await page.getByLabel('Gradient', { exact: true }).selectOption('mean');
  await keepsCounting(page);
  await typeInto(page, 'L2', '0.001');
  await typeInto(page, 'L1', '0.0001');
  await keepsCounting(page);
  expect(await lowest()).toBeGreaterThanOrEqual(before);
  await expect
    .poll(() => new URL(page.url()).search)
    .toBe('?batch=8&reduction=mean&optimizer=adam&l1=0.0001&l2=0.001');
  // The hint counts the epoch in steps: 30 points in batches of 8.
  await expect(page.getByText('1 – 30; 4 steps an epoch')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the Momentum field shows only for momentum; bad values are explained and the run goes on', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  const momentum = page.getByLabel('Momentum', { exact: true });
  await expect(momentum).toHaveCount(0);
  await page.getByLabel('Optimizer', { exact: true }).selectOption('momentum');
  await expect(momentum).toHaveValue('0.9');
  await typeInto(page, 'Momentum', '1.5');
  await expect(page.getByRole('alert').filter({ hasText: 'Out of range' })).toContainText(
    'from 0 to 0.999',
  );
  await expect(momentum).toHaveAttribute('aria-invalid', 'true');
  await keepsCounting(page);
  await typeInto(page, 'Batch size', '2.5');
  await expect(page.getByRole('alert').filter({ hasText: 'whole number' })).toBeVisible();
  await typeInto(page, 'L2', 'abc');
  await expect(page.getByRole('alert').filter({ hasText: '"abc" is not a number' })).toBeVisible();
  await keepsCounting(page);
  // Nothing bad was applied: the link has the optimizer only.
  expect(new URL(page.url()).search).toBe('?optimizer=momentum');
  await typeInto(page, 'Momentum', '0.5');
  await expect(momentum).toHaveAttribute('aria-invalid', 'false');
  await page.getByLabel('Optimizer', { exact: true }).selectOption('sgd');
  await expect(momentum).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a batch above the training points is clamped with a note; Full batch goes back', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  await typeInto(page, 'Batch size', '50');
  const note = page.getByTestId('batch-clamped');
  await expect(note).toHaveText('Batch 50 > 30 training points: the full batch is used.');
  await keepsCounting(page);
  // Held-out points are not trained on: a 50% test share leaves 15.
  await page.goto('/?batch=20&test=0.5');
  await waitForStep(page, 2);
  await expect(note).toHaveText('Batch 20 > 15 training points: the full batch is used.');
  await page.getByRole('button', { name: 'Full batch', exact: true }).click();
  await expect(note).toHaveCount(0);
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveAttribute(
    'placeholder',
    'full batch',
  );
  await expect.poll(() => new URL(page.url()).search).toBe('?test=0.5');
  expect(consoleErrors).toEqual([]);
});

test('a link sets the controls, and Copy link round-trips them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?batch=4&optimizer=adam&l2=0.001');
  await waitForStep(page, 5);
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('4');
  await expect(page.getByLabel('Optimizer', { exact: true })).toHaveValue('adam');
  await expect(page.getByLabel('L2', { exact: true })).toHaveValue('0.001');
  await expect(page.getByLabel('L1', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Gradient', { exact: true })).toHaveValue('sum');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).search).toBe('?batch=4&optimizer=adam&l2=0.001');
  const other = await context.newPage();
  await other.goto(copied);
  await waitForStep(other, 1);
  await expect(other.getByLabel('Batch size', { exact: true })).toHaveValue('4');
  await expect(other.getByLabel('Optimizer', { exact: true })).toHaveValue('adam');
});

test('a lesson link hides the training controls it fixes and lists them', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?batch=4&optimizer=adam&hide=batch,optimizer');
  await waitForStep(page, 2);
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Optimizer', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('L2', { exact: true })).toBeVisible();
  const fixed = page.getByTestId('fixed-settings');
  await expect(fixed).toContainText('Batch size');
  await expect(fixed).toContainText('Adam');
  expect(consoleErrors).toEqual([]);
});

test('the rate advice knows the gradient and the optimizer', async ({ page, consoleErrors }) => {
  // Paused: 0.1 on the summed gradient would diverge, and the advice is about the settings.
  await page.goto('/?lr=0.1&speed=1');
  await waitForStep(page, 1, { plots: false });
  const advice = page.getByTestId('lr-advice');
  // Summed over 30 points, 0.1 is too large...
  await expect(advice).toContainText('sums the gradient over the 30 training points');
  // ...the mean does not grow with N: 0.1 is fine for 10 units.
  await page.getByLabel('Gradient', { exact: true }).selectOption('mean');
  await expect(advice).toHaveCount(0);
  await page.getByLabel('Gradient', { exact: true }).selectOption('sum');
  await typeInto(page, 'Batch size', '4');
  await expect(advice).toContainText('over a batch of 4 of the 30 training points');
  // Momentum carries a step ten times as far: the tutorial's 0.01 is too much with it.
  await typeInto(page, 'Batch size', '');
  await typeInto(page, 'Learning rate', '0.01');
  await expect(advice).toHaveCount(0);
  await page.getByLabel('Optimizer', { exact: true }).selectOption('momentum');
  await expect(advice).toContainText(
    'and momentum 0.9 piles steps up to 1/(1 − m) = 10× a plain one, so',
  );
  await page.getByRole('button', { name: 'Use 0.0002', exact: true }).click();
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.0002');
  await expect(advice).toHaveCount(0);
  // Adam: about lr per weight, whatever N; 0.5 is a jump as large as the weights.
  await page.getByLabel('Optimizer', { exact: true }).selectOption('adam');
  await typeInto(page, 'Learning rate', '0.5');
  await expect(advice).toContainText('every weight moves about lr a step');
  await expect(advice).toContainText('about 0.01; 0.5 is 50×');
  expect(consoleErrors).toEqual([]);
});

test('in 中文 the training controls and the advice are in Chinese', async ({ page }) => {
  await page.goto('/?optimizer=momentum&batch=50&lr=0.5');
  await waitForStep(page, 1, { plots: false });
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expect(page.getByLabel('优化器', { exact: true })).toHaveValue('momentum');
  await expect(page.locator('option[value="momentum"]')).toHaveText('带动量的 SGD');
  await expect(page.getByLabel('动量', { exact: true })).toHaveValue('0.9');
  await expect(page.getByLabel('批大小', { exact: true })).toHaveValue('50');
  await expect(page.getByLabel('梯度', { exact: true })).toHaveValue('sum');
  await expect(page.locator('option[value="mean"]')).toHaveText('对批次求平均');
  await expect(page.getByLabel('L1 正则', { exact: true })).toBeVisible();
  await expect(page.getByTestId('batch-clamped')).toHaveText(
    '批大小 50 > 30 个训练点：使用全批量。',
  );
  await expect(page.getByTestId('lr-advice')).toContainText('动量 0.9 会把步长累积到');
  await typeInto(page, '动量', '2');
  await expect(page.getByRole('alert').filter({ hasText: '超出范围' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const)
  for (const language of ['en', 'zh'] as const)
    test(`screenshot of the training settings, ${theme}, ${language}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1280, height: 1600 });
      await page.goto('/?optimizer=momentum&batch=50&lr=0.05');
      await waitForStep(page, 1, { plots: false });
      if (language === 'zh') await page.getByLabel('Language', { exact: true }).selectOption('zh');
      await page.locator('#training-heading').scrollIntoViewIfNeeded();
      await page
        .locator('section:has(#training-heading)')
        .screenshot({ path: `${SHOTS}/training-${theme}-${language}.png` });
    });
