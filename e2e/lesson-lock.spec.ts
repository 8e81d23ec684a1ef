/**
 * What a lesson link fixes stays fixed through every path (a preset chosen from the keyboard,
 * a model file, the shortcuts), and each hide key hides its own control and nothing else.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEFAULT_CONFIG, type RunConfig } from '../src/core/config';
import { modelFile } from '../src/core/modelFile';
import { expect, readNumber, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

const EVERYTHING = 'preset,dataset,points,noise,seed,data,test,hidden,activation,init,lr,speed';

function fileText(config: Partial<RunConfig>, step = 40): string {
  const full = { ...DEFAULT_CONFIG, ...config };
  return JSON.stringify(
    modelFile(full, step, new Float32Array(3 * full.layers[0]! + 1).fill(0.25)),
  );
}

async function importText(page: Page, text: string): Promise<void> {
  await page
    .getByLabel('Import model')
    .setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The fixed list as "label: value" lines. */
async function fixedList(page: Page): Promise<string[]> {
  return page
    .getByTestId('fixed-settings')
    .locator('.fixed-list > div')
    .evaluateAll((rows) =>
      rows.map(
        (r) => `${r.querySelector('dt')?.textContent}: ${r.querySelector('dd')?.textContent}`,
      ),
    );
}

const SETTING_LABELS = [
  'Preset',
  'Dataset',
  'Points',
  'Noise',
  'Seed',
  'Test share',
  'Hidden layers',
  'Hidden units',
  'Layer sizes',
  'Activation',
  'Initialisation',
  'Learning rate',
  'Speed',
];

