/**
 * The comparison in a link (compare=vary:v1,v2,...): a good one opens the comparison, and
 * the address bar follows the comparison on screen; a bad one is reported in the link
 * notice with what a comparison accepts, and the page trains as usual.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

test('a comparison link opens the comparison on its base settings; the address bar follows it', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?seed=3&layers=24&compare=activation:none,relu,tanh,sigmoid');
  await expect(page.getByRole('heading', { name: 'Compare', level: 2 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Link notice' })).toHaveCount(0);
  await expect(page.locator('[data-testid^="compare-title-"]')).toHaveText([
    'none',
    'relu',
    'tanh',
    'sigmoid',
  ]);
  // The link's other settings are the runs' base: 1 -> 24 -> 1 is 73 parameters.
  await expect(page.getByTestId('compare-row-1').locator('[data-col="params"]')).toHaveText('73');
  // Editing the comparison rewrites its link.
  await page.getByLabel('Vary', { exact: true }).selectOption('layers');
  await expect
    .poll(() => new URL(page.url()).search)
    .toBe('?seed=3&layers=24&compare=layers:1,2,3');
  await page.getByRole('button', { name: 'Remove 3 layers', exact: true }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('?seed=3&layers=24&compare=layers:1,2');
  // Back to the single run: no comparison in the link; the single run has the link's settings.
  await page.getByRole('button', { name: 'Back to single run', exact: true }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('?seed=3&layers=24');
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('24');
  await waitForStep(page, 2);
  // Compare again: the last comparison, in the link again.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('?seed=3&layers=24&compare=layers:1,2');
  expect(consoleErrors).toEqual([]);
});

test('a bad comparison is reported with what is accepted; the run goes on', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?compare=hidden:10,2000&seed=2');
  await waitForStep(page, 5);
  const notice = page.getByRole('status', { name: 'Link notice' });
  await expect(notice.locator('li')).toHaveText([
    'compare="hidden:10,2000" is not valid (a setting to vary (activation, hidden, layers, init, optimizer, learningRate, batch), a colon and 2 to 4 distinct values separated by commas, such as activation:none,relu,tanh,sigmoid; each hidden value is a whole number from 1 to 1024): the default is used.',
  ]);
  await notice.screenshot({ path: `${SHOTS}/compare-link-notice.png` });
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('2');
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  const zh = page.getByRole('status', { name: '链接提示' });
  await expect(zh.locator('li')).toContainText('hidden 的每个取值应为介于 1 和 1024 之间的整数');
  await zh.screenshot({ path: `${SHOTS}/compare-link-notice-zh.png` });
  expect(consoleErrors).toEqual([]);
});
