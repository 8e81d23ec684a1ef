/**
 * The plots say what is true and stay readable (issue 17): the inspector opens the point
 * clicked among thinned markers, the loss plot's reference lines are named truly and
 * never labelled over the curve, labels are never cut off or run together, the phone
 * layout keeps Plotly's toolbar off the legend and the settings within reach, nothing on
 * a plot offers to send data away, and the test loss has its readout.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, readNumber, test, traceY, waitForPlots, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Screen boxes of the elements matching `selector` inside a plot. */
/** The boxes (and texts) of the elements matching a CSS selector, page-wide. */
async function boxesOf(page: Page, selector: string): Promise<(Box & { text: string })[]> {
  return page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll(sel), (e) => {
        const r = e.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          text: e.textContent ?? '',
        };
      }),
    selector,
  );
}

/** The boxes of the elements matching `selector` inside the element with that test id. */
const boxes = (page: Page, testId: string, selector: string) =>
  boxesOf(page, `[data-testid="${testId}"] ${selector}`);

/** The plot area of a Plotly plot (its drag layer). */
async function plotArea(page: Page, testId: string): Promise<Box> {
  const [area] = await boxes(page, testId, '.nsewdrag');
  expect(area, 'plot area').toBeDefined();
  return area!;
}

test('at 5,000 points the inspector opens the point clicked: the rightmost dot is the point at x ≈ 1', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?points=5000&hidden=16&lr=1e-5');
  await waitForStep(page, 5);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // The rightmost marker of the data trace, where a person would click it.
  const target = await page.evaluate(() => {
    const groups = Array.from(
      document.querySelectorAll<Element & { __data__?: { trace?: { meta?: string } }[] }>(
        '[data-testid="fit-plot"] .scatterlayer .trace',
      ),
    );
    const group = groups.find((g) => g.__data__?.[0]?.trace?.meta === 'data');
    const rects = Array.from(group?.querySelectorAll('.points path') ?? [], (p) =>
      p.getBoundingClientRect(),
    );
    const r = rects.reduce((best, q) => (q.x > best.x ? q : best), rects[0]!);
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, markers: rects.length };
  });
  expect(target.markers, 'the plot thins 5,000 points').toBeLessThan(5000);
  await page.mouse.click(target.x, target.y);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('of 5000');
  const x = Number(await inspector.getAttribute('data-x'));
  expect(x, 'x of the inspected point').toBeGreaterThan(0.99);
  expect(x).toBeLessThanOrEqual(1);
  // The heading names that point (its index counts from 1, in the data's order along x).
  const index = Number((await inspector.textContent())!.match(/Point (\d+) of 5000/)![1]);
  expect(index).toBeGreaterThan(4975);
  // The ring is drawn around the dot that was clicked.
  await expect.poll(async () => (await traceY(page, 'fit-plot', 'inspected point')).length).toBe(1);
  const ring = await page.evaluate(() => {
    const gd = document.querySelector('[data-testid="fit-plot"]') as HTMLElement & {
      data: { name?: string; x: number[] }[];
    };
    return gd.data.find((t) => t.name === 'inspected point')!.x[0]!;
  });
  expect(ring).toBeCloseTo(x, 6);
  await page.screenshot({ path: `${SHOTS}/inspector-5000-points.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('the fit-line preset (N = 10): the key names each reference line truly, with its value, and says why a line beats the truth here', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?preset=fit-line');
  await waitForPlots(page);
  const truth = (await traceY(page, 'loss-plot', 'noise floor'))[0]!;
  const line = (await traceY(page, 'loss-plot', 'best line'))[0]!;
  // On ten points of a line, the least-squares line scores below the true function itself.
  expect(line).toBeLessThan(truth);
  const key = page.getByTestId('loss-key');
  await expect(page.getByTestId('loss-key-truth')).toContainText(
    `True function’s error on these points: ${truth.toPrecision(4)}`,
  );
  await expect(page.getByTestId('loss-key-line')).toContainText(
    `Best straight line: ${line.toPrecision(4)}`,
  );
  await expect(page.getByTestId('loss-key-small-sample')).toContainText(
    'On these 10 points even the best straight line scores below the true function',
  );
  // No claim that is false here: the truth's error is no floor, and going below it is not called overfitting.
  await expect(key).not.toContainText('noise floor');
  await expect(key).not.toContainText('is fitting the noise');
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expect(page.getByTestId('loss-key-small-sample')).toContainText(
    '在这 10 个点上，连最佳直线的损失都低于真实函数',
  );
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  // The tutorial's x² data: the line is far above the truth, and the small-sample note is not shown.
  await page.goto('/?preset=square-relu');
  await waitForPlots(page);
  await expect(page.getByTestId('loss-key-truth')).toBeVisible();
  await expect(page.getByTestId('loss-key-small-sample')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('at step 0 of the untrained preset the loss plot shows the only loss, within its range', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?preset=untrained-line');
  await waitForPlots(page);
  await expect.poll(() => readNumber(page, 'loss')).toBeGreaterThan(0);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (
            document.querySelector('[data-testid="loss-plot"]') as HTMLElement & {
              data?: { name?: string; y?: ArrayLike<number> }[];
            }
          ).data!.find((t) => t.name === 'loss')!.y!.length,
      ),
    )
    .toBe(1);
  const shown = await readNumber(page, 'loss');
  const [loss] = await traceY(page, 'loss-plot', 'loss');
  expect(Math.abs(loss! - shown) / shown, `plotted ${loss}, readout ${shown}`).toBeLessThan(1e-3);
  const range = await page.evaluate(
    () =>
      (
        document.querySelector('[data-testid="loss-plot"]') as HTMLElement & {
          _fullLayout: { yaxis: { range: number[] } };
        }
      )._fullLayout.yaxis.range,
  );
  // A log axis: its range is in log10 units.
  expect(Math.log10(loss!)).toBeGreaterThan(range[0]!);
  expect(Math.log10(loss!)).toBeLessThan(range[1]!);
  // The dot is drawn inside the plot area.
  const area = await plotArea(page, 'loss-plot');
  const [dot] = await boxes(page, 'loss-plot', '.scatterlayer .trace:last-child .points path');
  expect(dot, 'the step-0 loss is drawn').toBeDefined();
  expect(dot!.top).toBeGreaterThanOrEqual(area.top - 4);
  expect(dot!.bottom).toBeLessThanOrEqual(area.bottom + 4);
  expect(consoleErrors).toEqual([]);
});

test('the loss plot has no labels over its curves, and none overlap one another', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?test=0.3');
  await waitForStep(page, 300);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitForPlots(page);
  const area = await plotArea(page, 'loss-plot');
  const inside = (b: Box) =>
    overlaps(b, {
      left: area.left + 1,
      top: area.top + 1,
      right: area.right - 1,
      bottom: area.bottom - 1,
    });
  const annotations = await boxes(page, 'loss-plot', '.annotation');
  expect(
    annotations.filter(inside).map((a) => a.text),
    'text inside the plot area',
  ).toEqual([]);
  const labels = [
    ...annotations,
    ...(await boxes(page, 'loss-plot', '.legendtext')),
    ...(await boxes(page, 'loss-plot', '.ytick text')),
    ...(await boxesOf(page, '.plot-loss .step-axis text')),
  ].filter((b) => b.right > b.left);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++)
      expect(
        overlaps(labels[i]!, labels[j]!),
        `"${labels[i]!.text}" and "${labels[j]!.text}"`,
      ).toBe(false);
  }
  await page
    .locator('.plot-card')
    .nth(1)
    .screenshot({ path: `${SHOTS}/loss-plot-labels.png` });
  expect(consoleErrors).toEqual([]);
});

test('a steep target keeps its y labels whole', async ({ page, consoleErrors }) => {
  await page.goto('/?dataset=custom&expr=tan(pi/2*x)');
  await waitForPlots(page);
  const fit = await page.getByTestId('fit-plot').boundingBox();
  const ticks = await boxes(page, 'fit-plot', '.ytick text');
  expect(ticks.length).toBeGreaterThan(2);
  for (const t of ticks)
    expect(t.left, `label "${t.text}" starts inside the plot's box`).toBeGreaterThanOrEqual(
      fit!.x - 0.5,
    );
  await page
    .locator('.plot-card')
    .first()
    .screenshot({ path: `${SHOTS}/steep-target-labels.png` });
  expect(consoleErrors).toEqual([]);
});

