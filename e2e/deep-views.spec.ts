/**
 * The fit plot's views at depth: Show layers (one plot per hidden layer), the exact kinks
 * and the count of linear pieces (checked against core/pieces on the paused weights), the
 * units of the last hidden layer summing to the fit, and screenshots of a 3-layer run.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Network } from '../src/core/network';
import { layerViews, paramLayout } from '../src/core/paramLayout';
import { linearPieces } from '../src/core/pieces';
import { expect, pause, readNumber, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
const DEEP = '/?layers=16,16,16&activation=relu&init=he';

interface Trace {
  name: string;
  x: number[];
  y: number[];
  unit?: number[];
  text?: string[];
}

/** Every trace of a plot, read in one go so they all belong to the same drawn frame. */
async function traces(page: Page, testId: string): Promise<Trace[]> {
  return page.evaluate((id) => {
    const gd = document.querySelector<
      HTMLElement & {
        data?: {
          meta?: string;
          name?: string;
          x?: ArrayLike<number | null>;
          y?: ArrayLike<number | null>;
          customdata?: ArrayLike<number | null>;
          text?: string[];
        }[];
      }
    >(`[data-testid="${id}"]`);
    return (gd?.data ?? []).map((t) => ({
      name: t.meta ?? t.name ?? '',
      x: t.x ? Array.from(t.x, (v) => (v === null ? NaN : Number(v))) : [],
      y: t.y ? Array.from(t.y, (v) => (v === null ? NaN : Number(v))) : [],
      unit: t.customdata
        ? Array.from(t.customdata, (v) => (v === null ? NaN : Number(v)))
        : undefined,
      text: Array.isArray(t.text) ? t.text.map(String) : undefined,
    }));
  }, testId);
}

/** The joined unit lines as one line per unit, named `unit <j>`. */
function unitTraces(ts: Trace[]): Trace[] {
  const joined = ts.find((t) => t.name === 'units');
  if (!joined) return [];
  const lines = new Map<number, Trace>();
  joined.x.forEach((x, i) => {
    const j = joined.unit![i]!;
    if (Number.isNaN(j)) return;
    let line = lines.get(j);
    if (!line) lines.set(j, (line = { name: `unit ${j}`, x: [], y: [] }));
    line.x.push(x);
    line.y.push(joined.y[i]!);
  });
  return [...lines.values()];
}

/**
 * How many places a sampled line bends: runs of grid cells where its slope changes by more
 * than `tol` of its steepest slope (a kink inside a cell changes the slope on both its sides).
 */
function bends(line: Trace, tol = 1e-3): number {
  const slopes = line.y.slice(1).map((y, i) => (y - line.y[i]!) / (line.x[i + 1]! - line.x[i]!));
  const steepest = Math.max(1e-9, ...slopes.map(Math.abs));
  let count = 0;
  let inBend = false;
  for (let i = 1; i < slopes.length; i++) {
    const bent = Math.abs(slopes[i]! - slopes[i - 1]!) > tol * steepest;
    if (bent && !inBend) count++;
    inBend = bent;
  }
  return count;
}

/** The weights of the paused run, as the network panel reports them. */
async function pausedParams(page: Page): Promise<Float32Array> {
  const panel = page.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-params', /\[/);
  return Float32Array.from(JSON.parse((await panel.getAttribute('data-params'))!) as number[]);
}

test.beforeEach(() => mkdirSync(SHOTS, { recursive: true }));

test('Show layers at depth 3: one plot per hidden layer, its units’ activations; layer 2 bends layer 1’s hinges again', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(DEEP);
  await waitForStep(page, 0);
  await expect(page.getByTestId('layer-plot-1')).toHaveCount(0);
  await page.getByLabel('Show layers', { exact: true }).check();
  for (const l of [1, 2, 3])
    await expect
      .poll(async () => unitTraces(await traces(page, `layer-plot-${l}`)).length)
      .toBe(16);
  await expect(page.getByTestId('layer-plot-4')).toHaveCount(0);
  await waitForStep(page, 300);
  await pause(page);
  const layer1 = unitTraces(await traces(page, 'layer-plot-1'));
  const layer2 = unitTraces(await traces(page, 'layer-plot-2'));
  // A first-layer ReLU unit is one hinge: at most one bend on the plot.
  for (const line of layer1) expect(bends(line), line.name).toBeLessThanOrEqual(1);
  // Layer 2 adds up layer 1's hinges and bends the sum: some of its units bend more than once.
  const most = Math.max(...layer2.map((line) => bends(line)));
  expect(most).toBeGreaterThanOrEqual(2);
  // Each line is the unit's activation: a ReLU's is never negative.
  for (const line of [...layer1, ...layer2]) expect(Math.min(...line.y)).toBeGreaterThanOrEqual(0);
  expect(consoleErrors).toEqual([]);
});

