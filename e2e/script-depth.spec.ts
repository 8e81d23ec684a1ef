/** "Copy as numpy script" at depth: a three-layer He run on the page, replayed by numpy. */
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { numpyForTests } from '../scripts/numpy-python';
import { expect, pause, readNumber, test, waitForStep } from './helpers';

/** Page (float32) against numpy (float64): the tolerance of src/core/numpyScriptDepth.test.ts. */
const LOSS_RTOL = 1e-6;

/** The loss plot's steps and losses. */
async function stepsAndLosses(page: Page): Promise<{ x: number[]; y: number[] }> {
  return page.evaluate(() => {
    const gd = document.querySelector('[data-testid="loss-plot"]') as HTMLElement & {
      data?: { name?: string; x?: ArrayLike<number>; y?: ArrayLike<number> }[];
    };
    const trace = gd.data?.find((t) => t.name === 'loss');
    return { x: Array.from(trace?.x ?? []), y: Array.from(trace?.y ?? []) };
  });
}

test("a three-layer He run: the copied script is a list of layers and prints the page's losses", async ({
  page,
  context,
  consoleErrors,
}) => {
  const numpy = numpyForTests();
  test.skip(numpy.skip, numpy.missing);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(
    '/?dataset=abs&noise=0.1&seed=9&layers=8,6,4&init=he&activation=leaky-relu&lr=0.005',
  );
  await waitForStep(page, 60);
  await pause(page);
  const steps = await readNumber(page, 'step');
  await page.getByRole('button', { name: 'Copy as numpy script' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  expect(script).toContain('1 -> 8 -> 6 -> 4 -> 1, activation leaky-relu, init he,');
  expect(script).toContain('sizes = [1, 8, 6, 4, 1]');
  expect(script).toContain('scale=np.sqrt(2 / in_dim)');
  expect(script).toContain(`steps = ${steps}`);

  const out = spawnSync(numpy.python(), ['-'], { input: script, encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  const lines = out.stdout.trim().split('\n');
  expect(lines.pop()).toMatch(new RegExp(`^loss after ${steps} steps: `));
  const printed = lines.map(Number);
  expect(printed).toHaveLength(Math.ceil(steps / 10));
  const { x, y } = await stepsAndLosses(page);
  printed.forEach((loss, k) => {
    const i = x.indexOf(k * 10);
    expect(i, `page has the loss of step ${k * 10}`).toBeGreaterThanOrEqual(0);
    expect(Math.abs(y[i]! - loss) / loss, `loss at step ${k * 10}`).toBeLessThan(LOSS_RTOL);
  });
  expect(consoleErrors).toEqual([]);
});