test('everything hidden: nothing to change, model files cannot change a fixed setting, shortcuts neither', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(
    `/?activation=tanh&hidden=6&${new URLSearchParams({ hide: EVERYTHING })}`.replace(/%2C/g, ','),
  );
  await waitForStep(page, 3);
  for (const label of SETTING_LABELS)
    await expect(page.getByLabel(label, { exact: true })).toHaveCount(0);
  for (const name of ['Edit points', 'Clear', 'Regenerate', 'New random seed'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Import CSV')).toHaveCount(0);
  const before = await fixedList(page);
  expect(before).toEqual([
    'Preset: Custom',
    'Dataset: Parabola: y = x²',
    'Points: 30',
    'Noise: 0.2',
    'Seed: 0',
    'Edit points, CSV: off (generated data)',
    'Test share: 0%',
    'Hidden layers and units: 6',
    'Activation: tanh',
    'Initialisation: Tutorial',
    'Learning rate: 0.01',
    'Speed: 100/s',
  ]);
  await page.screenshot({ path: `${SHOTS}/lesson-everything-hidden.png`, fullPage: true });
  const url = page.url();

  // A file whose weights need another activation: refused, and it says which setting the lesson fixes.
  await importText(page, fileText({ activation: 'sigmoid', layers: [6] }));
  const note = page.getByTestId('model-note');
  await expect(note).toHaveText(
    'Could not load the model: this lesson fixes Activation (tanh), and the file’s weights only fit its own. Nothing was changed.',
  );
  expect(await fixedList(page)).toEqual(before);

  // Same network, other data and speed: the weights load, the lesson's settings stay, and it says so.
  await importText(
    page,
    fileText({ activation: 'tanh', layers: [6], points: 80, seed: 4, speed: 1000 }),
  );
  await expect(note).toHaveText(
    'Model loaded at step 40: press Play to go on training. The lesson’s fixed settings were kept: Points (30), Seed (0), Speed (100/s). The rest was applied.',
  );
  await expect(page.getByTestId('lesson-kept')).toHaveText(
    'The lesson’s fixed settings were kept: Points (30), Seed (0), Speed (100/s). The rest was applied.',
  );
  await expect(page.getByTestId('step')).toHaveText('40');
  expect(await fixedList(page)).toEqual(before);
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lesson-model-kept.png` });

  // The shortcuts play, step and reset; none touches a setting.
  await page.locator('body').press('Space');
  await waitForStep(page, 45);
  await page.locator('body').press('Space');
  await page.locator('body').press('s');
  await page.locator('body').press('r');
  await expect.poll(() => readNumber(page, 'step')).toBe(0);
  expect(await fixedList(page)).toEqual(before);
  expect(page.url()).toBe(url);
  expect(consoleErrors).toEqual([]);
});

test('a preset chosen from the keyboard keeps the activation the lesson fixes, and says so', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?activation=tanh&hide=activation');
  await waitForStep(page, 3);
  const picker = page.getByLabel('Preset', { exact: true });
  await picker.focus();
  // Type-ahead on the closed select: "2 · Fitting the line" (the line, 10 points, 3 units, no activation).
  await page.keyboard.press('2');
  await expect(page.getByTestId('lesson-kept')).toHaveText(
    'The lesson’s fixed settings were kept: Activation (tanh). The rest was applied.',
  );
  await expect(page.getByLabel('Points', { exact: true })).toHaveValue('10');
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('linear');
  // Not the experiment any more (its activation is not in force): Custom, as its link would say.
  await expect(picker).toHaveValue('custom');
  expect(await fixedList(page)).toEqual(['Activation: tanh']);
  const url = new URL(page.url());
  expect(url.searchParams.get('activation')).toBe('tanh');
  expect(url.searchParams.get('preset')).toBeNull();
  await page.getByTestId('fixed-settings').screenshot({ path: `${SHOTS}/lesson-preset-kept.png` });
  // A change the lesson allows clears the note.
  await page.getByLabel('Points', { exact: true }).fill('12');
  await page.getByLabel('Points', { exact: true }).press('Enter');
  await expect(page.getByTestId('lesson-kept')).toHaveText('');
  expect(consoleErrors).toEqual([]);
});

test('each hide key hides its own control only', async ({ page, consoleErrors }) => {
  await page.goto('/?hide=dataset');
  await waitForStep(page, 2);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit points', exact: true })).toBeVisible();
  await expect(page.getByLabel('Import CSV')).toHaveCount(1);
  await expect(page.getByLabel('Test share', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Points', { exact: true })).toBeVisible();

  await page.goto('/?hide=data');
  await waitForStep(page, 2);
  for (const name of ['Edit points', 'Clear', 'Regenerate', 'Export CSV'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Import CSV')).toHaveCount(0);
  await expect(page.getByLabel('Dataset', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Test share', { exact: true })).toBeVisible();
  await expect(page.getByTestId('fixed-settings')).toContainText('Edit points, CSV');

  await page.goto('/?hide=test');
  await waitForStep(page, 2);
  await expect(page.getByLabel('Test share', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit points', exact: true })).toBeVisible();
  await expect(page.getByLabel('Dataset', { exact: true })).toBeVisible();

  // The network's shape is one setting: its three fields hide together; the initialisation is its own.
  await page.goto('/?layers=16,8&hide=hidden');
  await waitForStep(page, 2);
  for (const label of ['Hidden layers', 'Hidden units', 'Layer sizes'])
    await expect(page.getByLabel(label, { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Initialisation', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Activation', { exact: true })).toBeVisible();
  expect(await fixedList(page)).toEqual(['Hidden layers and units: 16,8']);

  await page.goto('/?init=he&hide=init');
  await waitForStep(page, 2);
  await expect(page.getByLabel('Initialisation', { exact: true })).toHaveCount(0);
  for (const label of ['Hidden layers', 'Hidden units', 'Layer sizes', 'Activation'])
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  expect(await fixedList(page)).toEqual(['Initialisation: He (Kaiming)']);

  // One bad item: the rest of the list still hides its controls, and the bad one is named.
  await page.goto('/?hide=seed,sed,lr');
  await waitForStep(page, 2);
  await expect(page.getByLabel('Seed', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveCount(0);
  const notice = page.getByRole('status', { name: 'Link notice' });
  await expect(notice).toContainText('"sed" in hide= is not valid');
  await expect(notice).toContainText('it is ignored, the rest of the list is used.');
  expect(consoleErrors).toEqual([]);
});

test('the link notice: a repeated key once, non-ASCII values as written', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(`/?seed=1&seed=2&seed=3&dataset=${encodeURIComponent('抛物线')}&lr=1e-320`);
  await waitForStep(page, 2);
  const notice = page.getByRole('status', { name: 'Link notice' });
  await expect(notice.locator('li')).toHaveText([
    '"seed" appears more than once: the first is used.',
    'dataset="抛物线" is not valid (one of linear, quadratic, sine, abs, step, cubic, custom): the default is used.',
    'lr="1e-320" is not valid (a number from 1e-37 to 10): the default is used.',
  ]);
  await notice.screenshot({ path: `${SHOTS}/link-notice.png` });
  expect(consoleErrors).toEqual([]);
});
