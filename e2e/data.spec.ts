/** The learner's own data: editing points, a typed target, CSV in and out, the train/test split. */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, readNumber, test, traceY, typeInto, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

interface Trace {
  name: string;
  x: number[];
  y: number[];
  symbol: string;
}

async function traces(page: Page, testId: string): Promise<Trace[]> {
  return page.evaluate((id) => {
    type T = {
      meta?: string;
      name?: string;
      x?: ArrayLike<number>;
      y?: ArrayLike<number>;
      marker?: { symbol?: string };
    };
    const gd = document.querySelector<HTMLElement & { data?: T[] }>(`[data-testid="${id}"]`);
    return (gd?.data ?? []).map((t) => ({
      name: t.meta ?? t.name ?? '', // the fixed id (meta) where there is one
      x: t.x ? Array.from(t.x, Number) : [],
      y: t.y ? Array.from(t.y, Number) : [],
      symbol: String(t.marker?.symbol ?? ''),
    }));
  }, testId);
}

async function trace(page: Page, name: string): Promise<Trace | undefined> {
  return (await traces(page, 'fit-plot')).find((t) => t.name === name);
}

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

async function clickAt(page: Page, x: number, y: number, shift = false): Promise<void> {
  const { px, py } = await pagePoint(page, x, y);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(px, py);
  if (shift) await page.keyboard.up('Shift');
}

const dataCount = async (page: Page) => (await trace(page, 'data'))?.x.length ?? 0;

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('edit mode: click adds, drag moves, Shift-click removes; training goes on', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 20);
  await expect.poll(() => dataCount(page)).toBe(30);
  await page.getByRole('button', { name: 'Edit points' }).click();
  await expect(page.getByRole('button', { name: 'Edit points' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(
    await page.evaluate(
      () =>
        (
          document.querySelector('[data-testid="fit-plot"]') as HTMLElement & {
            _fullLayout: { dragmode: unknown };
          }
        )._fullLayout.dragmode,
    ),
  ).toBe(false);

  // Add a point far from the others.
  await clickAt(page, 0.5, 1.6);
  await expect.poll(() => dataCount(page)).toBe(31);
  const added = await trace(page, 'data');
  const i = added!.x.findIndex(
    (x, k) => Math.abs(x - 0.5) < 0.02 && Math.abs(added!.y[k]! - 1.6) < 0.05,
  );
  expect(i).toBeGreaterThanOrEqual(0);

  // Drag it to a new place.
  const from = await pagePoint(page, added!.x[i]!, added!.y[i]!);
  const to = await pagePoint(page, -0.4, 1.2);
  await page.mouse.move(from.px, from.py);
  await page.mouse.down();
  await page.mouse.move((from.px + to.px) / 2, (from.py + to.py) / 2, { steps: 4 });
  await page.mouse.move(to.px, to.py, { steps: 4 });
  await page.mouse.up();
  await expect
    .poll(async () => {
      const t = await trace(page, 'data');
      return t!.x.some((x, k) => Math.abs(x + 0.4) < 0.02 && Math.abs(t!.y[k]! - 1.2) < 0.05);
    })
    .toBe(true);
  expect(await dataCount(page)).toBe(31);

  // Shift-click removes it.
  await clickAt(page, -0.4, 1.2, true);
  await expect.poll(() => dataCount(page)).toBe(30);
  const after = await trace(page, 'data');
  expect(
    after!.x.some((x, k) => Math.abs(x + 0.4) < 0.02 && Math.abs(after!.y[k]! - 1.2) < 0.05),
  ).toBe(false);

  // The same run trains on (weights kept): the step goes on from where it was.
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 10);
  await page.getByRole('button', { name: 'Edit points' }).click();
  expect(consoleErrors).toEqual([]);
});

/** The fit plot's y range as drawn: [low, high]. */
async function yRange(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const gd = document.querySelector<
      HTMLElement & { layout: { yaxis: { range: [number, number] } } }
    >('[data-testid="fit-plot"]');
    return gd!.layout.yaxis.range;
  });
}

