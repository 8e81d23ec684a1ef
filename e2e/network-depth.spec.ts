/** The network panel and the step inspector at depth: a block per layer, health per layer, the gradient chart, the inspector through every layer. */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, pause, readNumber, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

test.beforeEach(() => mkdirSync(SHOTS, { recursive: true }));

/** The x and y of every point on the fit plot (all of them trained on: no point is held out here). */
async function dataPoints(page: Page): Promise<{ x: number[]; y: number[] }> {
  return page.evaluate(() => {
    const gd = document.querySelector<
      HTMLElement & { data?: { meta?: string; x?: ArrayLike<number>; y?: ArrayLike<number> }[] }
    >('[data-testid="fit-plot"]');
    const t = gd?.data?.find((d) => d.meta === 'data');
    return { x: Array.from(t?.x ?? []), y: Array.from(t?.y ?? []) };
  });
}

/** Splits a flat vector into layers of [in][out] weights and biases, as core/paramLayout lays them out. */
function unflatten(flat: number[], widths: number[]): { w: number[][]; b: number[] }[] {
  const sizes = [1, ...widths, 1];
  const layers: { w: number[][]; b: number[] }[] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [n, m] = [sizes[l]!, sizes[l + 1]!];
    const w = Array.from({ length: n }, (_, i) => flat.slice(at + i * m, at + (i + 1) * m));
    at += n * m;
    layers.push({ w, b: flat.slice(at, at + m) });
    at += m;
  }
  expect(at).toBe(flat.length);
  return layers;
}

type Act = (z: number) => number;
const ACTS: Record<string, { f: Act; d: Act }> = {
  relu: { f: (z) => Math.max(0, z), d: (z) => (z > 0 ? 1 : 0) },
  tanh: { f: Math.tanh, d: (z) => 1 - Math.tanh(z) ** 2 },
};

/** A float64 forward and backward pass (the tutorial's signs: dz = -2 (o - y) at the output). */
function pass(net: { w: number[][]; b: number[] }[], act: string, x: number, y: number) {
  const { f, d } = ACTS[act]!;
  const z: number[][] = [];
  const a: number[][] = [[x]];
  net.forEach((layer, l) => {
    const zl = layer.b.map((b, j) => b + a[l]!.reduce((s, v, i) => s + v * layer.w[i]![j]!, 0));
    z.push(zl);
    a.push(l === net.length - 1 ? zl : zl.map(f));
  });
  const out = z[net.length - 1]![0]!;
  const dz: number[][] = [];
  dz[net.length - 1] = [-2 * (out - y)];
  for (let l = net.length - 2; l >= 0; l--)
    dz[l] = z[l]!.map(
      (v, i) => d(v) * dz[l + 1]!.reduce((s, g, k) => s + g * net[l + 1]!.w[i]![k]!, 0),
    );
  // This point's share of each gw: the input to the layer times its dz.
  const gw = net.map((layer, l) =>
    layer.w.map((row, i) => row.map((_, j) => a[l]![i]! * dz[l]![j]!)),
  );
  return { z, a: a.slice(1), dz, gw, out };
}

/** Clicks the i-th marker of the fit plot's data trace. */
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

/** Shown numbers have 4 significant digits. */
function expectShown(text: string | null, value: number, what: string, floor = 1e-12): void {
  const shown = Number(text);
  expect(Math.abs(shown - value), `${what}: shown ${text}, computed ${value}`).toBeLessThanOrEqual(
    6e-4 * Math.abs(value) + floor,
  );
}

test('at depth 1 the panel reads as before, plus the gradient chart', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 50);
  const panel = page.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-depth', '1');
  await expect(panel.locator('[data-strip]')).toHaveCount(3);
  expect(
    await panel
      .locator('[data-strip]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-strip'))),
  ).toEqual(['w1', 'b1', 'w2']);
  await expect(panel.locator('.layer-head')).toHaveCount(0);
  await expect(page.getByTestId('output-bias')).toContainText(/^b2 = /);
  await expect(page.getByTestId('unit-health')).toContainText(/^Dead units: \d+ of 10/);
  const chart = page.getByTestId('grad-chart');
  await expect(chart.locator('li')).toHaveText(['layer 1', 'output']);
  await expect
    .poll(async () => Number(await chart.locator('canvas').getAttribute('data-samples')))
    .toBeGreaterThan(2);
  expect(consoleErrors).toEqual([]);
});

