import { expect, test, waitForStep } from './helpers';

// The preview server sends COOP/COEP (vite.config.ts), so the page is cross-origin isolated:
// SharedArrayBuffer exists and the training worker may split large steps across helpers.

test('the isolated page loads everything (scripts, styles, fonts, plots, workers) and trains', async ({
  page,
  consoleErrors,
}) => {
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()}: ${r.status()}`));
  const response = await page.goto('/');
  expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await waitForStep(page, 20);
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => `${f.family} ${f.status}`);
  });
  expect(fonts.filter((f) => f.endsWith('error'))).toEqual([]);
  expect(failed).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('?threads=2 with a large network: the trainer starts a helper thread and splits the steps', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?threads=2&hidden=1000&points=2000&lr=0.0000005');
  await waitForStep(page, 50);
  await expect
    .poll(() => page.workers().filter((w) => w.url().includes('threadHelper')).length)
    .toBe(1);
  // The run's own word that its steps are split (its kernel is the split one).
  await expect(page.getByTestId('rate')).toHaveAttribute(
    'title',
    /in a worker thread, each step split across 2 threads$/,
  );
  // The address's threads is no setting: the link notice does not call it unknown.
  await expect(page.getByText('Unknown setting')).toHaveCount(0);
  const loss = Number(await page.getByTestId('loss').textContent());
  expect(Number.isFinite(loss)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('?threads=2 with a deep network: the dense kernels split the steps across the helper too', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?threads=2&layers=256,256,256&points=1000&lr=0.000002');
  await waitForStep(page, 20);
  await expect
    .poll(() => page.workers().filter((w) => w.url().includes('threadHelper')).length)
    .toBe(1);
  await expect(page.getByTestId('rate')).toHaveAttribute(
    'title',
    /in a worker thread, each step split across 2 threads$/,
  );
  const loss = Number(await page.getByTestId('loss').textContent());
  expect(Number.isFinite(loss)).toBe(true);
  await page.screenshot({ path: 'test-results/threads-deep.png' });
  expect(consoleErrors).toEqual([]);
});

test('?threads=2 with the tutorial network: the helper waits, the steps stay on one thread', async ({
  page,
}) => {
  await page.goto('/?threads=2');
  await waitForStep(page, 20);
  await expect(page.getByTestId('rate')).toHaveAttribute('title', /in a worker thread$/);
});
