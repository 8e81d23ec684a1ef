/**
 * Export model while a run trains. A model over FRAME_PARAMS_LIMIT parameters sends no
 * weights in its running frames, so Export pauses it and saves the paused frame's weights:
 * the file's step and weights are those the same run reaches in Node in as many steps. A
 * one-layer model's frames all carry their weights: it saves without pausing.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEFAULT_CONFIG } from '../src/core/config';
import { networkValues } from '../src/core/fit';
import { FRAME_PARAMS_LIMIT } from '../src/core/framePolicy';
import type { ModelFile } from '../src/core/modelFile';
import { paramLayout } from '../src/core/paramLayout';
import { TrainingRun } from '../src/core/run';
import { expect, expectSameWeights, readNumber, test, waitForStep } from './helpers';

const LARGE = { ...DEFAULT_CONFIG, layers: [80, 80], init: 'he' as const, seed: 5 };

async function exportFile(page: Page, path: string): Promise<ModelFile> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export model' }).click(),
  ]);
  await download.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8')) as ModelFile;
}

test('a large model exported while it trains is paused, and the file holds the weights of the step it names', async ({
  page,
  consoleErrors,
}, info) => {
  expect(paramLayout(LARGE.layers).length).toBeGreaterThan(FRAME_PARAMS_LIMIT);
  await page.goto('/?layers=80,80&init=he&seed=5');
  await waitForStep(page, 30);
  await expect(page.getByTestId('step')).toHaveAttribute('data-state', 'running');
  const file = await exportFile(page, info.outputPath('model.json'));
  await expect(page.getByTestId('step')).toHaveAttribute('data-state', 'paused');
  const step = await readNumber(page, 'step');
  expect(file.step).toBe(step);
  expect(step).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId('model-note')).toHaveText(
    `Paused at step ${step} and saved its weights: a model this large sends them only while it stands still.`,
  );
  // The weights the same run reaches in Node in as many steps (the TS engine; the worker's
  // dense kernels round their own way: see expectSameWeights).
  const { learningRate, speed: _speed, testShare: _share, ...model } = LARGE;
  const reference = new TrainingRun(model, undefined, { engine: 'ts' });
  reference.train(step, learningRate, new Float32Array(step), 0);
  expectSameWeights(file.params, networkValues(reference.net));
  await page.getByTestId('model-note').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('saved-paused.png') });
  expect(consoleErrors).toEqual([]);
});

test('a one-layer model saves while it trains, without pausing', async ({
  page,
  consoleErrors,
}, info) => {
  await page.goto('/');
  await waitForStep(page, 30);
  const file = await exportFile(page, info.outputPath('model.json'));
  expect(file.step).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId('step')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('model-note')).toHaveText('');
  expect(consoleErrors).toEqual([]);
});