test('at depth 3 the panel has a block per layer, the output, health per layer and the gradient chart', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?layers=12,8,6&activation=tanh');
  await waitForStep(page, 50);
  const panel = page.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-depth', '3');
  for (const [l, width] of [
    [1, 12],
    [2, 8],
    [3, 6],
  ] as const) {
    const block = page.getByTestId(`layer-block-${l}`);
    await expect(block.locator('.layer-head')).toContainText(`Layer ${l}`);
    await expect(block.locator('.layer-head')).toContainText(`${width} units`);
    await expect(page.getByTestId(`layer-health-${l}`)).toHaveText(
      new RegExp(`^Saturated units: \\d+ of ${width}`),
    );
  }
  const names = await panel
    .locator('[data-strip]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-strip')));
  expect(names).toEqual(['w1', 'b1', '‖w2‖', 'b2', '‖w3‖', 'b3', 'w4']);
  await expect(page.getByTestId('layer-block-out')).toContainText('Output');
  await expect(page.getByTestId('output-bias')).toContainText(/^b4 = /);
  await expect(page.getByTestId('unit-health')).toContainText('tanh′ < 0.01');
  const chart = page.getByTestId('grad-chart');
  await expect(chart.locator('li')).toHaveText(['layer 1', 'layer 2', 'layer 3', 'output']);
  const canvas = chart.locator('canvas');
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-samples')))
    .toBeGreaterThan(5);
  const last = JSON.parse((await canvas.getAttribute('data-last'))!) as number[];
  expect(last).toHaveLength(4);
  for (const v of last) expect(v).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});

test('health per layer counts the dead ReLU units that a float64 pass over the paused weights finds', async ({
  page,
  consoleErrors,
}) => {
  // He's initialisation sets every bias to 0: a deeper ReLU unit is dead when its inputs' weighted
  // sum is negative on both sides of x = 0, which happens to about a quarter of them.
  const widths = [8, 8, 8];
  await page.goto('/?layers=8,8,8&activation=relu&init=he&seed=3&lr=0.002');
  await waitForStep(page, 5);
  await pause(page);
  const panel = page.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-params', /\[/);
  const step = await readNumber(page, 'step');
  const params = JSON.parse((await panel.getAttribute('data-params'))!) as number[];
  const net = unflatten(params, widths);
  const { x, y } = await dataPoints(page);
  const dead = widths.map((w) => Array<boolean>(w).fill(true));
  x.forEach((px, i) =>
    pass(net, 'relu', px, y[i]!)
      .z.slice(0, widths.length)
      .forEach((zl, l) =>
        zl.forEach((v, j) => {
          if (v > 0) dead[l]![j] = false;
        }),
      ),
  );
  const counts = dead.map((d) => d.filter(Boolean).length);
  // The case this test is about: some layer has dead units.
  expect(counts.reduce((s, c) => s + c, 0)).toBeGreaterThan(0);
  for (const [l, count] of counts.entries())
    await expect(page.getByTestId(`layer-health-${l + 1}`)).toHaveText(
      `Dead units: ${count} of 8${count > 0 ? ' (grey)' : ''}`,
    );
  expect(await readNumber(page, 'step')).toBe(step);
  await expect(page.getByTestId('unit-health')).toContainText(
    'In layer 1 no step can bring it back',
  );
  await page.getByTestId('network-panel').screenshot({ path: `${SHOTS}/network-depth3-dead.png` });
  expect(consoleErrors).toEqual([]);
});

