/** Two languages, lesson links that hide controls, and the model as a JSON file. */
import { readFile } from 'node:fs/promises';
import { expect, pause, readNumber, test, typeInto, waitForStep } from './helpers';
import type { ModelFile } from '../src/core/modelFile';

const SHOTS = 'e2e/screenshots';

test('the language switch translates the page, is kept, and sets <html lang>', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 2);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('反向传播游乐场');
  await expect(page.getByLabel('学习率', { exact: true })).toHaveValue('0.01');
  await expect(page.getByLabel('激活函数', { exact: true })).toHaveValue('relu');
  await expect(page.getByRole('button', { name: '重置', exact: true })).toBeVisible();
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveCount(0);
  // Plot traces keep their names (a data contract); the loss axis title is translated.
  await expect(page.locator('[data-testid="loss-plot"] .g-ytitle')).toHaveText('损失（均方误差）');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel('语言', { exact: true })).toHaveValue('zh');
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.01');
  expect(consoleErrors).toEqual([]);
});

test('a Chinese browser opens in Chinese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: '暂停', exact: true })).toBeVisible();
  await context.close();
});

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'zh'] as const) {
    test(`screenshot: ${theme}, ${language}, 1280 px`, async ({ page, consoleErrors }) => {
      await page.goto('/?preset=square-relu');
      await page.getByLabel('Theme', { exact: true }).selectOption(theme);
      await page.getByLabel('Language', { exact: true }).selectOption(language);
      await expect(page.getByTestId('step')).toHaveText('300', { timeout: 15_000 });
      await page.screenshot({
        path: `${SHOTS}/i18n-${theme}-${language}-1280.png`,
        fullPage: true,
      });
      expect(consoleErrors).toEqual([]);
    });
  }
}

test('screenshot: Chinese at 360 px', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/?preset=square-relu');
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expect(page.getByTestId('step')).toHaveText('300', { timeout: 15_000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/i18n-light-zh-360.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('a lesson link hides the controls it names and shows their values as fixed', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?activation=tanh&hide=dataset,points,noise,seed');
  await waitForStep(page, 2);
  for (const label of ['Dataset', 'Points', 'Noise', 'Seed'])
    await expect(page.getByLabel(label, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New random seed' })).toHaveCount(0);
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('10');
  await expect(page.getByLabel('Learning rate', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Preset', { exact: true })).toBeVisible();
  const fixed = page.getByTestId('fixed-settings');
  await expect(fixed).toContainText('Some settings are fixed by this lesson.');
  await expect(fixed).toContainText('Parabola: y = x²');
  await expect(fixed).toContainText('30');
  // Changing a shown setting keeps the lesson's hide list in the address bar.
  await page.getByLabel('Activation', { exact: true }).selectOption('relu');
  await expect
    .poll(() => new URL(page.url()).searchParams.get('hide'))
    .toBe('dataset,points,noise,seed');
  expect(consoleErrors).toEqual([]);
});

test('Share… builds a link that hides the ticked controls, from the keyboard', async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForStep(page, 2);
  await typeInto(page, 'Hidden units', '4');
  await page.getByRole('button', { name: 'Share…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a lesson link' });
  await expect(dialog).toBeVisible();
  for (const label of ['Preset', 'Hidden layers and units', 'Learning rate', 'Speed']) {
    await dialog.getByRole('checkbox', { name: label, exact: true }).focus();
    await page.keyboard.press('Space');
  }
  await page.screenshot({ path: `${SHOTS}/share-dialog.png` });
  const url = await dialog.getByLabel('Link to this run').inputValue();
  expect(new URL(url).searchParams.get('hide')).toBe('preset,hidden,lr,speed');
  expect(new URL(url).searchParams.get('layers')).toBe('4');
  await dialog.getByRole('button', { name: 'Copy lesson link' }).click();
  await expect(dialog).toContainText('Lesson link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The page's own address does not hide anything: only the shared link does.
  expect(new URL(page.url()).searchParams.get('hide')).toBeNull();

  const student = await context.newPage();
  await student.goto(url);
  await waitForStep(student, 2);
  for (const label of [
    'Preset',
    'Hidden layers',
    'Hidden units',
    'Layer sizes',
    'Learning rate',
    'Speed',
  ])
    await expect(student.getByLabel(label, { exact: true })).toHaveCount(0);
  for (const label of ['Dataset', 'Points', 'Noise', 'Seed', 'Activation', 'Initialisation'])
    await expect(student.getByLabel(label, { exact: true })).toBeVisible();
  await expect(student.getByTestId('fixed-settings')).toContainText('Hidden layers and units4');
  await student.screenshot({ path: `${SHOTS}/lesson-link.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

async function pausedParams(page: import('@playwright/test').Page): Promise<number[]> {
  const panel = page.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-params', /\[/);
  return JSON.parse((await panel.getAttribute('data-params'))!) as number[];
}

test('the model exports to JSON and imports back: configuration, step and weights, and training goes on', async ({
  page,
  consoleErrors,
}, info) => {
  await page.goto('/?hidden=6&activation=tanh&seed=5');
  await waitForStep(page, 30);
  // The step readout and the panel's weights are read from the worker's paused frame (a
  // data-params written while the page started, before training, may still stand until then).
  await pause(page);
  const step = await readNumber(page, 'step');
  await expect(page.getByTestId('network-panel')).toHaveAttribute('data-params-step', String(step));
  const params = await pausedParams(page);
  expect(params).toHaveLength(3 * 6 + 1);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export model' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('backprop-model.json');
  const path = info.outputPath('model.json');
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8')) as ModelFile;
  expect(file.step).toBe(step);
  expect(file.version).toBe(2);
  expect(file.config).toMatchObject({ layers: [6], init: 'tutorial', activation: 'tanh', seed: 5 });
  const [l1, l2] = file.params;
  expect(l1!.w).toEqual([params.slice(0, 6)]);
  expect(l1!.b).toEqual([params.slice(6, 12)]);
  expect(l2!.w).toEqual(params.slice(12, 18).map((v) => [v]));
  expect(l2!.b).toEqual([[params[18]]]);

  // Something else entirely, then a bad file: nothing changes, and it says why.
  await typeInto(page, 'Hidden units', '3');
  await page.getByLabel('Activation', { exact: true }).selectOption('sigmoid');
  await expect(page.getByTestId('step')).toHaveText('0'); // a new run, still paused
  await page.getByLabel('Import model').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"x": [1, 2]}'),
  });
  await expect(page.getByRole('alert')).toContainText('not a Backprop Playground model file');
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('3');

  await page.getByLabel('Import model').setInputFiles(path);
  await expect(page.getByTestId('model-note')).toContainText(`Model loaded at step ${step}`);
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('6');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('5');
  await expect(page.getByTestId('step')).toHaveText(String(step));
  await expect.poll(() => pausedParams(page)).toEqual(params);

  // Training goes on from the loaded weights.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForStep(page, step + 10);
  expect(consoleErrors).toEqual([]);
});