test('a huge step count keeps the step labels apart', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await waitForPlots(page);
  // Steps in the hundreds of trillions (a model file can carry such a count): the axis is set there directly.
  const stepLabels = () => boxesOf(page, '.plot-loss .step-axis text');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const before = (await stepLabels()).map((l) => l.text).join();
  await page.evaluate(() => {
    const gd = document.querySelector('[data-testid="loss-plot"]') as HTMLElement;
    const plotly = (
      window as unknown as {
        Plotly: { relayout(gd: HTMLElement, update: object): Promise<unknown> };
      }
    ).Plotly;
    return plotly.relayout(gd, { 'xaxis.range': [0, 1.6e15] });
  });
  await expect.poll(async () => (await stepLabels()).map((l) => l.text).join()).not.toBe(before);
  const labels = await stepLabels();
  expect(labels.length).toBeGreaterThan(3);
  for (let i = 1; i < labels.length; i++)
    expect(
      overlaps(labels[i - 1]!, labels[i]!),
      `"${labels[i - 1]!.text}" and "${labels[i]!.text}"`,
    ).toBe(false);
  await page
    .locator('.plot-card')
    .nth(1)
    .screenshot({ path: `${SHOTS}/huge-step-labels.png` });
  expect(consoleErrors).toEqual([]);
});