test('the inspector at depth 2 lists both layers, and its numbers match a float64 pass from the same weights', async ({
  page,
  consoleErrors,
}) => {
  const widths = [6, 4];
  const lr = 0.01;
  await page.goto(`/?layers=6,4&activation=tanh&lr=${lr}`);
  await waitForStep(page, 60);
  await pause(page);
  await clickDataPoint(page, 9);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Point 10 of 30');
  await expect(inspector).toHaveAttribute('data-sums', 'ready');
  await expect(inspector.locator('[data-layer]')).toHaveCount(2);
  const params = JSON.parse((await inspector.getAttribute('data-params'))!) as number[];
  const px = Number(await inspector.getAttribute('data-x'));
  const py = Number(await inspector.getAttribute('data-y'));
  const step = Number(await inspector.getAttribute('data-step'));
  const net = unflatten(params, widths);
  const me = pass(net, 'tanh', px, py);
  const { x, y } = await dataPoints(page);
  const all = x.map((v, i) => pass(net, 'tanh', v, y[i]!));
  const sum = (f: (p: ReturnType<typeof pass>) => number) => all.reduce((s, p) => s + f(p), 0);

  expectShown(await page.getByTestId('inspect-o2').textContent(), me.out, 'o3');
  expectShown(await page.getByTestId('inspect-error').textContent(), me.out - py, 'error');
  await expect(inspector.locator('.inspector-pass')).toContainText('o3 = b3 + Σ w3·a2');
  for (const [l, width] of widths.entries()) {
    const layer = inspector.locator(`[data-layer="${l + 1}"]`);
    await expect(layer.locator('tbody tr')).toHaveCount(width);
    for (let j = 0; j < width; j++) {
      const row = layer.locator(`tr[data-unit="${j}"]`);
      const cell = (name: string, part?: string) =>
        row.locator(`[data-cell="${name}"]${part ? ` [data-part="${part}"]` : ''}`).textContent();
      expectShown(await cell(`o${l + 1}`), me.z[l]![j]!, `o${l + 1}[${j}]`);
      expectShown(await cell(`a${l + 1}`), me.a[l]![j]!, `a${l + 1}[${j}]`);
      // A unit's share of gb is its delta.
      expectShown(await cell(`b${l + 1}`, 'point'), me.dz[l]![j]!, `dz${l + 1}[${j}]`);
      expectShown(
        await cell(`b${l + 1}`, 'sum'),
        sum((p) => p.dz[l]![j]!),
        `Σ gb${l + 1}[${j}]`,
      );
      if (l === 0) {
        expectShown(await cell('w1', 'point'), me.gw[0]![0]![j]!, `gw1[${j}]`);
        expectShown(
          await cell('w1', 'sum'),
          sum((p) => p.gw[0]![0]![j]!),
          `Σ gw1[${j}]`,
        );
      } else {
        // Layer 2's units have 6 incoming weights each: the cell shows the size of that column's gradient.
        const col = (g: number[][]) => Math.hypot(...g.map((r) => r[j]!));
        expectShown(await cell('w2', 'point'), col(me.gw[1]!), `‖gw2‖[${j}]`);
        const sumCol = Math.hypot(...net[1]!.w.map((_, i) => sum((p) => p.gw[1]![i]![j]!)));
        expectShown(await cell('w2', 'sum'), sumCol, `Σ ‖gw2‖[${j}]`);
        expectShown(await cell('w3a2'), net[2]!.w[j]![0]! * me.a[1]![j]!, `w3·a2[${j}]`);
        expectShown(await cell('w3', 'point'), me.a[1]![j]! * me.dz[2]![0]!, `gw3[${j}]`);
        expectShown(
          await cell('w3', 'sum'),
          sum((p) => p.a[1]![j]! * p.dz[2]![0]!),
          `Σ gw3[${j}]`,
        );
      }
    }
  }
  const out = inspector.locator('tr[data-unit="out"] [data-cell="b3"]');
  expectShown(
    await out.locator('[data-part="sum"]').textContent(),
    sum((p) => p.dz[2]![0]!),
    'Σ gb3',
  );
  await page.screenshot({ path: `${SHOTS}/inspector-depth2.png`, fullPage: true });

  // Step: each bias of layer 2 moves by lr times the sum the inspector showed.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(inspector).toHaveAttribute('data-step', String(step + 1));
  for (let j = 0; j < widths[1]!; j++) {
    const moved = inspector.locator(
      `[data-layer="2"] tr[data-unit="${j}"] [data-cell="b2"] [data-part="moved"]`,
    );
    expectShown(await moved.textContent(), lr * sum((p) => p.dz[1]![j]!), `b2[${j}] moved`, 2.4e-7);
  }
  expect(consoleErrors).toEqual([]);
});

