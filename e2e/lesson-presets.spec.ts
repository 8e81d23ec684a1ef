/**
 * The lessons on how a network learns, on the page: each sets its controls and its link, runs
 * to its stop step, and the overfitting pair shows what its caption says in the loss plot's
 * own data (the captions' claims are checked on ten seeds in src/core/lessonPresets.test.ts).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { formatLayers } from '../src/core/config';
import { LESSON_PRESET_IDS, PRESETS, type PresetId } from '../src/core/presets';
import { expect, readNumber, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** A loss-plot trace's points, by its fixed id. */
async function trace(page: Page, name: string): Promise<{ x: number[]; y: number[] }> {
  return page.evaluate((traceName) => {
    const gd = document.querySelector<
      HTMLElement & {
        data?: { meta?: string; name?: string; x?: ArrayLike<number>; y?: ArrayLike<number> }[];
      }
    >('[data-testid="loss-plot"]');
    const t = gd?.data?.find((d) => (d.meta ?? d.name) === traceName);
    return { x: Array.from(t?.x ?? []), y: Array.from(t?.y ?? []) };
  }, name);
}

async function choose(page: Page, id: PresetId): Promise<void> {
  const { settings, steps, caption } = PRESETS[id];
  await field(page, 'Preset').selectOption(id);
  await expect(page.getByTestId('preset-caption')).toContainText(caption);
  await expect(field(page, 'Layer sizes')).toHaveValue(formatLayers(settings.layers));
  await expect(field(page, 'Activation')).toHaveValue(settings.activation);
  await expect(field(page, 'Initialisation')).toHaveValue(settings.init);
  await expect(field(page, 'Learning rate')).toHaveValue(String(settings.learningRate));
  await expect(field(page, 'Points')).toHaveValue(String(settings.points));
  await expect(page.getByTestId('lr-advice')).toHaveCount(0);
  // The link names the preset, and the speed the test set; nothing else differs from it.
  await expect(page).toHaveURL(new RegExp(`\\?speed=max&preset=${id}$`));
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBe(steps);
  await expect(page.getByTestId('status')).toHaveText('Paused');
}

/** Where the test-loss line is lowest, and the training loss there and at the end. */
async function testLossShape(page: Page) {
  const test = await trace(page, 'test loss');
  const loss = await trace(page, 'loss');
  // The worker samples the test loss on a step grid between frames (testLossGrid: 174 steps
  // to 3000), not once per frame, which a fast kernel sends only a few of in a whole lesson.
  expect(test.y.length).toBeGreaterThan(50);
  let best = 0;
  for (let i = 0; i < test.y.length; i++) if (test.y[i]! < test.y[best]!) best = i;
  const lossAt = (step: number) => loss.y[loss.x.findIndex((s) => s >= step)]!;
  return {
    bestStep: test.x[best]!,
    rise: test.y.at(-1)! / test.y[best]!,
    trainFall: loss.y.at(-1)! / lossAt(test.x[best]!),
  };
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?speed=max');
  await waitForStep(page, 0);
});

test('overfitting: the test loss turns up while the training loss falls; with L2 it does not', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(150_000);
  await choose(page, 'overfit');
  await expect(page.getByText('50%', { exact: true })).toBeVisible();
  const plain = await testLossShape(page);
  // Frames sample the line, and it is nearly flat around its lowest point: where exactly it
  // bottoms out is the core test's to check (lessonPresets.test.ts), not the page's.
  expect(plain.bestStep).toBeLessThan(PRESETS.overfit.steps / 2);
  expect(plain.rise).toBeGreaterThan(1.2);
  expect(plain.trainFall).toBeLessThan(0.5);
  for (const theme of ['light', 'dark'] as const) {
    await field(page, 'Theme').selectOption(theme);
    await page.screenshot({ path: `${SHOTS}/lesson-overfit-${theme}-en.png`, fullPage: true });
  }
  await field(page, 'Language').selectOption('zh');
  for (const theme of ['light', 'dark'] as const) {
    await field(page, '主题').selectOption(theme);
    await page.screenshot({ path: `${SHOTS}/lesson-overfit-${theme}-zh.png`, fullPage: true });
  }
  await field(page, '语言').selectOption('en');
  await field(page, 'Theme').selectOption('light');

  await choose(page, 'overfit-l2');
  const l2 = await testLossShape(page);
  expect(l2.rise).toBeLessThan(1.2);
  await page.screenshot({ path: `${SHOTS}/lesson-overfit-l2.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('mini-batches and the optimizers: each sets its controls and link and stops at its step', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  for (const id of ['minibatch-noise', 'deep-sgd', 'deep-adam'] as const) await choose(page, id);
  await expect(field(page, 'Preset').locator('optgroup[label="How it learns"] option')).toHaveText(
    LESSON_PRESET_IDS.map((id) => PRESETS[id].label),
  );
  // A test share fixed by a lesson goes with it: the others leave the learner's as it is.
  await choose(page, 'overfit');
  await field(page, 'Preset').selectOption('square-relu');
  await expect(page.getByText('50%', { exact: true })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
