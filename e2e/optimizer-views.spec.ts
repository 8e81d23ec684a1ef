/**
 * What the optimizer does to a step (issue #20), on the page: the network panel's update
 * strips and their data-updates hook, the step inspector's account of the optimizer and
 * the batch, and the fit plot's halo on the last batch's points.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, pause, readNumber, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
const ADAM = '/?optimizer=adam&batch=4&lr=0.01';

test.beforeEach(() => mkdirSync(SHOTS, { recursive: true }));

type Points = { x: number[]; y: number[] };

/** The x and y of a fit-plot trace by its fixed id (meta). */
async function tracePoints(page: Page, meta: string): Promise<Points> {
  return page.evaluate((id) => {
    const gd = document.querySelector<
      HTMLElement & { data?: { meta?: string; x?: ArrayLike<number>; y?: ArrayLike<number> }[] }
    >('[data-testid="fit-plot"]');
    const t = gd?.data?.find((d) => d.meta === id);
    return { x: Array.from(t?.x ?? []), y: Array.from(t?.y ?? []) };
  }, meta);
}

/** Parameters and updates of the panel while the run stands still, and the step they are of. */
async function panelState(page: Page, step: number) {
  const panel = page.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-params-step', String(step));
  await expect(panel).toHaveAttribute('data-updates-step', String(step));
  return {
    params: JSON.parse((await panel.getAttribute('data-params'))!) as number[],
    updates: JSON.parse((await panel.getAttribute('data-updates'))!) as number[],
  };
}

/** Clicks Step once and waits until the fit plot shows the step's frame. */
async function stepOnce(page: Page): Promise<number> {
  const before = await readNumber(page, 'step');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText(String(before + 1));
  await expect(page.getByTestId('fit-plot')).toHaveAttribute('data-drawn-step', String(before + 1));
  return before + 1;
}

/** Index of each batch point among the data trace's points (-1: not a training point). */
function indicesIn(batch: Points, data: Points): number[] {
  return batch.x.map((x, k) => data.x.findIndex((dx, i) => dx === x && data.y[i] === batch.y[k]));
}

test('Adam, batch 4: the panel’s updates are w_after − w_before of two consecutive frames', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(ADAM);
  await waitForStep(page, 40);
  await pause(page);
  const s0 = await readNumber(page, 'step');
  const a = await panelState(page, s0);
  const s1 = await stepOnce(page);
  const b = await panelState(page, s1);
  expect(b.updates).toHaveLength(b.params.length);
  b.params.forEach((w, i) =>
    expect(b.updates[i], `parameter ${i}`).toBe(Math.fround(w - a.params[i]!)),
  );
  // Adam's step is about lr per parameter: none is far beyond it, and the largest is near it.
  const largest = Math.max(...b.updates.map(Math.abs));
  expect(largest).toBeLessThan(5 * 0.01);
  expect(largest).toBeGreaterThan(0.1 * 0.01);
  // Every strip says the size of its update beside its gradient's.
  await expect(page.locator('[data-strip="w1"] .strip-scale')).toContainText('Δ');
  await expect(page.getByTestId('output-bias')).toContainText('Δ');
  await expect(page.getByTestId('strip-key')).toContainText('update the optimizer applied');
  expect(consoleErrors).toEqual([]);
});

test('the fit plot rings exactly the last batch: 4 training points a step, every point once an epoch', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(ADAM);
  await waitForStep(page, 5);
  await pause(page);
  const data = await tracePoints(page, 'data');
  expect(data.x).toHaveLength(30);
  await expect(page.locator('.fit-legend')).toContainText('the last step’s batch');
  // 30 points in batches of 4: seven of 4, then one of 2, which ends an epoch.
  const batches: number[][] = [];
  for (let k = 0; k < 16; k++) {
    await stepOnce(page);
    const batch = indicesIn(await tracePoints(page, 'batch'), data);
    expect(batch.every((i) => i >= 0)).toBe(true);
    batches.push(batch);
  }
  const end = batches.findIndex((b) => b.length === 2);
  expect(end).toBeGreaterThanOrEqual(0);
  expect(end).toBeLessThan(8);
  const epoch = batches.slice(end + 1, end + 9);
  expect(epoch.map((b) => b.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 2]);
  expect(epoch.flat().sort((p, q) => p - q)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  expect(consoleErrors).toEqual([]);
});

