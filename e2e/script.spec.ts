/** "Copy as numpy script" on the learner's own run: imported points and a new rate, replayed by numpy. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEFAULT_CONFIG } from '../src/core/config';
import { modelFile } from '../src/core/modelFile';
import { TrainingRun } from '../src/core/run';
import { expect, pause, readNumber, test, typeInto, waitForStep } from './helpers';
import { numpyForTests } from '../scripts/numpy-python';

/** Runs a copied script with numpy: skipped without it, except on CI, where it fails (see scripts/numpy-python.ts). */
function runScript(script: string) {
  const numpy = numpyForTests();
  test.skip(numpy.skip, numpy.missing);
  return spawnSync(numpy.python(), ['-'], { input: script, encoding: 'utf8' });
}

const SHOTS = 'e2e/screenshots';
/** Page (float32) against numpy (float64): the presets' tolerance (see src/core/presets.test.ts). */
const LOSS_RTOL = 1e-6;

/**
 * Five points no curve fits exactly (two pairs share an x): the loss stays near its floor
 * of 0.072 rather than falling towards 0, where float32's rounding would be a large share
 * of it, so the agreement does not depend on how many steps the page took.
 */
const CSV = 'x,y\n-0.5,0.3\n-0.5,-0.3\n0,0.2\n0.5,0.6\n0.5,0\n';
const CSV_VALUES = [-0.5, 0.3, -0.3, 0.2, 0.6];

/** A loss-plot trace's steps and losses ('loss', or 'test loss' for the held-out points). */
async function stepsAndLosses(page: Page, name = 'loss'): Promise<{ x: number[]; y: number[] }> {
  return page.evaluate((traceName) => {
    const gd = document.querySelector('[data-testid="loss-plot"]') as HTMLElement & {
      data?: { name?: string; x?: ArrayLike<number>; y?: ArrayLike<number> }[];
    };
    const trace = gd.data?.find((t) => t.name === traceName);
    return { x: Array.from(trace?.x ?? []), y: Array.from(trace?.y ?? []) };
  }, name);
}

async function copyScript(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy as numpy script' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a CSV imported mid-run and a new learning rate: the script trains on those points from their step, at each rate from its step', async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForStep(page, 20);
  await page
    .getByLabel('Import CSV')
    .setInputFiles({ name: 'five.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByText('five.csv: 5 points imported.')).toBeVisible();
  await waitForStep(page, (await readNumber(page, 'step')) + 40);
  await typeInto(page, 'Learning rate', '0.02');
  await waitForStep(page, (await readNumber(page, 'step')) + 40);
  await pause(page);
  await expect(page.getByTestId('status')).toHaveText('Paused');
  const steps = await readNumber(page, 'step');

  const script = await copyScript(page);
  // The imported points, as the page holds them (float32), written out.
  expect(script).toContain(
    `np.array([${[-0.5, -0.5, 0, 0.5, 0.5].map((v) => String(Math.fround(v))).join(', ')}])[:, None]`,
  );
  for (const v of CSV_VALUES) expect(script).toContain(String(Math.fround(v)));
  expect(script).toContain('# own data, N=5 from step ');
  expect(script).not.toContain('N=30');
  expect(script).toMatch(/^learning_rates = \{0: 0\.01, \d+: 0\.02\}$/m);
  expect(script).toContain(`steps = ${steps}`);
  mkdirSync(SHOTS, { recursive: true });
  await page
    .getByRole('button', { name: 'Copy as numpy script' })
    .screenshot({ path: `${SHOTS}/script-copied.png` });

  const out = runScript(script);
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  const lines = out.stdout.trim().split('\n');
  const final = lines.pop()!.match(/^loss after (\d+) steps: (\S+)$/);
  expect(final?.[1]).toBe(String(steps));
  const printed = lines.map(Number);
  expect(printed).toHaveLength(Math.ceil(steps / 10));
  const { x, y } = await stepsAndLosses(page);
  printed.forEach((loss, k) => {
    const i = x.indexOf(k * 10);
    expect(i, `page has the loss of step ${k * 10}`).toBeGreaterThanOrEqual(0);
    expect(Math.abs(y[i]! - loss) / loss, `loss at step ${k * 10}`).toBeLessThan(LOSS_RTOL);
  });
  const pageLoss = Number(await page.getByTestId('loss').textContent());
  // The readout is rounded for display: agreement to its own digits.
  expect(Math.abs(pageLoss - Number(final?.[2])) / pageLoss).toBeLessThan(1e-3);
  expect(consoleErrors).toEqual([]);
});

test('with a test share the script leaves the held-out points out of training and prints their loss', async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The preset stops at step 300: the same run every time.
  await page.goto('/?preset=square-relu&test=0.3');
  await expect.poll(() => readNumber(page, 'step'), { timeout: 15_000 }).toBe(300);
  await expect(page.getByTestId('status')).toHaveText('Paused');
  const script = await copyScript(page);
  expect(script).toContain('9 held out for testing');
  expect(script).toMatch(/^x, y, x_test, y_test = split\(x, y, \[[\d, ]+\]\)/m);

  const out = runScript(script);
  expect(out.stderr).toBe('');
  const lines = out.stdout.trim().split('\n');
  const testLoss = Number(lines.at(-1)!.match(/^test loss after 300 steps: (\S+)$/)?.[1]);
  const held = await stepsAndLosses(page, 'test loss');
  const at300 = held.x.indexOf(300);
  expect(at300, 'the page has the test loss of step 300').toBeGreaterThanOrEqual(0);
  expect(Math.abs(held.y[at300]! - testLoss) / testLoss).toBeLessThan(LOSS_RTOL);
  const printed = lines.slice(0, -2).map(Number);
  const { x, y } = await stepsAndLosses(page);
  printed.forEach((loss, k) => {
    const i = x.indexOf(k * 10);
    expect(Math.abs(y[i]! - loss) / loss, `loss at step ${k * 10}`).toBeLessThan(LOSS_RTOL);
  });
  expect(printed).toHaveLength(30);
  expect(consoleErrors).toEqual([]);
});

