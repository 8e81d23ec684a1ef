/** The views inside the network: units, kinks, residuals, the network panel, the inspector, baselines and pins. */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, readNumber, test, traceY, typeInto, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

interface Trace {
  name: string;
  x: number[];
  y: number[];
  /** Per point: the number of the unit it belongs to (the joined unit lines only). */
  unit?: number[];
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
        }[];
      }
    >(`[data-testid="${id}"]`);
    return (gd?.data ?? []).map((t) => ({
      name: t.meta ?? t.name ?? '', // the fixed id (meta) where there is one
      x: t.x ? Array.from(t.x, (v) => (v === null ? NaN : Number(v))) : [],
      y: t.y ? Array.from(t.y, (v) => (v === null ? NaN : Number(v))) : [],
      unit: t.customdata
        ? Array.from(t.customdata, (v) => (v === null ? NaN : Number(v)))
        : undefined,
    }));
  }, testId);
}

const names = (ts: Trace[]) => ts.map((t) => t.name);
/** The unit lines, one per unit as `unit <j>`: the plot draws them as one trace, pieces between NaN gaps. */
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

/** Largest gap between the fit and the sum of the unit traces, the other units and the output bias. */
function decompositionGap(ts: Trace[]): number {
  const fit = ts.find((t) => t.name === 'fit')!;
  const parts = [
    ...unitTraces(ts),
    ...ts.filter((t) => t.name === 'other units' || t.name === 'output bias'),
  ];
  let worst = 0;
  fit.y.forEach((v, i) => {
    const sum = parts.reduce((s, t) => s + t.y[i]!, 0);
    worst = Math.max(worst, Math.abs(sum - v));
  });
  return worst;
}

test.beforeEach(async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto('/');
  await waitForStep(page, 0);
});