test('with a test share, the batch halo never lands on a held-out point', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(`${ADAM}&test=0.3`);
  await waitForStep(page, 5);
  await pause(page);
  const data = await tracePoints(page, 'data');
  const held = await tracePoints(page, 'test data');
  expect(held.x.length).toBeGreaterThan(0);
  for (let k = 0; k < 6; k++) {
    await stepOnce(page);
    const batch = await tracePoints(page, 'batch');
    expect(batch.x.length).toBeGreaterThan(0);
    expect(indicesIn(batch, data).every((i) => i >= 0)).toBe(true);
    expect(indicesIn(batch, held).every((i) => i < 0)).toBe(true);
  }
  expect(consoleErrors).toEqual([]);
});

/**
 * Clicks the data marker of training point i on the fit plot, once it stands still: the
 * inspector opening below can add a scrollbar, and the plot is redrawn at the new width.
 */
async function clickDataPoint(page: Page, i: number): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await markerBox(page, i));
      const settled = now === last;
      last = now;
      return settled;
    })
    .toBe(true);
  const box = await markerBox(page, i);
  expect(box, 'data point on screen').not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
}

async function markerBox(page: Page, i: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate((index) => {
    const groups = Array.from(
      document.querySelectorAll<Element & { __data__?: { trace?: { meta?: string } }[] }>(
        '[data-testid="fit-plot"] .scatterlayer .trace',
      ),
    );
    const group = groups.find((g) => g.__data__?.[0]?.trace?.meta === 'data');
    const r = group?.querySelectorAll('.points path')[index]?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, i);
}

test('the inspector names the optimizer and says whether the point was in the last batch', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(`${ADAM}&reduction=mean`);
  await waitForStep(page, 20);
  await pause(page);
  await stepOnce(page);
  const data = await tracePoints(page, 'data');
  let batch = indicesIn(await tracePoints(page, 'batch'), data);
  // The epoch's last batch has 2 points: the next has 4.
  if (batch.length < 4) {
    await stepOnce(page);
    batch = indicesIn(await tracePoints(page, 'batch'), data);
  }
  expect(batch).toHaveLength(4);
  const inside = batch[0]!;
  // A point out of the batch, away from the plot's edges (where the toolbar sits) and as far
  // as can be from the one inspected first (whose ring would take a click near it).
  const outside = Array.from({ length: 20 }, (_, i) => i + 5)
    .filter((i) => !batch.includes(i))
    .sort((p, q) => Math.abs(q - inside) - Math.abs(p - inside))[0]!;
  const inspector = page.getByTestId('inspector');
  const note = page.getByTestId('inspect-optimizer');
  await clickDataPoint(page, inside);
  await expect(inspector).toContainText(`Point ${inside + 1} of 30`);
  await expect(note).toContainText('This point was in the last step’s batch (4 of 30 points)');
  await expect(note).toContainText('divided by B = 4');
  await expect(note).toContainText('Adam:');
  await expect(note).toContainText('about lr per parameter');
  await clickDataPoint(page, outside);
  await expect(inspector).toContainText(`Point ${outside + 1} of 30`);
  await expect(note).toContainText('This point was not in the last step’s batch');
  expect(consoleErrors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const)
  for (const language of ['en', 'zh'] as const)
    test(`screenshot: the panel with updates and the inspector (${theme}, ${language})`, async ({
      page,
      consoleErrors,
    }) => {
      await page.goto(`${ADAM}&layers=8`);
      await page.getByLabel('Theme', { exact: true }).selectOption(theme);
      await waitForStep(page, 60);
      await pause(page);
      await stepOnce(page);
      const data = await tracePoints(page, 'data');
      const batch = indicesIn(await tracePoints(page, 'batch'), data);
      await clickDataPoint(page, batch[0]!);
      await expect(page.getByTestId('inspect-optimizer')).toBeVisible();
      await page.getByLabel('Language', { exact: true }).selectOption(language);
      await expect(page.getByTestId('inspect-optimizer')).toContainText(
        language === 'en' ? 'Adam:' : 'Adam：',
      );
      await page.waitForTimeout(300);
      await page
        .getByTestId('network-panel')
        .screenshot({ path: `${SHOTS}/optimizer-panel-${theme}-${language}.png` });
      await page
        .getByTestId('fit-plot')
        .screenshot({ path: `${SHOTS}/optimizer-fit-${theme}-${language}.png` });
      await page.screenshot({
        path: `${SHOTS}/optimizer-page-${theme}-${language}.png`,
        fullPage: true,
      });
      expect(consoleErrors).toEqual([]);
    });