test('on a 390 × 844 phone Plotly’s toolbar stays off the legends and the plots, and a jump reaches the settings and comes back', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // A test share: the fit legend has four entries, and the loss plot a legend too.
  await page.goto('/?test=0.3');
  await waitForStep(page, 30);
  for (const id of ['fit-plot', 'loss-plot']) {
    const plot = await page.getByTestId(id).boundingBox();
    await page.mouse.move(plot!.x + plot!.width / 2, plot!.y + plot!.height / 2);
    const [toolbar] = await boxes(page, id, '.modebar');
    const [legend] = await boxes(page, id, '.legend');
    expect(toolbar, `${id}: toolbar`).toBeDefined();
    expect(legend, `${id}: legend`).toBeDefined();
    expect(overlaps(toolbar!, legend!), `${id}: toolbar over the legend`).toBe(false);
    expect(overlaps(toolbar!, await plotArea(page, id)), `${id}: toolbar over the plot area`).toBe(
      false,
    );
    // Inside the plot's own box, so it neither spills off the card nor widens the page.
    expect(toolbar!.right).toBeLessThanOrEqual(plot!.x + plot!.width + 0.5);
  }
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/phone-390.png` });

  // The settings are screens below the plots: the jump is on the first screen and takes the learner there.
  const jump = page.getByTestId('settings-jump');
  await expect(jump).toBeInViewport();
  await expect(jump).toHaveText(/Settings/);
  const settingsTop = () =>
    page.evaluate(() => document.getElementById('settings')!.getBoundingClientRect().top);
  expect(await settingsTop()).toBeGreaterThan(2 * 844);
  await jump.click();
  await expect.poll(settingsTop).toBeLessThan(50);
  expect(await settingsTop()).toBeGreaterThan(-50);
  await expect(page.getByLabel('Hidden units', { exact: true })).toBeInViewport();
  await expect(jump).toHaveText(/Plots/);
  await page.screenshot({ path: `${SHOTS}/phone-390-settings.png` });
  await jump.click();
  await expect(page.getByTestId('fit-plot')).toBeInViewport();
  await expect(jump).toHaveText(/Settings/);
  // On a wide screen the settings sit beside the plots: no jump.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(jump).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('nothing on the plots offers to send the learner’s data away; the built page may connect to its own origin only', async ({
  page,
  consoleErrors,
}) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      !['127.0.0.1', 'localhost'].includes(url.hostname) &&
      !['data:', 'blob:'].includes(url.protocol)
    )
      foreign.push(request.url());
  });
  await page.goto('/');
  await waitForStep(page, 20);
  for (const id of ['fit-plot', 'loss-plot']) {
    const plot = await page.getByTestId(id).boundingBox();
    await page.mouse.move(plot!.x + plot!.width / 2, plot!.y + plot!.height / 2);
    const titles = await page.evaluate(
      (i) =>
        Array.from(
          document.querySelectorAll(`[data-testid="${i}"] .modebar-btn`),
          (b) => b.getAttribute('data-title') ?? '',
        ),
      id,
    );
    expect(titles.length, `${id}: toolbar buttons`).toBeGreaterThan(0);
    expect(
      titles.filter((t) => /share|cloud|chart studio|plotly/i.test(t)),
      `${id}: buttons`,
    ).toEqual([]);
  }
  // No link to Plotly's site (the "Produced with Plotly" logo) anywhere on the page.
  expect(await page.locator('a[href*="plot.ly"], a[href*="plotly.com"]').count()).toBe(0);
  expect(foreign).toEqual([]);
  // The Content-Security-Policy of the built page: connections to its own origin only.
  const html = readFileSync(join('dist', 'index.html'), 'utf8');
  // The attribute as written in the file (quotes may be written as entities).
  const csp = html
    .match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]
    ?.replace(/&#39;|&apos;/g, "'");
  expect(csp).toBeDefined();
  const directives = new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  // The page served is that file.
  expect(
    await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
  ).toBe(csp);
  expect(consoleErrors).toEqual([]);
});

test('with a test share the test loss has a readout beside step and loss, in both languages', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 5);
  await expect(page.getByTestId('test-loss')).toHaveCount(0);
  await page.goto('/?test=0.3');
  await waitForStep(page, 100);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const readout = page.getByTestId('test-loss');
  await expect(page.locator('.readouts dt')).toContainText(['Step', 'Loss', 'Test loss']);
  // Paused: the readout is the held-out points' loss of the weights on show, the test curve's last point.
  await expect
    .poll(async () => {
      const curve = await traceY(page, 'loss-plot', 'test loss');
      const shown = Number(await readout.textContent());
      return Math.abs(shown - curve.at(-1)!) / curve.at(-1)!;
    })
    .toBeLessThan(1e-3);
  expect(Number(await readout.textContent())).not.toBeCloseTo(await readNumber(page, 'loss'), 4);
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expect(page.locator('.readouts dt')).toContainText(['步数', '损失', '测试损失']);
  await page.locator('.transport').screenshot({ path: `${SHOTS}/test-loss-readout-zh.png` });
  expect(consoleErrors).toEqual([]);
});