test('units and kinks are on by default, add up to the fit, and each toggle adds its traces while training goes on', async ({
  page,
  consoleErrors,
}) => {
  await waitForStep(page, 200);
  let ts = await traces(page, 'fit-plot');
  expect(unitTraces(ts)).toHaveLength(10);
  expect(names(ts)).toContain('output bias');
  // The tutorial's lesson, checked: ten hinges plus the output bias are the orange curve.
  expect(decompositionGap(ts)).toBeLessThan(1e-4);
  // Each marker trace has a point per unit; a hinge shows in one (the other keeps its point clipped below the axis).
  const hinges = ts.filter((t) => t.name.startsWith('hinges'));
  expect(hinges.map((t) => t.x.length)).toEqual([10, 10]);
  expect(hinges.reduce((n, t) => n + t.y.filter((v) => v >= 0).length, 0)).toBe(10);
  expect(names(ts)).not.toContain('residuals');
  await page.screenshot({ path: `${SHOTS}/views-h10.png`, fullPage: true });

  await page.getByLabel('Show units').uncheck();
  await page.getByLabel('Show kinks').uncheck();
  await expect.poll(async () => unitTraces(await traces(page, 'fit-plot')).length).toBe(0);
  ts = await traces(page, 'fit-plot');
  expect(names(ts).filter((n) => n.startsWith('hinges') || n === 'output bias')).toEqual([]);

  await page.getByLabel('Show residuals').check();
  await expect.poll(async () => names(await traces(page, 'fit-plot'))).toContain('residuals');
  const before = await traceY(page, 'fit-plot', 'fit');
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 60);
  ts = await traces(page, 'fit-plot');
  const residuals = ts.find((t) => t.name === 'residuals')!;
  const data = ts.find((t) => t.name === 'data')!;
  expect(residuals.x).toHaveLength(3 * 30);
  // Each segment starts at its data point.
  data.y.forEach((y, i) => expect(residuals.y[3 * i]).toBeCloseTo(y, 6));
  const after = ts.find((t) => t.name === 'fit')!.y;
  expect(Math.max(...after.map((v, i) => Math.abs(v - before[i]!)))).toBeGreaterThan(1e-4);
  await page.screenshot({ path: `${SHOTS}/residuals-h10.png`, fullPage: true });

  // The network panel's health line speaks of this activation.
  await expect(page.getByTestId('unit-health')).toContainText(/Dead units: \d+ of 10/);
  await page.getByLabel('Activation', { exact: true }).selectOption('tanh');
  await expect(page.getByTestId('unit-health')).toContainText(/Saturated units: \d+ of 10/);
  await page.getByLabel('Show kinks').check();
  await expect
    .poll(async () => names(await traces(page, 'fit-plot')).some((n) => n.startsWith('centres')))
    .toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('at H = 1024 the 32 largest units are drawn from the reported weights, the rest summed, adding up to the fit', async ({
  page,
  consoleErrors,
}) => {
  await typeInto(page, 'Hidden units', '1024');
  await expect
    .poll(async () => unitTraces(await traces(page, 'fit-plot')).length, { timeout: 15_000 })
    .toBe(32);
  await waitForStep(page, 150);
  const ts = await traces(page, 'fit-plot');
  expect(names(ts)).toContain('other units');
  expect(decompositionGap(ts)).toBeLessThan(1e-4);
  // At this size kinks are a rug: two ends of a tick per unit, in one path per trace (each
  // rug also keeps one tick below the axis, clipped, so it always has a path to patch).
  const tickEnds = ts
    .filter((t) => t.name.startsWith('hinges'))
    .reduce((n, t) => n + t.x.filter((x, i) => Number.isFinite(x) && t.y[i]! >= 0).length, 0);
  expect(tickEnds).toBe(2 * 1024);
  await expect(page.getByTestId('fit-plot')).toContainText('32 largest of 1024 units drawn');
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 30);
  await page.screenshot({ path: `${SHOTS}/views-h1024.png`, fullPage: true });
  await page.getByLabel('Show residuals').check();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await clickDataPoint(page, 12);
  await expect(page.getByTestId('inspector')).toContainText('10 of 1024 units listed');
  // The drawn units are those of the reported weights, and the largest of them (ReLU is
  // monotone, so a unit's largest size on the plot is at one of its ends).
  const { params } = await reported(page);
  const H = 1024;
  const unitAt = (j: number, x: number) =>
    params[2 * H + j]! * Math.max(0, params[j]! * x + params[H + j]!);
  const drawn = unitTraces(await traces(page, 'fit-plot'));
  const size = (j: number) => Math.max(Math.abs(unitAt(j, -1.25)), Math.abs(unitAt(j, 1.25)));
  const drawnIds = drawn.map((t) => Number(t.name.slice('unit '.length)) - 1);
  for (const [k, t] of drawn.entries()) {
    t.x.forEach((x, i) => {
      const v = unitAt(drawnIds[k]!, x);
      // Float32 on the page against float64 here.
      expect(Math.abs(t.y[i]! - v)).toBeLessThan(1e-5 * Math.max(1, Math.abs(v)));
    });
  }
  const smallestDrawn = Math.min(...drawnIds.map(size));
  const largestHidden = Math.max(
    ...Array.from({ length: H }, (_, j) => j)
      .filter((j) => !drawnIds.includes(j))
      .map(size),
  );
  expect(smallestDrawn).toBeGreaterThanOrEqual(largestHidden);
  await page.screenshot({ path: `${SHOTS}/inspector-h1024.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

/** Clicks the i-th marker of the fit plot's data trace, where a person would. */
async function clickDataPoint(page: Page, i: number): Promise<void> {
  const box = await page.evaluate((index) => {
    const groups = Array.from(
      document.querySelectorAll<Element & { __data__?: { trace?: { meta?: string } }[] }>(
        '[data-testid="fit-plot"] .scatterlayer .trace',
      ),
    );
    const group = groups.find((g) => g.__data__?.[0]?.trace?.meta === 'data');
    const r = group?.querySelectorAll('.points path')[index]?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, i);
  expect(box, 'data point on screen').not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
}

interface Reported {
  params: number[];
  x: number;
  y: number;
  step: number;
}

async function reported(page: Page): Promise<Reported> {
  const el = page.getByTestId('inspector');
  return {
    params: JSON.parse((await el.getAttribute('data-params'))!) as number[],
    x: Number(await el.getAttribute('data-x')),
    y: Number(await el.getAttribute('data-y')),
    step: Number(await el.getAttribute('data-step')),
  };
}

/**
 * Shown numbers have 4 significant digits; `floor` adds an absolute allowance where the
 * shown value is itself a difference of float32 numbers (a parameter's move in one step).
 */
function expectShown(text: string | null, value: number, what: string, floor = 1e-12): void {
  const shown = Number(text);
  expect(Math.abs(shown - value), `${what}: shown ${text}, computed ${value}`).toBeLessThanOrEqual(
    6e-4 * Math.abs(value) + floor,
  );
}

test('the step inspector shows the forward pass and gradient shares of the clicked point; Step shows the update', async ({
  page,
  consoleErrors,
}) => {
  await waitForStep(page, 100);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('inspector')).toContainText('click a data point');
  await clickDataPoint(page, 7);
  await expect(page.getByTestId('inspector')).toContainText('Point 8 of 30');
  const { params, x, y, step } = await reported(page);
  const data = (await traces(page, 'fit-plot')).find((t) => t.name === 'data')!;
  expect(x).toBeCloseTo(data.x[7]!, 6);

  // An independent forward and backward pass of the 1 -> 10 -> 1 ReLU net, from the reported weights.
  const H = 10;
  const w1 = params.slice(0, H);
  const b1 = params.slice(H, 2 * H);
  const w2 = params.slice(2 * H, 3 * H);
  const b2 = params[3 * H]!;
  const passAt = (px: number, py: number) => {
    const o1 = w1.map((w, j) => w * px + b1[j]!);
    const a1 = o1.map((z) => Math.max(0, z));
    const o2 = b2 + a1.reduce((s, a, j) => s + a * w2[j]!, 0);
    const dz2 = -2 * (o2 - py);
    const gw2 = a1.map((a) => a * dz2);
    const gb1 = o1.map((z, j) => (z > 0 ? dz2 * w2[j]! : 0));
    return { o1, a1, o2, gw2, gb1, gw1: gb1.map((d) => d * px), dz2 };
  };
  const me = passAt(x, y);
  expectShown(await page.getByTestId('inspect-o2').textContent(), me.o2, 'o2');
  expectShown(await page.getByTestId('inspect-error').textContent(), me.o2 - y, 'error');
  const all = data.x.map((px, i) => passAt(px, data.y[i]!));
  const sumOf = (k: 'gw1' | 'gb1' | 'gw2', j: number) => all.reduce((s, p) => s + p[k][j]!, 0);
  for (let j = 0; j < H; j++) {
    const row = page.locator(`[data-testid="inspector"] tr[data-unit="${j}"]`);
    expectShown(await row.locator('[data-cell="o1"]').textContent(), me.o1[j]!, `o1[${j}]`);
    expectShown(await row.locator('[data-cell="a1"]').textContent(), me.a1[j]!, `a1[${j}]`);
    expectShown(
      await row.locator('[data-cell="w2a1"]').textContent(),
      w2[j]! * me.a1[j]!,
      `w2 a1[${j}]`,
    );
    for (const k of ['gw1', 'gb1', 'gw2'] as const) {
      const cell = row.locator(`[data-cell="${k.slice(1)}"]`);
      expectShown(
        await cell.locator('[data-part="point"]').textContent(),
        me[k][j]!,
        `${k}[${j}] share`,
      );
      expectShown(
        await cell.locator('[data-part="sum"]').textContent(),
        sumOf(k, j),
        `${k}[${j}] sum`,
      );
    }
  }
  const out = page.locator('[data-testid="inspector"] tr[data-unit="out"] [data-cell="b2"]');
  expectShown(
    await out.locator('[data-part="sum"]').textContent(),
    all.reduce((s, p) => s + p.dz2, 0),
    'gb2 sum',
  );
  await page.screenshot({ path: `${SHOTS}/inspector-h10.png`, fullPage: true });

  // Step: every parameter moves by lr times the sum the inspector showed.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-step', String(step + 1));
  const lr = 0.01;
  for (let j = 0; j < H; j++) {
    const cell = page.locator(
      `[data-testid="inspector"] tr[data-unit="${j}"] [data-cell="w2"] [data-part="moved"]`,
    );
    // w2 after - w2 before, both float32 near |w2| <= 1: one ulp of each (2^-24 relative) is up to 1.2e-7.
    expectShown(
      await cell.textContent(),
      lr * sumOf('gw2', j),
      `w2[${j}] moved`,
      2 * 2 ** -23 * Math.max(1, Math.abs(w2[j]!)),
    );
  }
  const after = await reported(page);
  expect(after.params[2 * H + 3]! - w2[3]!).toBeCloseTo(lr * sumOf('gw2', 3), 6);
  await page.screenshot({ path: `${SHOTS}/inspector-after-step.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('the loss plot shows the true function’s error and the best straight line of this data', async ({
  page,
}) => {
  await waitForStep(page, 20);
  const fit = await traces(page, 'fit-plot');
  const { x, y } = fit.find((t) => t.name === 'data')!;
  const n = x.length;
  const floor = x.reduce((s, xi, i) => s + (xi * xi - y[i]!) ** 2, 0) / n;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  const slope =
    x.reduce((s, xi, i) => s + (xi - mx) * (y[i]! - my), 0) /
    x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
  const line = x.reduce((s, xi, i) => s + (slope * xi + my - slope * mx - y[i]!) ** 2, 0) / n;
  expect((await traceY(page, 'loss-plot', 'noise floor'))[0]).toBeCloseTo(floor, 5);
  expect((await traceY(page, 'loss-plot', 'best line'))[0]).toBeCloseTo(line, 5);
  // Named in the key below the plot (labels on the plot ran into the curve).
  await expect(page.getByTestId('loss-key-truth')).toContainText(
    'True function’s error on these points',
  );
});

test('pinning two runs shows both labelled curves; pins survive settings changes and clear', async ({
  page,
  consoleErrors,
}) => {
  await waitForStep(page, 150);
  await page.getByRole('button', { name: 'Pin run' }).click();
  await page.getByLabel('Activation', { exact: true }).selectOption('none');
  await expect.poll(() => readNumber(page, 'step'), { timeout: 5_000 }).toBeLessThan(100);
  await waitForStep(page, 150);
  await page.getByRole('button', { name: 'Pin run' }).click();
  const expected = ['pinned: H=10 relu', 'pinned: H=10 none'];
  for (const id of ['loss-plot', 'fit-plot']) {
    await expect
      .poll(async () => names(await traces(page, id)).filter((n) => n.startsWith('pinned: ')))
      .toEqual(expected);
  }
  const pinnedLoss = (await traces(page, 'loss-plot')).filter((t) => t.name.startsWith('pinned: '));
  for (const t of pinnedLoss) expect(t.y.length).toBeGreaterThan(100);
  // ReLU bends to x² and beats the best straight line; no activation cannot.
  expect(pinnedLoss[0]!.y.at(-1)!).toBeLessThan(pinnedLoss[1]!.y.at(-1)!);
  await expect(page.getByTestId('pinned-run')).toHaveText([/H=10 relu/, /H=10 none/]);

  await typeInto(page, 'Hidden units', '20');
  await waitForStep(page, 30);
  expect(names(await traces(page, 'loss-plot')).filter((n) => n.startsWith('pinned: '))).toEqual(
    expected,
  );
  await page.screenshot({ path: `${SHOTS}/pinned.png`, fullPage: true });
  await page.getByRole('button', { name: 'Unpin H=10 none' }).click();
  await expect
    .poll(async () =>
      names(await traces(page, 'loss-plot')).filter((n) => n.startsWith('pinned: ')),
    )
    .toEqual(['pinned: H=10 relu']);
  await page.getByRole('button', { name: 'Clear pinned' }).click();
  await expect
    .poll(async () => names(await traces(page, 'fit-plot')).filter((n) => n.startsWith('pinned: ')))
    .toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('phone width: the views, the network panel and the inspector fit in 360 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByLabel('Show residuals').check();
  await waitForStep(page, 60);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await clickDataPoint(page, 20);
  await expect(page.getByTestId('inspector')).toContainText('Point 21 of 30');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/phone-views.png`, fullPage: true });
});

test("kinks crossing the data's edge move in place: no full redraw of the fit plot while training", async ({
  page,
  consoleErrors,
}) => {
  // A slow relu run on dense data: its hinges drift across the data's edges for a while.
  await page.goto('/?points=2000&hidden=10&activation=relu&lr=0.00015&speed=max');
  await waitForStep(page, 2000);
  await page.evaluate(`
    window.__reacts = 0; window.__crossings = 0; window.__frames = 0;
    const fit = document.querySelector('[data-testid=fit-plot]');
    const react = window.Plotly.react;
    window.Plotly.react = function (gd, ...rest) { if (gd === fit) window.__reacts++; return react.call(this, gd, ...rest); };
    let last = '';
    fit.addEventListener('fitdrawn', () => {
      window.__frames++;
      const shown = fit.data.filter((t) => t.name.startsWith('hinges')).map((t) => Array.from(t.y, (v) => (v >= 0 ? 1 : 0)).join('')).join('|');
      if (last && shown !== last) window.__crossings++;
      last = shown;
    });`);
  // Watched until a crossing has been drawn and more than 5 frames in all (a crossing can
  // come within the first few frames: waiting for the crossing alone made this flaky).
  await expect
    .poll(() => page.evaluate('window.__crossings > 0 && window.__frames > 5'), { timeout: 15_000 })
    .toBe(true);
  expect(await page.evaluate('window.__reacts')).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test("a kink's hover text follows the kink while training", async ({ page }) => {
  // Slow enough that a kink barely moves between two frames, long enough that it has moved.
  await page.goto('/?hidden=10&activation=relu&speed=20');
  await waitForStep(page, 60);
  const target = await page.evaluate(() => {
    const gd = document.querySelector('[data-testid=fit-plot]') as HTMLElement & {
      data: { name: string; x: number[]; y: number[] }[];
    };
    const i = gd.data.findIndex((t) => t.name === 'hinges');
    // A kink well inside the data: one near its edge may cross it (and change marker sets) while hovered.
    const k = gd.data[i]!.y.findIndex((v, j) => v >= 0 && Math.abs(gd.data[i]!.x[j]!) < 0.8);
    const group = [...gd.querySelectorAll('.scatterlayer .trace')].find(
      (g) =>
        (g as unknown as { __data__: { trace: { index: number } }[] }).__data__[0]!.trace.index ===
        i,
    )!;
    const r = group.querySelectorAll('path.point')[k]!.getBoundingClientRect();
    return { i, k, x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  const kinkX = () =>
    page.evaluate(
      ({ i, k }) =>
        (
          document.querySelector('[data-testid=fit-plot]') as HTMLElement & {
            data: { x: number[] }[];
          }
        ).data[i]!.x[k]!,
      target,
    );
  // The kink keeps moving while the label is shown and read: the label must give where it was
  // then, between its positions just before the hover and just after the label is read (a
  // label from the last full redraw was off by 0.68), to three significant digits.
  const before = await kinkX();
  await page.mouse.move(target.x, target.y);
  const label = page.getByTestId('fit-plot').locator('.hoverlayer');
  await expect(label).toContainText('hinge at x =');
  const shown = Number(/x = (-?[\d.]+)/.exec((await label.textContent())!)![1]);
  const after = await kinkX();
  expect(shown).toBeGreaterThanOrEqual(Math.min(before, after) - 0.005);
  expect(shown).toBeLessThanOrEqual(Math.max(before, after) + 0.005);
});
