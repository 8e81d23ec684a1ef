/** The tutorial's experiments in the page: preset picker, stop steps, URL, back to numpy. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { numpyForTests } from '../scripts/numpy-python';
import { DEEP_PRESET_IDS, PRESETS, TUTORIAL_PRESET_IDS } from '../src/core/presets';
import { expect, readNumber, test, typeInto, waitForStep } from './helpers';
import type { Page } from '@playwright/test';

const SHOTS = 'e2e/screenshots';
/** Loss agreement between the page (float32) and numpy (float64); see src/core/presets.test.ts. */
const LOSS_RTOL = 1e-6;

async function stepsAndLosses(page: Page): Promise<{ x: number[]; y: number[] }> {
  return page.evaluate(() => {
    const gd = document.querySelector('[data-testid="loss-plot"]') as HTMLElement & {
      data?: { name?: string; x?: ArrayLike<number>; y?: ArrayLike<number> }[];
    };
    const trace = gd.data?.find((t) => t.name === 'loss');
    return { x: Array.from(trace?.x ?? []), y: Array.from(trace?.y ?? []) };
  });
}

/** Waits until the run sits still at `step` with Play offered (the worker paused it there). */
async function expectStoppedAt(page: Page, step: number): Promise<void> {
  await expect.poll(() => readNumber(page, 'step'), { timeout: 15_000 }).toBe(step);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(400);
  expect(await readNumber(page, 'step')).toBe(step);
  await expect(page.getByTestId('status')).toHaveText('Paused');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 0);
});

test('each preset applies its settings, shows its caption and stops at its step count', async ({
  page,
  consoleErrors,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const picker = page.getByLabel('Preset', { exact: true });
  await expect(picker).toHaveValue('custom');
  // The lessons on learning run thousands of steps: lesson-presets.spec.ts runs them at full speed.
  for (const id of [...TUTORIAL_PRESET_IDS, ...DEEP_PRESET_IDS]) {
    const preset = PRESETS[id];
    await picker.selectOption(id);
    await expect(page.getByTestId('preset-caption')).toContainText(preset.caption);
    await expect(page.getByTestId('preset-caption')).toBeVisible();
    await expect(page.getByLabel('Points', { exact: true })).toHaveValue(
      String(preset.settings.points),
    );
    await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue(
      String(preset.settings.layers[0]),
    );
    await expect(page.getByLabel('Activation', { exact: true })).toHaveValue(
      preset.settings.activation,
    );
    await expectStoppedAt(page, preset.steps);
    await expect(picker).toHaveValue(id);
    await page.screenshot({ path: `${SHOTS}/preset-${id}.png`, fullPage: true });
  }
  expect(consoleErrors).toEqual([]);
});

test('Play goes on beyond the stop; editing a setting makes the picker Custom', async ({
  page,
}) => {
  const picker = page.getByLabel('Preset', { exact: true });
  await picker.selectOption('fit-line');
  await expectStoppedAt(page, 50);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForStep(page, 60);
  await expect(picker).toHaveValue('fit-line');
  await typeInto(page, 'Hidden units', '5');
  await expect(picker).toHaveValue('custom');
  await expect(page.getByTestId('preset-caption')).toContainText('Your own settings');
  // A custom run has no stop: it trains past 50 on its own.
  await waitForStep(page, 80);
});

test('?preset=square-none opens that experiment', async ({ page, consoleErrors }) => {
  await page.goto('/?preset=square-none');
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('square-none');
  await expect(page.getByTestId('preset-caption')).toContainText('underfitting');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('none');
  await expectStoppedAt(page, 300);
  await page.goto('/?preset=no-such-thing');
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('custom');
  await waitForStep(page, 5);
  expect(consoleErrors).toEqual([]);
});

test("Copy as numpy script copies a script whose printed losses are the page's", async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=square-relu');
  await expectStoppedAt(page, 300);
  await page.getByRole('button', { name: 'Copy as numpy script' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  expect(script).toContain('np.random.seed(0)');
  expect(script).toContain('steps = 300');
  expect(script).toContain('dz1 *= relu_derivative(o1)');

  // Skipped without numpy, except on CI, where it fails (see scripts/numpy-python.ts).
  const numpy = numpyForTests();
  test.skip(numpy.skip, numpy.missing);
  const out = spawnSync(numpy.python(), ['-'], { input: script, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  const printed = out.stdout.trim().split('\n').slice(0, -1).map(Number);
  expect(printed).toHaveLength(30);
  const { x, y } = await stepsAndLosses(page);
  printed.forEach((loss, k) => {
    const i = x.indexOf(k * 10);
    expect(i, `page has the loss of step ${k * 10}`).toBeGreaterThanOrEqual(0);
    expect(Math.abs(y[i]! - loss) / loss).toBeLessThan(LOSS_RTOL);
  });
});

test('without clipboard access the script is shown to copy by hand', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await page.goto('/?preset=fit-line');
  await expectStoppedAt(page, 50);
  await page.getByRole('button', { name: 'Copy as numpy script' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy the numpy script' });
  await expect(dialog).toBeVisible();
  const text = dialog.getByRole('textbox', { name: 'numpy script' });
  await expect(text).toHaveValue(/np\.random\.seed\(0\)[\s\S]*steps = 50/);
  await page.screenshot({ path: `${SHOTS}/copy-fallback.png`, fullPage: false });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});
