/**
 * Export model / Import model at depth: a two-layer He run saves as a version 2 file with
 * its layers, init and one {w, b} per layer (the weights a Node run reaches in as many
 * steps), loads back into a fresh page and trains on; a version 1 file still loads; a
 * layer of the wrong shape is refused with the layer named, and the page goes on.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEFAULT_CONFIG } from '../src/core/config';
import { networkValues } from '../src/core/fit';
import type { ModelFile } from '../src/core/modelFile';
import { TrainingRun } from '../src/core/run';
import { expect, expectSameWeights, pause, readNumber, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

const DEEP = { ...DEFAULT_CONFIG, layers: [6, 4], init: 'he' as const, seed: 5 };

async function importText(page: Page, text: string): Promise<void> {
  await page
    .getByLabel('Import model')
    .setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function exportFile(page: Page, path: string): Promise<ModelFile> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export model' }).click(),
  ]);
  await download.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8')) as ModelFile;
}

test('a two-layer model exports with its layers and init, and imports back into a fresh page', async ({
  page,
  consoleErrors,
}, info) => {
  await page.goto('/?layers=6,4&init=he&seed=5');
  await waitForStep(page, 20);
  await pause(page);
  const step = await readNumber(page, 'step');
  const path = info.outputPath('model.json');
  const file = await exportFile(page, path);
  expect(file.version).toBe(2);
  expect(file.step).toBe(step);
  expect(file.config).toMatchObject({ layers: [6, 4], init: 'he', seed: 5 });
  expect(file.params.map((l) => [l.w.length, l.w[0]!.length, l.b.length, l.b[0]!.length])).toEqual([
    [1, 6, 1, 6],
    [6, 4, 1, 4],
    [4, 1, 1, 1],
  ]);
  // The weights the same run reaches in Node in as many steps (the TS engine; the worker's
  // dense kernels round their own way: see expectSameWeights).
  const { learningRate, speed: _speed, testShare: _share, ...model } = DEEP;
  const reference = new TrainingRun(model, undefined, { engine: 'ts' });
  reference.train(step, learningRate, new Float32Array(step), 0);
  expectSameWeights(file.params, networkValues(reference.net));

  await page.goto('/');
  await waitForStep(page, 3);
  await page.getByLabel('Import model').setInputFiles(path);
  const note = page.getByTestId('model-note');
  await expect(note).toContainText(`Model loaded at step ${step}`);
  await expect(page.getByTestId('step')).toHaveText(String(step));
  await expect.poll(() => new URL(page.url()).searchParams.get('layers')).toBe('6,4');
  expect(new URL(page.url()).searchParams.get('init')).toBe('he');
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/model-file-deep-loaded.png` });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForStep(page, step + 10);
  expect(consoleErrors).toEqual([]);
});

test('a version 1 file loads as one hidden layer; a deep file with a layer of the wrong shape is refused, naming it', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 3);
  const note = page.getByTestId('model-note');
  await importText(page, readFileSync('src/core/fixtures/model-v1.json', 'utf8'));
  await expect(note).toContainText('Model loaded at step 12');
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('tanh');

  const bad = {
    kind: 'backprop-playground-model',
    version: 2,
    config: { ...DEEP, speed: 'max' },
    step: 4,
    params: [
      { w: [[0, 0, 0, 0, 0, 0]], b: [[0, 0, 0, 0, 0, 0]] },
      { w: [[0, 0, 0, 0]], b: [[0, 0, 0, 0]] },
      { w: [[0], [0], [0], [0]], b: [[0]] },
    ],
  };
  await importText(page, JSON.stringify(bad));
  await expect(note).toHaveText(
    'Could not load the model: params[1].w (the weights of hidden layer 2) must be a [6][4] list of numbers. Nothing was changed.',
  );
  await expect(note).toHaveAttribute('role', 'alert');
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('3');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForStep(page, 20);
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/model-file-bad-layer.png` });
  expect(consoleErrors).toEqual([]);
});