/** Page coordinates of a point given in data units, through Plotly's own axes. */
async function pagePoint(page: Page, x: number, y: number): Promise<{ px: number; py: number }> {
  return page.evaluate(
    ([dx, dy]) => {
      type Axis = { c2p(v: number): number };
      const gd = document.querySelector('[data-testid="fit-plot"]') as HTMLElement & {
        _fullLayout: { xaxis: Axis; yaxis: Axis; _size: { l: number; t: number } };
      };
      const r = gd.getBoundingClientRect();
      const L = gd._fullLayout;
      return { px: r.left + L._size.l + L.xaxis.c2p(dx), py: r.top + L._size.t + L.yaxis.c2p(dy) };
    },
    [x, y] as const,
  );
}

test('a point dragged while training: the script and the copy note say from which step it is not this run', async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForStep(page, 20);
  await page.getByRole('button', { name: 'Edit points' }).click();
  const added = await pagePoint(page, 0.5, 1.6);
  await page.mouse.click(added.px, added.py);
  await page.waitForTimeout(300);
  // Where it is drawn now (the axes may have rescaled to take it in).
  const start = await pagePoint(page, 0.5, 1.6);
  // A slow drag while it trains (100 steps a second): the points change at many steps.
  await page.mouse.move(start.px, start.py);
  await page.mouse.down();
  for (let k = 1; k <= 16; k++) {
    await page.mouse.move(start.px - 8 * k, start.py + 4 * k);
    await page.waitForTimeout(60);
  }
  await page.mouse.up();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Copy as numpy script' }).click();
  const note = page.getByRole('status').filter({ hasText: 'Copied' });
  await expect(note).toContainText(/but from step \d+ on it is not this run/);
  const from = Number((await note.textContent())!.match(/from step (\d+)/)![1]);
  const script = await page.evaluate(() => navigator.clipboard.readText());
  expect(script).toContain(`# NOT the page's run from step ${from} on`);
  mkdirSync(SHOTS, { recursive: true });
  await page
    .locator('.copy-script')
    .locator('..')
    .screenshot({ path: `${SHOTS}/script-not-exact.png` });
  expect(consoleErrors).toEqual([]);
});

test("weights loaded from a model file: the script starts from them at their step and prints the page's losses", async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A file as Export model writes it: 40 steps of another seed's run.
  const config = { ...DEFAULT_CONFIG, seed: 3 };
  const { learningRate: _lr, speed: _speed, testShare: _share, ...model } = config;
  const source = new TrainingRun(model, undefined, { engine: 'ts' });
  source.train(40, config.learningRate, new Float32Array(40), 0);
  const params = new Float32Array(source.paramLength());
  source.snapshotParams(params);
  const file = JSON.stringify(modelFile(config, 40, params));

  await page.goto('/');
  await waitForStep(page, 5);
  await page
    .getByLabel('Import model')
    .setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('model-note')).toContainText('Model loaded at step 40');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForStep(page, 90);
  await pause(page);
  await expect(page.getByTestId('status')).toHaveText('Paused');
  const steps = await readNumber(page, 'step');

  const script = await copyScript(page);
  expect(script).toContain('# Weights loaded from a model file at step 40');
  expect(script).toContain(`l2["b"] = np.array([[${params[30]}]])`);
  expect(script).toContain('for i in range(40, steps):');

  const out = runScript(script);
  expect(out.stderr).toBe('');
  const lines = out.stdout.trim().split('\n');
  expect(lines.pop()).toMatch(new RegExp(`^loss after ${steps} steps: `));
  const printed = lines.map(Number);
  expect(printed).toHaveLength(Math.ceil((steps - 40) / 10));
  const { x, y } = await stepsAndLosses(page);
  printed.forEach((loss, k) => {
    const i = x.indexOf(40 + k * 10);
    expect(i, `page has the loss of step ${40 + k * 10}`).toBeGreaterThanOrEqual(0);
    expect(Math.abs(y[i]! - loss) / loss, `loss at step ${40 + k * 10}`).toBeLessThan(LOSS_RTOL);
  });
  expect(consoleErrors).toEqual([]);
});
