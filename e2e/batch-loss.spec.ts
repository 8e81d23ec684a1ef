/**
 * The loss plot under mini-batches, optimizers and penalties: `loss` is the loss on all the
 * training points (the frames' trainLoss), the batches' own losses a faint `batch loss`
 * line, the L1/L2 term a `penalty` line, epochs marked while few; the readouts give the
 * step and the epoch, the whole-set loss and the last batch's.
 */
import type { Page } from '@playwright/test';
import { expect, pause, test, traceY, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

interface SeenFrame {
  step: number;
  loss: number;
  trainLoss: number | null;
  penalty: number | null;
  epochs: number;
}

/** Records what every frame from the worker said, before the page's scripts start the run. */
async function recordFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { frames_: unknown[]; Worker: typeof Worker };
    w.frames_ = [];
    const Original = w.Worker;
    w.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const d = e.data as { type?: string } & Record<string, unknown>;
          if (d?.type === 'frame')
            w.frames_.push({
              step: d.step,
              loss: d.loss,
              trainLoss: d.trainLoss,
              penalty: d.penalty,
              epochs: d.epochs,
            });
        });
      }
    };
  });
}

async function framesSeen(page: Page): Promise<SeenFrame[]> {
  return page.evaluate(() => (window as unknown as { frames_: SeenFrame[] }).frames_);
}

async function traceX(page: Page, name: string): Promise<number[]> {
  return page.evaluate((traceName) => {
    const gd = document.querySelector<
      HTMLElement & { data?: { name?: string; x?: ArrayLike<number> }[] }
    >('[data-testid="loss-plot"]');
    const trace = gd?.data?.find((t) => t.name === traceName);
    return trace?.x ? Array.from(trace.x) : [];
  }, name);
}

async function traceNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const gd = document.querySelector<HTMLElement & { data?: { name?: string }[] }>(
      '[data-testid="loss-plot"]',
    );
    return (gd?.data ?? []).map((t) => t.name ?? '');
  });
}

/** How far a series moves from point to point, relative to its size: mean |difference| / mean value. */
function roughness(values: readonly number[]): number {
  let moved = 0;
  for (let i = 1; i < values.length; i++) moved += Math.abs(values[i]! - values[i - 1]!);
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  return moved / Math.max(1, values.length - 1) / mean;
}

/** How often a series turns: sign changes of its successive differences, per difference. */
function turns(values: readonly number[]): number {
  let changes = 0;
  let previous = 0;
  for (let i = 1; i < values.length; i++) {
    const d = Math.sign(values[i]! - values[i - 1]!);
    if (d !== 0 && previous !== 0 && d !== previous) changes++;
    if (d !== 0) previous = d;
  }
  return changes / Math.max(1, values.length - 1);
}

/** The x of each epoch mark drawn, px. */
async function epochMarkXs(page: Page): Promise<number[]> {
  const d = (await page.getByTestId('epoch-marks').getAttribute('d')) ?? '';
  return [...d.matchAll(/M([\d.]+),/g)].map((m) => Number(m[1]));
}

