import { mkdirSync } from 'node:fs';
import { expect, readNumber, test, traceY, typeInto, waitForStep } from './helpers';

/** Screenshots for people to look at (Playwright wipes test-results on every run). */
const SHOTS = 'e2e/screenshots';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 0);
});

test('loads, trains on its own, the fit moves and the loss falls', async ({
  page,
  consoleErrors,
}) => {
  const firstFit = await traceY(page, 'fit-plot', 'fit');
  expect(firstFit.length).toBeGreaterThanOrEqual(200);
  const data = await traceY(page, 'fit-plot', 'data');
  expect(data).toHaveLength(30);
  await waitForStep(page, 150);
  const laterFit = await traceY(page, 'fit-plot', 'fit');
  const moved = Math.max(...laterFit.map((v, i) => Math.abs(v - firstFit[i]!)));
  expect(moved).toBeGreaterThan(0.05);
  const losses = await traceY(page, 'loss-plot', 'loss');
  expect(losses.length).toBeGreaterThan(100);
  // The tutorial's run falls from about 0.2 to about 0.06 in 300 steps.
  expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.6);
  expect(await readNumber(page, 'loss')).toBeLessThan(losses[0]!);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/default.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("Chromium trains on the kernel's relaxed SIMD build, and the rate readout says so", async ({
  page,
}) => {
  // Chromium has relaxed SIMD, so the worker runs the fused multiply-add build.
  await expect(page.getByTestId('rate')).toHaveAttribute(
    'title',
    'Trained by WebAssembly relaxed SIMD (fused multiply-add where the CPU has it), in a worker thread',
  );
});

test('deeper networks and other options train on the dense kernels, and the rate readout says so', async ({
  page,
  consoleErrors,
}) => {
  const dense =
    'Trained by the WebAssembly relaxed SIMD kernels for dense layers (fused multiply-add where the CPU has it), in a worker thread';
  await page.goto('/?layers=16,8&lr=0.001');
  await waitForStep(page, 20);
  await expect(page.getByTestId('rate')).toHaveAttribute('title', dense);
  // One hidden layer with Adam: the fused kernel's run moves to the dense kernels.
  await page.goto('/?optimizer=adam&batch=8');
  await waitForStep(page, 20);
  await expect(page.getByTestId('rate')).toHaveAttribute('title', dense);
  expect(consoleErrors).toEqual([]);
});

test('changing hidden units and activation restarts the run and it animates again', async ({
  page,
}) => {
  await waitForStep(page, 60);
  await typeInto(page, 'Hidden units', '50');
  await page.getByLabel('Activation', { exact: true }).selectOption('tanh');
  // A fresh run starts at step 0 and counts up from there.
  await expect.poll(() => readNumber(page, 'step'), { timeout: 5_000 }).toBeLessThan(40);
  await expect.poll(async () => (await traceY(page, 'fit-plot', 'fit')).length).toBe(241);
  const before = await traceY(page, 'fit-plot', 'fit');
  await waitForStep(page, 120);
  const after = await traceY(page, 'fit-plot', 'fit');
  expect(after.every(Number.isFinite)).toBe(true);
  expect(Math.max(...after.map((v, i) => Math.abs(v - before[i]!)))).toBeGreaterThan(1e-3);
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('50');
  await page.screenshot({ path: `${SHOTS}/tanh-50.png`, fullPage: true });
});

test('Pause stops the step count, Play resumes it, Step takes one step', async ({ page }) => {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  const paused = await readNumber(page, 'step');
  await page.waitForTimeout(700);
  expect(await readNumber(page, 'step')).toBe(paused);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBe(paused + 1);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForStep(page, paused + 20);
});

test('bad input in Hidden units shows a message and training goes on', async ({
  page,
  consoleErrors,
}) => {
  const field = page.getByLabel('Hidden units', { exact: true });
  for (const bad of ['0', 'abc', '100000']) {
    const before = await readNumber(page, 'step');
    await typeInto(page, 'Hidden units', bad);
    await expect(page.getByRole('alert')).toContainText(/1 to 1024/);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await waitForStep(page, before + 10);
  }
  expect(await traceY(page, 'fit-plot', 'fit')).toHaveLength(241);
  await page.screenshot({ path: `${SHOTS}/bad-input.png`, fullPage: true });
  // Escape brings back the value in force; a good value clears the message.
  await field.press('Escape');
  await expect(field).toHaveValue('10');
  await typeInto(page, 'Hidden units', '12');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('every numeric field rejects garbage without applying it', async ({ page }) => {
  for (const label of ['Points', 'Noise', 'Seed', 'Learning rate']) {
    const field = page.getByLabel(label, { exact: true });
    const good = await field.inputValue();
    await typeInto(page, label, 'nope');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.press('Escape');
    await expect(field).toHaveValue(good);
  }
  expect(await traceY(page, 'fit-plot', 'data')).toHaveLength(30);
});

test('a user zoom survives live updates', async ({ page }) => {
  await page.evaluate(() => {
    const gd = document.querySelector('[data-testid="fit-plot"]') as HTMLElement;
    // Drag-zoom as a user would: a box in the middle of the plot area.
    const box = gd.querySelector('.nsewdrag')!.getBoundingClientRect();
    const opts = {
      bubbles: true,
      clientX: box.x + box.width * 0.3,
      clientY: box.y + box.height * 0.3,
    };
    gd.querySelector('.nsewdrag')!.dispatchEvent(new MouseEvent('mousedown', opts));
    document.dispatchEvent(
      new MouseEvent('mousemove', {
        ...opts,
        clientX: box.x + box.width * 0.6,
        clientY: box.y + box.height * 0.6,
      }),
    );
    document.dispatchEvent(
      new MouseEvent('mouseup', {
        ...opts,
        clientX: box.x + box.width * 0.6,
        clientY: box.y + box.height * 0.6,
      }),
    );
  });
  const range = () =>
    page.evaluate(() => {
      const gd = document.querySelector('[data-testid="fit-plot"]') as HTMLElement & {
        layout: { xaxis: { range: number[] } };
      };
      return gd.layout.xaxis.range.map((v) => Number(v.toFixed(4)));
    });
  const zoomed = await range();
  expect(zoomed[1]! - zoomed[0]!).toBeLessThan(2);
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 30);
  expect(await range()).toEqual(zoomed);
});

test('phone width: everything fits in 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForTimeout(500);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('fit-plot')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/phone.png`, fullPage: true });
});

test('a run that diverges stops with a message; a lower rate and Reset bring it back', async ({
  page,
  consoleErrors,
}) => {
  await typeInto(page, 'Learning rate', '5');
  await expect(page.getByTestId('lr-advice')).toContainText('may blow up');
  await expect(page.getByRole('alert')).toContainText(
    /Diverged at step \d+: lower the learning rate/,
  );
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
  // The last good weights are kept: the curve on screen is finite.
  expect((await traceY(page, 'fit-plot', 'fit')).every(Number.isFinite)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/diverged.png`, fullPage: true });
  await typeInto(page, 'Learning rate', '0.01');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await waitForStep(page, 50);
  expect(Number.isFinite(await readNumber(page, 'loss'))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('rescue: lower the learning rate to a safe one and resume from the kept step, or rewind there', async ({
  page,
  consoleErrors,
}) => {
  await typeInto(page, 'Hidden units', '1024');
  await page.getByLabel('Activation', { exact: true }).selectOption('tanh');
  await expect(page.getByRole('alert')).toContainText(/Diverged at step \d+/);
  const rewind = page.getByRole('button', { name: /^Rewind to step \d+$/ });
  const goodStep = Number((await rewind.textContent())!.match(/\d+/)![0]);
  await rewind.click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => readNumber(page, 'step')).toBe(goodStep);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  // Play at the same rate blows up again; one rescue, at the advice's safe rate, goes on.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/Diverged/);
  // 30 points and 1024 units: 3 / (30 * 1036) rounded down.
  await page
    .getByRole('button', { name: 'Lower the learning rate to 0.00005 and resume', exact: true })
    .click();
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.00005');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 20);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const losses = await traceY(page, 'loss-plot', 'loss');
  expect(losses.every(Number.isFinite)).toBe(true);
  expect(consoleErrors).toEqual([]);
});