test('while editing, the y axis only grows (no jump under the pointer); leaving edit mode fits the data again', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  await expect.poll(() => dataCount(page)).toBe(30);
  const [low, high] = await yRange(page);
  await page.getByRole('button', { name: 'Edit points' }).click();
  await expect(page.getByRole('button', { name: 'Edit points' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // A point near the top raises the data's maximum: the axis grows to keep room above it.
  const top = high - 0.05;
  await clickAt(page, 0.1, top);
  await expect.poll(() => dataCount(page)).toBe(31);
  await expect.poll(async () => (await yRange(page))[1]).toBeGreaterThan(high + 0.1);
  const grown = await yRange(page);
  // Removing it again leaves the axis where it was while editing goes on.
  await clickAt(page, 0.1, top, true);
  await expect.poll(() => dataCount(page)).toBe(30);
  await page.waitForTimeout(300);
  expect(await yRange(page)).toEqual(grown);

  // Out of edit mode the axis fits the data again.
  await page.getByRole('button', { name: 'Edit points' }).click();
  await expect.poll(() => yRange(page)).toEqual([low, high]);
  expect(consoleErrors).toEqual([]);
});

test('a typed target: a good expression makes new data, a bad one says why and keeps the data', async ({
  page,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  await page.getByLabel('Dataset').selectOption('custom');
  const field = page.getByLabel('Target expression', { exact: true });
  await expect(field).toBeVisible();
  await typeInto(page, 'Target expression', 'x^3 - x');
  await expect
    .poll(async () => {
      const truth = await trace(page, 'truth');
      if (!truth) return Infinity;
      return Math.max(...truth.x.map((x, k) => Math.abs(truth.y[k]! - (x ** 3 - x))));
    })
    .toBeLessThan(1e-5);
  const before = await trace(page, 'data');
  expect(before!.x).toHaveLength(30);

  // A pole inside [-1, 1]: an inline message, the last good data stays.
  await typeInto(page, 'Target expression', '1/(x-0.5)');
  await expect(page.getByText(/Not a finite number at x = 0\.5/)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // A syntax error too.
  await typeInto(page, 'Target expression', 'sin(3*x');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error')).toBeVisible();
  const afterBad = await trace(page, 'data');
  expect(afterBad!.y).toEqual(before!.y);
  await expect(page).toHaveURL(/expr=x%5E3/);
  await waitForStep(page, 5);
});

test('CSV code that cannot load (the site was updated since the page opened): Export and Import say so, the data and the run go on', async ({
  page,
}) => {
  // The CSV module is its own chunk, loaded on first use: make every request for it fail.
  await page.route(/\/assets\/csv-[^/]+\.js$/, (route) => route.abort());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  await waitForStep(page, 5);
  const before = await trace(page, 'data');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByText(/CSV import and export could not be loaded/)).toBeVisible();
  await page.getByLabel('Import CSV').setInputFiles({
    name: 'mine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y\n0.1,0.2\n'),
  });
  await expect(page.getByText(/CSV import and export could not be loaded/)).toBeVisible();
  expect((await trace(page, 'data'))!.x).toEqual(before!.x);
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 10);
  // Caught, not an unhandled rejection (the failed request itself is the browser's to log).
  expect(pageErrors).toEqual([]);
});

test('CSV: a good file replaces the data, a bad one names its line and loses nothing; export writes it back', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  const input = page.getByLabel('Import CSV');
  await input.setInputFiles({
    name: 'mine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y\n-0.8,0.5\n-0.2,-0.1\n0.3,0.4\n0.9,1.2\n'),
  });
  await expect(page.getByText('mine.csv: 4 points imported.')).toBeVisible();
  await expect.poll(() => dataCount(page)).toBe(4);
  const good = await trace(page, 'data');
  expect(good!.x).toEqual([-0.8, -0.2, 0.3, 0.9].map(Math.fround));

  await input.setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y\n0.1,0.2\n0.5,banana\n'),
  });
  await expect(page.getByText(/broken\.csv: Line 3: "banana" is not a number/)).toBeVisible();
  await page.waitForTimeout(200);
  expect((await trace(page, 'data'))!.x).toEqual(good!.x);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('x,y');
  expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(good!.x);

  // Training goes on with the 4 points; the fit chases them.
  const step = await readNumber(page, 'step');
  await waitForStep(page, step + 20);
  await page.screenshot({ path: `${SHOTS}/custom-data.png`, fullPage: true });

  // Clear: no points, no errors, the page keeps working; Regenerate brings the data back.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect.poll(() => dataCount(page)).toBe(0);
  await expect(page.getByTestId('loss')).toHaveText('–');
  await expect(page.getByText(/No data: click “Edit points”/)).toBeVisible();
  // Screen readers hear why nothing trains, not "loss NaN".
  await expect(page.getByTestId('announcer')).toHaveText(
    'No training points: add some on the plot, or Regenerate, to train.',
  );
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect.poll(() => dataCount(page)).toBe(30);
  expect(consoleErrors).toEqual([]);
});

test('the test split: held-out points drawn hollow, a finite test loss beside the loss', async ({
  page,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  await page.getByLabel('Test share').fill('0.3');
  await expect.poll(async () => (await trace(page, 'test data'))?.x.length ?? 0).toBe(9);
  expect(await dataCount(page)).toBe(21);
  const test = await trace(page, 'test data');
  expect(test!.symbol).toBe('circle-open');
  expect((await trace(page, 'data'))!.symbol).not.toBe('circle-open');
  await expect
    .poll(async () => (await traceY(page, 'loss-plot', 'test loss')).length, { timeout: 15_000 })
    .toBeGreaterThan(3);
  const testLoss = await traceY(page, 'loss-plot', 'test loss');
  expect(testLoss.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  expect((await traceY(page, 'loss-plot', 'loss')).length).toBeGreaterThan(0);
  await expect(page).toHaveURL(/test=0\.3/);
  await page.screenshot({ path: `${SHOTS}/test-split.png`, fullPage: true });

  // The activation picker: the new choices and the preview beside the select.
  await page.getByLabel('Activation').selectOption('elu');
  await expect(page.locator('.activation-preview .formula')).toHaveText(
    'a = z if z > 0, else e^z − 1',
  );
  await page.locator('aside.controls').screenshot({ path: `${SHOTS}/activation-picker.png` });
  // Back to none: the test loss line goes with the split.
  await page.getByLabel('Test share').fill('0');
  await expect
    .poll(async () => (await traces(page, 'loss-plot')).some((t) => t.name === 'test loss'))
    .toBe(false);
});
