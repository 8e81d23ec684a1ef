/** "Copy as PyTorch script": the run on screen as a torch script, copied or shown to copy by hand. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, readNumber, test } from './helpers';
import { torchForTests } from '../scripts/numpy-python';

const SHOTS = 'e2e/screenshots';
/** The page's float32 kernel against float32 torch (see src/core/torchScript.test.ts). */
const LOSS_RTOL = 1e-5;

async function stoppedAt(page: Page, step: number): Promise<void> {
  await expect.poll(() => readNumber(page, 'step'), { timeout: 20_000 }).toBe(step);
  await expect(page.getByTestId('step')).toHaveAttribute('data-state', 'paused');
}

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

test("the copied script builds the run's torch.nn.Linear layers and, run by torch, prints the page's losses", async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=square-relu');
  await stoppedAt(page, 300);
  const button = page.getByRole('button', { name: 'Copy as PyTorch script' });
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  expect(script).toContain('import torch');
  expect(script).toContain('sizes = [1, 10, 1]  # the input, 1 hidden layer, the output');
  expect(script).toContain('layers = [linear(d) for d in drawn]');
  expect(script).toContain('return torch.relu(z)');
  expect(script).toContain('steps = 300');
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('.copy-scripts').screenshot({ path: `${SHOTS}/torch-script-copied.png` });

  const torch = torchForTests();
  test.skip(torch.skip, torch.missing);
  const out = spawnSync(torch.python(), ['-'], { input: script, encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  const lines = out.stdout.trim().split('\n');
  const final = lines.pop()!.match(/^loss after 300 steps: (\S+)$/);
  const printed = lines.map(Number);
  expect(printed).toHaveLength(30);
  const { x, y } = await stepsAndLosses(page);
  printed.forEach((loss, k) => {
    const i = x.indexOf(k * 10);
    expect(i, `page has the loss of step ${k * 10}`).toBeGreaterThanOrEqual(0);
    expect(Math.abs(y[i]! - loss) / loss, `loss at step ${k * 10}`).toBeLessThan(LOSS_RTOL);
  });
  const pageLoss = Number(await page.getByTestId('loss').textContent());
  // The readout is rounded for display: agreement to its own digits.
  expect(Math.abs(pageLoss - Number(final?.[1])) / pageLoss).toBeLessThan(1e-3);
  expect(consoleErrors).toEqual([]);
});

test('without clipboard access the PyTorch script is shown to copy by hand', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await page.goto('/?preset=deep-relu');
  await stoppedAt(page, 500);
  await page.getByRole('button', { name: 'Copy as PyTorch script' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy the PyTorch script' });
  await expect(dialog).toBeVisible();
  const text = dialog.getByRole('textbox', { name: 'PyTorch script' });
  await expect(text).toHaveValue(
    /import torch[\s\S]*sizes = \[1, 16, 16, 16, 1\][\s\S]*steps = 500/,
  );
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/torch-script-fallback.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('in Chinese the button reads 复制为 PyTorch 脚本 and copies the script', async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => localStorage.setItem('backprop-playground.language', 'zh'));
  await page.goto('/?preset=fit-line');
  await stoppedAt(page, 50);
  await page.getByRole('button', { name: '复制为 PyTorch 脚本' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已复制' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('import torch');
  await page.locator('.copy-scripts').screenshot({ path: `${SHOTS}/torch-script-zh.png` });
  expect(consoleErrors).toEqual([]);
});
