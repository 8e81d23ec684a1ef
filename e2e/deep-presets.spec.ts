/**
 * The deeper presets on the page, and the tutorial's four as they always were: each applies
 * its network (layers, initialisation, rate) with no warning that the rate is risky, stops
 * at its step, and the deeper ones' losses at the stop are the core's (the captions' numbers are checked on ten seeds in
 * src/core/deepPresets.test.ts).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { formatLayers } from '../src/core/config';
import { DEEP_PRESET_IDS, PRESETS, type PresetId } from '../src/core/presets';
import { TrainingRun } from '../src/core/run';
import { formatLoss } from '../src/app/format';
import { expect, readNumber, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function expectStoppedAt(page: Page, step: number): Promise<void> {
  await expect.poll(() => readNumber(page, 'step'), { timeout: 30_000 }).toBe(step);
  await expect(page.getByTestId('status')).toHaveText('Paused');
}

/** The loss the core reaches with the preset's settings at seed 0, as the page writes it. */
function coreLoss(id: PresetId): string {
  const preset = PRESETS[id];
  const run = new TrainingRun({ ...preset.settings, seed: 0 });
  run.train(preset.steps, preset.settings.learningRate, new Float32Array(preset.steps), 0);
  return formatLoss(run.currentLoss());
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 0);
});

test('the deeper presets set their network at a rate the advice accepts, stop at their step, and reach the core’s loss', async ({
  page,
  consoleErrors,
}) => {
  // 500 + 1000 + 1000 steps at the page's default speed of 100 steps a second.
  test.setTimeout(90_000);
  const picker = page.getByLabel('Preset', { exact: true });
  const losses: Partial<Record<PresetId, number>> = {};
  for (const id of DEEP_PRESET_IDS) {
    const { settings, steps, caption } = PRESETS[id];
    await picker.selectOption(id);
    await expect(page.getByTestId('preset-caption')).toContainText(caption);
    await expect(field(page, 'Hidden layers')).toHaveValue(String(settings.layers.length));
    await expect(field(page, 'Layer sizes')).toHaveValue(formatLayers(settings.layers));
    await expect(field(page, 'Initialisation')).toHaveValue(settings.init);
    await expect(field(page, 'Activation')).toHaveValue(settings.activation);
    await expect(field(page, 'Learning rate')).toHaveValue(String(settings.learningRate));
    await expect(page.getByTestId('lr-advice')).toHaveCount(0);
    await expectStoppedAt(page, steps);
    await expect(page.getByTestId('loss')).toHaveText(coreLoss(id));
    losses[id] = await readNumber(page, 'loss');
    await page.screenshot({ path: `${SHOTS}/preset-${id}.png`, fullPage: true });
  }
  // What the pair shows: He's draw trains, the tutorial's stays flat.
  expect(losses['depth4-he']!).toBeLessThan(0.5 * losses['depth4-tutorial']!);
  // The picker groups them apart from the tutorial's four.
  await expect(picker.locator('optgroup[label="Deeper networks"] option')).toHaveText([
    '5 · The square, three ReLU layers',
    '6 · Depth 4, tutorial initialisation',
    '7 · Depth 4, He initialisation',
  ]);
  await expect(page).toHaveURL(/\?preset=depth4-he$/);
  expect(consoleErrors).toEqual([]);
});

/** The tutorial's four as they were before deeper networks, written out (not read from core). */
const TUTORIAL = [
  {
    id: 'untrained-line',
    label: '1 · Untrained, on the line',
    caption:
      'predict01(): before any training the random weights give a nearly flat line near 0.1, far from the data. Press Play to watch it learn.',
    dataset: 'linear',
    points: '10',
    sizes: '3',
    activation: 'none',
    steps: 0,
  },
  {
    id: 'fit-line',
    label: '2 · Fitting the line',
    caption:
      'predict02(): 50 steps of backpropagation tilt the flat line toward the data. A network without activation is a line, which is all this data needs.',
    dataset: 'linear',
    points: '10',
    sizes: '3',
    activation: 'none',
    steps: 50,
  },
  {
    id: 'square-none',
    label: '3 · The square, no activation',
    caption:
      'predict03(): without an activation the ten hidden units add up to a single line, so after 300 steps it still cannot bend to x²: underfitting.',
    dataset: 'quadratic',
    points: '30',
    sizes: '10',
    activation: 'none',
    steps: 300,
  },
  {
    id: 'square-relu',
    label: '4 · The square, with ReLU',
    caption:
      'predict04(): the same network with ReLU. Each unit becomes a hinge, and in 300 steps the hinges bend the curve into the parabola.',
    dataset: 'quadratic',
    points: '30',
    sizes: '10',
    activation: 'relu',
    steps: 300,
  },
] as const;

test('the tutorial’s four presets are unchanged: one layer, the tutorial’s draw, rate 0.01', async ({
  page,
  consoleErrors,
}) => {
  const picker = page.getByLabel('Preset', { exact: true });
  await expect(picker.locator('optgroup[label="The tutorial"] option')).toHaveText(
    TUTORIAL.map((p) => p.label),
  );
  for (const p of TUTORIAL) {
    await picker.selectOption(p.id);
    await expect(page.getByTestId('preset-caption')).toContainText(p.caption);
    await expect(field(page, 'Dataset')).toHaveValue(p.dataset);
    await expect(field(page, 'Points')).toHaveValue(p.points);
    await expect(field(page, 'Noise')).toHaveValue('0.2');
    await expect(field(page, 'Hidden layers')).toHaveValue('1');
    await expect(field(page, 'Hidden units')).toHaveValue(p.sizes);
    await expect(field(page, 'Layer sizes')).toHaveValue(p.sizes);
    await expect(field(page, 'Initialisation')).toHaveValue('tutorial');
    await expect(field(page, 'Activation')).toHaveValue(p.activation);
    await expect(field(page, 'Learning rate')).toHaveValue('0.01');
    await expectStoppedAt(page, p.steps);
    await expect(page).toHaveURL(new RegExp(`\\?preset=${p.id}$`));
  }
  expect(consoleErrors).toEqual([]);
});
