/** "Copy as numpy script" in a comparison: one script that trains every run, and numpy prints the runs' losses. */
import { spawnSync } from 'node:child_process';
import { expect, test } from './helpers';
import { numpyForTests } from '../scripts/numpy-python';
import { runSteps, tableNumber, waitForComparePlots } from './compareHelpers';

/** The table shows 4 significant digits: numpy's float64 against the page's float32 agrees far closer. */
const TABLE_RTOL = 1e-3;

test('a linked comparison with held-out points: the script trains each run as far as it went and prints its losses', async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?test=0.3&compare=activation:none,relu,tanh');
  await waitForComparePlots(page, 3);
  await expect.poll(async () => Math.min(...(await runSteps(page, 3)))).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  for (let n = 1; n <= 3; n++)
    await expect(page.getByTestId(`compare-step-${n}`)).toHaveAttribute('data-state', 'paused');
  const steps = await runSteps(page, 3);
  // The table follows a few times a second: its numbers are of the steps paused at.
  for (let n = 1; n <= 3; n++)
    await expect(page.getByTestId(`compare-row-${n}`)).toHaveAttribute(
      'data-step',
      String(steps[n - 1]),
    );
  const losses: number[] = [];
  const testLosses: number[] = [];
  for (let n = 1; n <= 3; n++) {
    losses.push(await tableNumber(page, n, 'loss'));
    testLosses.push(await tableNumber(page, n, 'testLoss'));
  }
  await page.getByRole('button', { name: 'Copy as numpy script' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  expect(script).toContain('# Backprop Playground: activation compared, none, relu, tanh');
  for (const name of ['run_none', 'run_relu', 'run_tanh'])
    expect(script).toContain(`def ${name}():`);

  const numpy = numpyForTests();
  test.skip(numpy.skip, numpy.missing);
  const out = spawnSync(numpy.python(), ['-'], { input: script, encoding: 'utf8' });
  expect(out.stderr).toBe('');
  const table = out.stdout.split('== final losses ==')[1]!.trim().split('\n').slice(1);
  expect(table.map((line) => line.split(/\s+/)[0])).toEqual(['none', 'relu', 'tanh']);
  table.forEach((line, i) => {
    const [, stepText, lossText, testText] = line.trim().split(/\s+/);
    expect(Number(stepText)).toBe(steps[i]);
    expect(Math.abs(Number(lossText) / losses[i]! - 1)).toBeLessThan(TABLE_RTOL);
    expect(Math.abs(Number(testText) / testLosses[i]! - 1)).toBeLessThan(TABLE_RTOL);
  });
  expect(consoleErrors).toEqual([]);
});