test('with mini-batches, `loss` is the whole training set’s loss and a noisier `batch loss` runs under it', async ({
  page,
  consoleErrors,
}) => {
  await recordFrames(page);
  await page.goto('/?batch=4');
  await waitForStep(page, 150);
  await pause(page);
  await page.waitForTimeout(300);
  const names = await traceNames(page);
  expect(names).toContain('batch loss');
  expect(names.indexOf('batch loss')).toBeLessThan(names.indexOf('loss'));
  const loss = await traceY(page, 'loss-plot', 'loss');
  const lossSteps = await traceX(page, 'loss');
  const batch = await traceY(page, 'loss-plot', 'batch loss');
  const frames = await framesSeen(page);
  // One batch loss per step; the whole-set loss once per frame.
  expect(batch.length).toBeGreaterThan(150);
  expect(loss.length).toBeGreaterThan(5);
  expect(loss.length).toBeLessThan(batch.length);
  // Every point of `loss` is a frame's trainLoss at its step, as float32.
  const byStep = new Map(frames.map((f) => [f.step, f]));
  for (let i = 0; i < loss.length; i++) {
    const frame = byStep.get(lossSteps[i]!);
    expect(frame?.trainLoss, `a frame at step ${lossSteps[i]}`).not.toBeNull();
    expect(Math.abs(loss[i]! - frame!.trainLoss!)).toBeLessThanOrEqual(
      1e-6 * Math.abs(frame!.trainLoss!),
    );
  }
  // Past the first steps' fall, where both lines drop.
  const from = lossSteps.findIndex((s) => s >= 30);
  const settled = loss.slice(from);
  const batchSettled = batch.slice(30);
  const [batchTurns, lossTurns] = [turns(batchSettled), turns(settled)];
  const [batchRough, lossRough] = [roughness(batchSettled), roughness(settled)];
  console.log(
    `from step 30: batch loss (${batchSettled.length} points) turns ${batchTurns.toFixed(3)}, moves ${batchRough.toFixed(4)}; ` +
      `loss (${settled.length} points) turns ${lossTurns.toFixed(3)}, moves ${lossRough.toFixed(4)}`,
  );
  // The batch loss turns at a third of its steps or more, and moves many times further
  // from point to point (the whole set's loss wobbles too, but by far less).
  expect(batchTurns).toBeGreaterThan(0.3);
  expect(batchRough).toBeGreaterThan(5 * lossRough);
  // The readouts: Loss is the whole set's at the paused step, the last batch's beside it.
  const last = frames.at(-1)!;
  expect(last.trainLoss).not.toBeNull();
  await expect(page.getByTestId('loss')).toBeVisible();
  await expect(page.getByTestId('batch-loss')).toBeVisible();
  const shownLoss = Number(await page.getByTestId('loss').textContent());
  expect(Math.abs(shownLoss - last.trainLoss!)).toBeLessThanOrEqual(1e-3 * last.trainLoss! + 1e-6);
  const shownBatch = Number(await page.getByTestId('batch-loss').textContent());
  expect(Math.abs(shownBatch - batch.at(-1)!)).toBeLessThanOrEqual(1e-3 * batch.at(-1)! + 1e-6);
  expect(consoleErrors).toEqual([]);
});

test('the full batch draws the recorded losses as `loss`, with no batch loss, no penalty and no epoch marks', async ({
  page,
  consoleErrors,
}) => {
  await recordFrames(page);
  await page.goto('/');
  await waitForStep(page, 50);
  await pause(page);
  await page.waitForTimeout(300);
  const names = await traceNames(page);
  expect(names).toContain('loss');
  expect(names).not.toContain('batch loss');
  expect(names).not.toContain('penalty');
  expect((await framesSeen(page)).every((f) => f.trainLoss === null)).toBe(true);
  expect(await epochMarkXs(page)).toEqual([]);
  await expect(page.getByTestId('batch-loss')).toBeHidden();
  // With the full batch every step is an epoch.
  await expect(page.getByTestId('epoch')).toHaveText(String(await readStep(page)));
  expect(consoleErrors).toEqual([]);
});

async function readStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('step').textContent());
}

test('L2 shows a `penalty` line: the frames’ penalty, step by frame', async ({
  page,
  consoleErrors,
}) => {
  await recordFrames(page);
  await page.goto('/?l2=0.01');
  await waitForStep(page, 60);
  await pause(page);
  await page.waitForTimeout(300);
  const penalty = await traceY(page, 'loss-plot', 'penalty');
  const steps = await traceX(page, 'penalty');
  expect(penalty.length).toBeGreaterThan(3);
  const byStep = new Map((await framesSeen(page)).map((f) => [f.step, f]));
  for (let i = 0; i < penalty.length; i++) {
    const p = byStep.get(steps[i]!)?.penalty;
    expect(p, `a frame with a penalty at step ${steps[i]}`).toBeGreaterThan(0);
    expect(Math.abs(penalty[i]! - p!)).toBeLessThanOrEqual(1e-6 * p!);
  }
  expect(await traceNames(page)).not.toContain('batch loss');
  expect(consoleErrors).toEqual([]);
});