test('kinks at depth: the page’s count of linear pieces is core/pieces’ on the paused weights, and the kinks are its breakpoints', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(DEEP);
  await waitForStep(page, 200);
  await pause(page);
  const params = await pausedParams(page);
  const layers = [16, 16, 16];
  const layout = paramLayout(layers);
  const views = layerViews(layout, params);
  const net: Network = {
    layers: layout.layers.map((slot, l) => ({
      inDim: slot.inDim,
      outDim: slot.outDim,
      activation: l < layers.length ? 'relu' : 'none',
      ...views[l]!,
    })),
  };
  const want = linearPieces(net, -1.25, 1.25);
  await expect
    .poll(async () =>
      Number(/\d+/.exec((await page.getByTestId('pieces').textContent()) ?? '')?.[0]),
    )
    .toBe(want.pieces);
  expect(want.pieces).toBeGreaterThan(2);
  const ts = await traces(page, 'fit-plot');
  // One marker per pile of kinks within PILE_WIDTH (0.004) of the plot's width (2.5) of each
  // other, its hover saying how many it holds; a lone kink's marker is where the kink is.
  const near = 0.004 * 2.5;
  const shown = ts
    .filter((t) => t.name.startsWith('kinks'))
    .flatMap((t) =>
      t.x.flatMap((x, i) => {
        if (t.y[i]! <= 0) return []; // waiting below the axis, clipped away
        const count = Number(/^(\d+) kinks/.exec(t.text![i]!)?.[1] ?? 1);
        return [{ x, count }];
      }),
    );
  expect(shown.reduce((sum, m) => sum + m.count, 0)).toBe(want.breakpoints.length);
  // Markers inside the plot's edge inset: compare those well inside it.
  const inner = Array.from(want.breakpoints).filter((x) => Math.abs(x) < 1.2);
  for (const m of shown.filter((m) => Math.abs(m.x) < 1.2)) {
    const nearest = Math.min(...inner.map((x) => Math.abs(x - m.x)));
    if (m.count === 1) expect(nearest).toBeLessThan(1e-6);
    else expect(nearest).toBeLessThanOrEqual(near / 2 + 1e-9);
  }
  for (const x of inner)
    expect(Math.min(...shown.map((m) => Math.abs(m.x - x)))).toBeLessThanOrEqual(near / 2 + 1e-9);
  await expect(page.locator('.pieces-hint')).toContainText('Hanin and Rolnick 2019');
  expect(consoleErrors).toEqual([]);
});

test('the units of the last hidden layer and the output bias add up to the fit at depth', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?layers=48,40&activation=tanh&init=glorot');
  await waitForStep(page, 100);
  const ts = await traces(page, 'fit-plot');
  const units = unitTraces(ts);
  expect(units).toHaveLength(32);
  const fit = ts.find((t) => t.name === 'fit')!;
  const parts = [
    ...units,
    ...ts.filter((t) => t.name === 'other units' || t.name === 'output bias'),
  ];
  expect(parts).toHaveLength(34);
  let worst = 0;
  fit.y.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(parts.reduce((s, t) => s + t.y[i]!, 0) - v));
  });
  expect(worst).toBeLessThan(1e-4);
  await expect(page.getByTestId('fit-plot')).toContainText('32 largest of 40 units drawn');
  // A smooth activation at depth has no kinks to mark, and says why.
  await expect(page.getByTestId('fit-plot')).toContainText('No kinks to mark');
  await expect(page.getByTestId('pieces')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

/** Pauses, then starts the same run again from step 0, paused there. */
async function pausedAtStart(page: Page): Promise<void> {
  await waitForStep(page, 0);
  await pause(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => readNumber(page, 'step')).toBe(0);
}

test('zero initial biases: every first-layer hinge starts at x = 0, and the page says so', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(DEEP);
  await pausedAtStart(page);
  await expect(page.getByTestId('kink-pile')).toContainText(
    '16 of 16 first-layer hinges sit at x ≈ 0: with zero initial biases',
  );
  // With every bias 0 the network is linear on each side of 0: two pieces, one kink at 0.
  await expect(page.getByTestId('pieces')).toHaveText('2 linear pieces on the plotted range');
  // One layer: ten hinge markers on one spot, and the hover of each says how many sit there.
  await page.goto('/?hidden=10&activation=relu&init=he');
  await pausedAtStart(page);
  await expect(page.getByTestId('kink-pile')).toContainText('10 of 10 first-layer hinges');
  const ts = await traces(page, 'fit-plot');
  const hinges = ts.find((t) => t.name === 'hinges')!;
  const onShow = hinges.x.filter((_, i) => hinges.y[i]! > 0);
  expect(onShow).toHaveLength(10);
  const texts = await page.evaluate(() => {
    const gd = document.querySelector<
      HTMLElement & { data?: { name?: string; text?: string[] }[] }
    >('[data-testid="fit-plot"]');
    return gd?.data?.find((t) => t.name === 'hinges')?.text ?? [];
  });
  expect(texts[0]).toMatch(/^unit 1: hinge at x = -?0\.00+ \(10 hinges here\)$/);
  expect(consoleErrors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshots of a 3-layer run with every view on (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({
      colorScheme,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(DEEP);
    await waitForStep(page, 0);
    for (const view of ['Show units', 'Show kinks', 'Show residuals', 'Show layers'])
      await page.getByLabel(view, { exact: true }).check();
    await waitForStep(page, 400);
    await pause(page);
    await expect(page.getByTestId('layer-plot-3')).toBeVisible();
    await page.waitForTimeout(500);
    await page
      .locator('.plot-card')
      .first()
      .screenshot({ path: `${SHOTS}/deep-views-${colorScheme}.png` });
    await context.close();
  });
}

test('narrow screen, 中文: the layer plots stack and every view speaks Chinese', async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 360, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(DEEP);
  await waitForStep(page, 0);
  await page.getByLabel('显示各层', { exact: true }).check();
  await waitForStep(page, 100);
  const boxes = await Promise.all(
    [1, 2, 3].map((l) => page.getByTestId(`layer-plot-${l}`).boundingBox()),
  );
  for (const box of boxes) {
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(box!.width).toBeGreaterThan(250);
  }
  expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
  await expect(page.getByTestId('pieces')).toContainText('段线性区间');
  await page
    .locator('.plot-card')
    .first()
    .screenshot({ path: `${SHOTS}/deep-views-narrow-zh.png` });
  await context.close();
});