test('at depth 4 with tanh, the tutorial’s initialisation puts every layer’s gradient more than a decade below He’s', async ({
  page,
  consoleErrors,
}) => {
  const sizes: Record<string, number[]> = {};
  for (const init of ['tutorial', 'he']) {
    await page.goto(`/?layers=16,16,16,16&activation=tanh&init=${init}&lr=0.002`);
    await waitForStep(page, 20);
    await pause(page);
    const canvas = page.getByTestId('grad-chart').locator('canvas');
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-samples')))
      .toBeGreaterThan(2);
    sizes[init] = JSON.parse((await canvas.getAttribute('data-last'))!) as number[];
    await page
      .getByTestId('network-panel')
      .screenshot({ path: `${SHOTS}/network-depth4-${init}.png` });
  }
  expect(sizes.tutorial).toHaveLength(5);
  sizes.tutorial!.forEach((v, s) => expect(v, `series ${s}`).toBeLessThan(sizes.he![s]! / 10));
  expect(consoleErrors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'zh'] as const) {
    test(`screenshots at depth 1 and 3: ${theme}, ${language}`, async ({ page, consoleErrors }) => {
      for (const query of ['', '?layers=16,12,8']) {
        await page.goto(`/${query}`);
        // The page keeps both choices across visits: set them on the first.
        if (!query) {
          await page.getByLabel('Theme', { exact: true }).selectOption(theme);
          await page.getByLabel('Language', { exact: true }).selectOption(language);
        }
        await waitForStep(page, 100);
        await page
          .getByRole('button', { name: language === 'zh' ? '暂停' : 'Pause', exact: true })
          .click();
        await expect(page.getByTestId('step')).toHaveAttribute('data-state', 'paused');
        await clickDataPoint(page, 12);
        await expect(page.getByTestId('inspector')).toHaveAttribute('data-sums', 'ready');
        const depth = query ? 3 : 1;
        if (language === 'zh' && depth === 3)
          await expect(page.getByTestId('layer-block-2')).toContainText('第 2 层');
        await page.getByTestId('network-panel').screenshot({
          path: `${SHOTS}/network-depth${depth}-${theme}-${language}.png`,
        });
      }
      expect(consoleErrors).toEqual([]);
    });
  }
}

test('at 4 x 256 units on 1,000 points the panel draws well within a frame, and the inspector sums in slices', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { panelDraws: number[] };
    w.panelDraws = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'draw:network-panel') w.panelDraws.push(e.duration);
    }).observe({ entryTypes: ['measure'] });
  });
  // A small rate keeps so deep a ReLU network from diverging, so frames keep coming.
  await page.goto('/?layers=256,256,256,256&points=1000&lr=0.00001');
  await waitForStep(page, 1);
  await page.evaluate(() => void ((window as unknown as { panelDraws: number[] }).panelDraws = []));
  await page.waitForTimeout(8000);
  const draws = await page.evaluate(
    () => (window as unknown as { panelDraws: number[] }).panelDraws,
  );
  const sorted = [...draws].sort((p, q) => p - q);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `panel draws at 4 x 256: ${draws.length}, median ${median.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
  expect(draws.length).toBeGreaterThanOrEqual(3);
  expect(median).toBeLessThan(25);
  await expect(page.getByTestId('layer-health-4')).toHaveText(/^Dead units: \d+ of 256/);

  await pause(page);
  await clickDataPoint(page, 10);
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('[data-layer]')).toHaveCount(4);
  // A thousand passes through 200,000 parameters take seconds: the page sums them a slice at a time.
  await expect(inspector).toHaveAttribute('data-sums', 'summing');
  await expect(inspector.getByTestId('inspect-summing')).toContainText('Summing the gradients');
  await expect(inspector).toHaveAttribute('data-sums', 'ready', { timeout: 30_000 });
  for (let l = 1; l <= 4; l++)
    await expect(inspector.locator(`[data-layer="${l}"] tbody tr`)).toHaveCount(10);
  await expect(inspector).toContainText('10 of 256 units listed: those with the largest |dz1|');
  expect(consoleErrors).toEqual([]);
});