test('epochs of 3 steps (10 of 30 points a batch) are marked, and the epoch readout counts ⌈step / 3⌉', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?batch=10&points=30');
  await waitForStep(page, 25);
  await pause(page);
  await page.waitForTimeout(300);
  const step = await readStep(page);
  await expect(page.getByTestId('epoch')).toHaveText(String(Math.ceil(step / 3)));
  // Marks where epochs 2, 3, ... began: steps 3, 6, ... up to the current epoch's first step.
  const xs = await epochMarkXs(page);
  expect(xs).toHaveLength(Math.floor((step - 1) / 3));
  const expected = await page.evaluate((count) => {
    const gd = document.querySelector<
      HTMLElement & {
        _fullLayout: { xaxis: { c2p: (v: number) => number }; _size: { l: number } };
      }
    >('[data-testid="loss-plot"]')!;
    const { xaxis, _size } = gd._fullLayout;
    return Array.from({ length: count }, (_, k) => xaxis.c2p(3 * (k + 1)) + _size.l);
  }, xs.length);
  xs.forEach((x, k) => expect(Math.abs(x - expected[k]!)).toBeLessThan(0.01));
  await expect(page.getByText('epochs', { exact: true })).toBeVisible();
  // Far more epochs than can be read apart: no marks.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForStep(page, 400);
  await expect.poll(async () => (await epochMarkXs(page)).length).toBe(0);
  expect(consoleErrors).toEqual([]);
});

/**
 * Hovers the point of a trace that lies farthest (on screen) from every other trace's
 * points, so the hover cannot go to a neighbour, and returns the label that names it.
 */
async function hoverLabel(page: Page, name: string): Promise<string> {
  const box = (await page.getByTestId('loss-plot').boundingBox())!;
  const point = await page.evaluate((traceName) => {
    const gd = document.querySelector<
      HTMLElement & {
        data: { name?: string; x: ArrayLike<number>; y: ArrayLike<number> }[];
        _fullLayout: {
          xaxis: { c2p: (v: number) => number };
          yaxis: { c2p: (v: number) => number };
          _size: { l: number; t: number };
        };
      }
    >('[data-testid="loss-plot"]')!;
    const fl = gd._fullLayout;
    const px = (t: { x: ArrayLike<number>; y: ArrayLike<number> }, k: number) => ({
      x: fl._size.l + fl.xaxis.c2p(t.x[k]!),
      y: fl._size.t + fl.yaxis.c2p(t.y[k]!),
    });
    const finite = (p: { x: number; y: number }) => Number.isFinite(p.x) && Number.isFinite(p.y);
    const own = gd.data.find((d) => d.name === traceName)!;
    const others = gd.data
      .filter((d) => d !== own && d.x && d.y)
      .flatMap((d) => Array.from({ length: d.x.length }, (_, k) => px(d, k)))
      .filter(finite);
    let best = { x: 0, y: 0 };
    let bestGap = -1;
    // Past the first few steps, where every line starts together.
    for (let k = 5; k < own.x.length; k++) {
      const p = px(own, k);
      if (!finite(p)) continue;
      const gap = Math.min(...others.map((o) => Math.hypot(o.x - p.x, o.y - p.y)));
      if (gap > bestGap) [best, bestGap] = [p, gap];
    }
    return best;
  }, name);
  // Away first, so the label read is the new one.
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.move(box.x + point.x, box.y + point.y);
  const label = page.locator('[data-testid="loss-plot"] .hovertext', { hasText: name });
  await expect(label.first()).toBeVisible();
  return (await label.allTextContents()).join(' ');
}

test('hovering the batch loss and the penalty names them', async ({ page, consoleErrors }) => {
  await page.goto('/?batch=4&l2=0.01');
  await waitForStep(page, 80);
  await pause(page);
  await page.getByTestId('loss-plot').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  expect(await hoverLabel(page, 'batch loss')).toMatch(/step \d+\s*batch loss \d/);
  expect(await hoverLabel(page, 'penalty')).toMatch(/step \d+\s*penalty \d/);
  expect(consoleErrors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshots of the loss plot with batch loss, epochs and penalty (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      colorScheme,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto('/?batch=10&points=100&l2=0.01&test=0.2');
    await waitForStep(page, 60);
    await pause(page);
    await page.waitForTimeout(500);
    await page
      .locator('.plot-card')
      .nth(1)
      .screenshot({ path: `${SHOTS}/batch-loss-${colorScheme}.png` });
    await page
      .locator('.panel.transport')
      .screenshot({ path: `${SHOTS}/batch-readouts-${colorScheme}.png` });
    await context.close();
  });
}
