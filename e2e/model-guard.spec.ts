/**
 * Nothing in a model file takes the page down: files that used to blank it are refused
 * with the message the link and the fields give; and if the app ever breaks anyway, the
 * error boundary shows a way back instead of a white page.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEFAULT_CONFIG, type RunConfig } from '../src/core/config';
import { modelFile } from '../src/core/modelFile';
import { paramLayout } from '../src/core/paramLayout';
import { expect, readNumber, test, traceY, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** A model file's text: `config` over the defaults, zero weights for its hidden units. */
function fileText(config: Partial<RunConfig>, step = 10): string {
  const full = { ...DEFAULT_CONFIG, ...config };
  return JSON.stringify(modelFile(full, step, new Float32Array(paramLayout(full.layers).length)));
}

async function importText(page: Page, text: string): Promise<void> {
  await page
    .getByLabel('Import model')
    .setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The page still trains: the step readout moves on. */
async function stillTraining(page: Page): Promise<void> {
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 5);
}

test('a model file whose target does not compile is refused and the page goes on', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 3);
  await importText(page, fileText({ dataset: 'custom', expression: 'sin(' }));
  const note = page.getByTestId('model-note');
  await expect(note).toHaveText(
    'Could not load the model: config.expression is not a target the page can use: The expression ends too early. Nothing was changed.',
  );
  await expect(note).toHaveAttribute('role', 'alert');
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('quadratic');
  expect(new URL(page.url()).search).toBe('');
  await stillTraining(page);
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/model-file-bad-expression.png` });
  expect(consoleErrors).toEqual([]);
});

test('a model file whose target is not finite on [-1, 1] is refused: no NaN data', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 3);
  await importText(page, fileText({ dataset: 'custom', expression: 'log(x)' }));
  await expect(page.getByTestId('model-note')).toContainText(
    'config.expression is not a target the page can use: Not a finite number at x = -1',
  );
  const y = await traceY(page, 'fit-plot', 'data');
  expect(y).toHaveLength(30);
  expect(y.every(Number.isFinite)).toBe(true);
  await stillTraining(page);
  expect(consoleErrors).toEqual([]);
});

test('a model file with a step no run reaches, or a weight beyond float32, is refused with what is wrong', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 3);
  const note = page.getByTestId('model-note');
  await importText(page, fileText({}, 1e15));
  await expect(note).toContainText(
    'step must be a whole number from 0 to 1000000000000, the last step a run can reach',
  );
  // JSON reads 1e309 as Infinity: it was once reported as "holds null".
  // The output layer's bias, the file's last entry.
  await importText(page, fileText({}).replace(/"b":\[\[0\]\]\}\]\}$/, '"b":[[1e309]]}]}'));
  await expect(note).toContainText(
    "params[1].b (the biases of the output layer) holds a number beyond float32's range (±3.4e38)",
  );
  await importText(page, fileText({ learningRate: 1e-320 }));
  await expect(note).toContainText(
    'config.learningRate is missing or not valid: it must be a number from 1e-37 to 10',
  );
  await stillTraining(page);
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/model-file-bad-lr.png` });
  expect(consoleErrors).toEqual([]);
});

/**
 * A real crash without a backdoor: a script that rewrites the page under React (as
 * translation extensions do) moves an element React later removes, and React's removeChild
 * throws. The boundary must catch it and offer a way back.
 */
async function breakThePage(page: Page): Promise<void> {
  const edit = page.getByRole('button', { name: /^(Edit points|编辑数据点)$/ });
  await edit.click();
  await page.evaluate(() => {
    const pressed = [...document.querySelectorAll('.data-tools button[aria-pressed]')];
    const deleteMode = pressed[1];
    if (!deleteMode) throw new Error('no delete-mode button');
    document.body.append(deleteMode);
  });
  await edit.click();
}

for (const language of ['en', 'zh'] as const) {
  test(`the error boundary shows a message and a way back instead of a blank page (${language})`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await page.addInitScript(
      (lang) => localStorage.setItem('backprop-playground.language', lang),
      language,
    );
    await page.goto('/?hidden=7');
    await waitForStep(page, 3);
    await breakThePage(page);
    const crashed = page.getByTestId('app-crashed');
    await expect(crashed).toBeVisible();
    await expect(crashed).toHaveAttribute('role', 'alert');
    const words =
      language === 'en'
        ? ['Something went wrong', 'Reload the page', 'Reset to defaults']
        : ['出错了', '重新加载页面', '恢复默认设置'];
    await expect(crashed.getByRole('heading')).toHaveText(words[0]!);
    await page.screenshot({ path: `${SHOTS}/error-boundary-${language}.png` });
    // React reports the error it caught; nothing else went wrong.
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/removeChild|not a child/i);

    await crashed.getByRole('button', { name: words[2]! }).click();
    await expect(page.getByTestId('app-crashed')).toHaveCount(0);
    await waitForStep(page, 3);
    expect(new URL(page.url()).search).toBe('');
    await expect(
      page.getByLabel(language === 'en' ? 'Hidden units' : '隐藏单元', { exact: true }),
    ).toHaveValue('10');
  });
}
