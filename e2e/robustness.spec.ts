import { expect, readNumber, test, traceY, waitForStep } from './helpers';

/** The built worker chunk (src/worker/main.ts). */
const WORKER_SCRIPT = '**/assets/main-*.js';

test('keyboard: Space pauses and plays, S steps, R resets', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 5);
  await page.locator('body').press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // Frames sent before the worker saw the pause may still arrive: wait for the count to settle.
  await expect
    .poll(async () => {
      const a = await readNumber(page, 'step');
      await page.waitForTimeout(300);
      return (await readNumber(page, 'step')) - a;
    })
    .toBe(0);
  const paused = await readNumber(page, 'step');
  await page.locator('body').press('s');
  await expect.poll(() => readNumber(page, 'step')).toBe(paused + 1);
  await page.locator('body').press('r');
  await expect.poll(() => readNumber(page, 'step')).toBe(0);
  await page.locator('body').press('Space');
  await waitForStep(page, 10);
  // While typing in a field the keys are text, not shortcuts.
  const field = page.getByLabel('Hidden units', { exact: true });
  await field.fill('');
  await field.press('s');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(field).toHaveValue('s');
});

test('a worker that fails to load gets a message and Restart brings the run back', async ({
  page,
  consoleErrors,
}) => {
  await page.route(WORKER_SCRIPT, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('training worker');
  await expect(page.getByTestId('fit-plot')).toBeVisible();
  // No frame will come: the fit plot's first draw, which waits briefly for one, still
  // shows the data.
  await expect.poll(async () => (await traceY(page, 'fit-plot', 'data')).length).toBe(30);
  await page.unroute(WORKER_SCRIPT);
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await waitForStep(page, 20);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The aborted request is Chromium's own console error, expected here; nothing else is.
  expect(
    consoleErrors.filter((e) => !/ERR_FAILED|Failed to load resource|main-.*\.js/.test(e)),
  ).toEqual([]);
  consoleErrors.length = 0;
});

/** Plotly's chunk and the app's (see src/app/main.tsx): both loaded apart from the entry. */
const PLOTLY_CHUNK = '**/assets/plotly-*.js';
const APP_CHUNK = '**/assets/start-*.js';
const ABORTED =
  /ERR_FAILED|Failed to load resource|Failed to fetch dynamically imported module|plotly-.*\.js|start-.*\.js/;

test('Plotly that fails to load: the plots say so, the network still trains, and a reload brings them back', async ({
  page,
  consoleErrors,
}) => {
  await page.route(PLOTLY_CHUNK, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('plots could not be loaded');
  // Everything else works: the run trains and the network panel follows it.
  await waitForStep(page, 20, { plots: false });
  await expect(page.getByTestId('network-panel')).toBeVisible();
  await page.unroute(PLOTLY_CHUNK);
  await page.getByRole('button', { name: 'Reload the page', exact: true }).click();
  await expect.poll(async () => (await traceY(page, 'fit-plot', 'data')).length).toBe(30);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(consoleErrors.filter((e) => !ABORTED.test(e))).toEqual([]);
  consoleErrors.length = 0;
});

test('editing turned on while Plotly is still loading: the plot draws in editing mode, no error', async ({
  page,
  consoleErrors,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(PLOTLY_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Edit points', exact: true }).click();
  release();
  await expect.poll(async () => (await traceY(page, 'fit-plot', 'data')).length).toBe(30);
  // Plotly's zoom drag is off while editing, from the plot's first draw on.
  expect(
    await page.evaluate(
      () =>
        (
          document.querySelector('[data-testid="fit-plot"]') as unknown as {
            _fullLayout: { dragmode: unknown };
          }
        )._fullLayout.dragmode,
    ),
  ).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('an app chunk that fails to load: a message and a reload button, not a blank page', async ({
  page,
  consoleErrors,
}) => {
  await page.route(APP_CHUNK, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('The playground could not be loaded');
  // The entry had started the first run; with no page to show it, the worker is stopped.
  await expect.poll(() => page.workers().length).toBe(0);
  await page.unroute(APP_CHUNK);
  await page.getByRole('button', { name: 'Reload the page', exact: true }).click();
  await waitForStep(page, 10);
  await expect.poll(async () => (await traceY(page, 'fit-plot', 'data')).length).toBe(30);
  expect(consoleErrors.filter((e) => !ABORTED.test(e))).toEqual([]);
  consoleErrors.length = 0;
});

test('a worker that crashes gets a message and Restart brings the run back', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  const [worker] = page.workers();
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  await expect(page.getByRole('alert')).toContainText('simulated crash');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await waitForStep(page, 20);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(consoleErrors.filter((e) => !/simulated crash/.test(e))).toEqual([]);
  consoleErrors.length = 0;
});

test('a worker that goes silent is noticed and can be restarted', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 5);
  const [worker] = page.workers();
  await worker!.evaluate(() => (self as unknown as { close(): void }).close());
  await expect(page.getByRole('alert')).toContainText('stopped responding', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await waitForStep(page, 20);
});
