import { expect, test, traceY, typeInto, waitForStep } from './helpers';

test('a link opens the run it describes; bad parts are reported and left at defaults', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?hidden=50&activation=tanh&points=abc&bogus=%3Cscript%3E&lr=0.005');
  await waitForStep(page, 5);
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('50');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.005');
  await expect(page.getByLabel('Points', { exact: true })).toHaveValue('30');
  const notice = page.getByRole('status', { name: 'Link notice' });
  await expect(notice).toContainText('points="abc" is not valid');
  await expect(notice).toContainText('Unknown setting "bogus"');
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(notice).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the address bar follows the settings, and Copy link copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForStep(page, 5);
  await typeInto(page, 'Hidden units', '24');
  await page.getByLabel('Dataset', { exact: true }).selectOption('linear');
  await expect.poll(() => new URL(page.url()).search).toBe('?dataset=linear&layers=24');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).search).toBe('?dataset=linear&layers=24');
  // Opening the copied link gives the same run: same data.
  const data = await traceY(page, 'fit-plot', 'data');
  const other = await context.newPage();
  await other.goto(copied);
  await waitForStep(other, 1);
  expect(await traceY(other, 'fit-plot', 'data')).toEqual(data);
  await expect(other.getByLabel('Hidden units', { exact: true })).toHaveValue('24');
});

test('garbage links open the defaults without crashing', async ({ page, consoleErrors }) => {
  for (const query of [
    '?%',
    '?&&&==&',
    '?hidden=1e999',
    '?speed=%F0%9F%92%A9',
    `?${'x'.repeat(5000)}`,
  ]) {
    await page.goto(`/${query}`);
    await waitForStep(page, 2);
    await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('10');
  }
  expect(consoleErrors).toEqual([]);
});
