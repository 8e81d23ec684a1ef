/**
 * The network's shape and initialisation on the page: Hidden layers, Hidden units, Layer
 * sizes and Initialisation move together, bad values get their inline message, every change
 * starts a run with the new network (the worker is asked for it, and its frames carry that
 * many parameters), links carry layers= and init= (old hidden= links still open), and a
 * lesson link fixes them.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { paramLayout } from '../src/core/paramLayout';
import { expect, pause, test, typeInto, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

interface Started {
  runId: number;
  layers: number[];
  init: string;
}

declare global {
  interface Window {
    /** The runs the page asked the worker to start, in order. */
    __starts: Started[];
    /** Per run, the parameter count of the newest frame the worker sent. */
    __params: Record<number, number>;
  }
}

/** Records what the page sends the training worker and what its frames carry (read-only). */
async function watchWorker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__starts = [];
    window.__params = {};
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const m = e.data as { type?: string; runId?: number; params?: Float32Array };
          if (m?.type === 'frame' && m.params) window.__params[m.runId!] = m.params.length;
        });
      }
      override postMessage(
        message: unknown,
        transfer?: Transferable[] | StructuredSerializeOptions,
      ): void {
        const m = message as { type?: string; runId?: number; config?: Started };
        if (m?.type === 'start')
          window.__starts.push({
            runId: m.runId!,
            layers: [...m.config!.layers],
            init: m.config!.init,
          });
        super.postMessage(message, transfer as Transferable[]);
      }
    };
  });
}

/** The newest run the page started, once the worker has sent a frame of it. */
async function latestRun(page: Page): Promise<Started & { params: number }> {
  await page.waitForFunction(() => {
    const last = window.__starts.at(-1);
    return last !== undefined && window.__params[last.runId] !== undefined;
  });
  return page.evaluate(() => {
    const last = window.__starts.at(-1)!;
    return { ...last, params: window.__params[last.runId]! };
  });
}

/** The run is the network `layers` drawn by `init`, with that network's parameter count. */
async function expectRun(page: Page, layers: number[], init: string): Promise<void> {
  await expect
    .poll(async () => {
      const run = await latestRun(page);
      return { layers: run.layers, init: run.init, params: run.params };
    })
    .toEqual({ layers, init, params: paramLayout(layers).length });
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function expectShape(page: Page, depth: string, units: string, sizes: string) {
  await expect(field(page, 'Hidden layers')).toHaveValue(depth);
  await expect(field(page, 'Hidden units')).toHaveValue(units);
  await expect(field(page, 'Layer sizes')).toHaveValue(sizes);
}

test.beforeEach(async ({ page }) => {
  await watchWorker(page);
});

test('layers, units, sizes and initialisation move together and each starts the right run', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 2);
  await expectShape(page, '1', '10', '10');
  await expect(field(page, 'Initialisation')).toHaveValue('tutorial');
  await expectRun(page, [10], 'tutorial');
  // The tutorial's run, read where the page shows it: the network panel's weights while paused.
  await pause(page);
  const panel = page.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-params', /\[/);
  const shown = JSON.parse((await panel.getAttribute('data-params'))!) as number[];
  expect(shown).toHaveLength(paramLayout([10]).length);
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  await typeInto(page, 'Hidden layers', '3');
  await expectShape(page, '3', '10', '10,10,10');
  await expectRun(page, [10, 10, 10], 'tutorial');
  await expect(page).toHaveURL(/[?&]layers=10,10,10(&|$)/);

  await typeInto(page, 'Hidden units', '16');
  await expectShape(page, '3', '16', '16,16,16');
  await expectRun(page, [16, 16, 16], 'tutorial');

  // Unequal widths: the units field is empty, says why, and what a number there would do.
  await typeInto(page, 'Layer sizes', ' 32, 16 ,8 ');
  await expectShape(page, '3', '', '32,16,8');
  await expect(field(page, 'Hidden units')).toHaveAttribute('placeholder', 'mixed');
  await expect(page.getByText('Widths differ; a number sets them all.')).toBeVisible();
  await expectRun(page, [32, 16, 8], 'tutorial');
  // Leaving the empty units field empty changes nothing and is no error.
  await field(page, 'Hidden units').focus();
  await page.keyboard.press('Tab');
  await expect(field(page, 'Layer sizes')).toBeFocused();
  await expect(field(page, 'Hidden units')).toHaveAttribute('aria-invalid', 'false');

  await field(page, 'Initialisation').selectOption('he');
  await expect(page.getByText(/Weights normal\(0, √\(2 \/ fan-in\)\), biases 0/)).toBeVisible();
  await expectRun(page, [32, 16, 8], 'he');
  await expect(page).toHaveURL(/[?&]layers=32,16,8&init=he(&|$)/);

  // More layers take the last width; fewer keep the first ones.
  await typeInto(page, 'Hidden layers', '4');
  await expectShape(page, '4', '', '32,16,8,8');
  await expectRun(page, [32, 16, 8, 8], 'he');
  await typeInto(page, 'Hidden layers', '1');
  await expectShape(page, '1', '32', '32');
  await expectRun(page, [32], 'he');

  await field(page, 'Initialisation').selectOption('glorot');
  await expectRun(page, [32], 'glorot');
  await field(page, 'Initialisation').selectOption('tutorial');
  await typeInto(page, 'Hidden units', '10');
  await expect(page).toHaveURL(/^[^?]*$/);
  expect(consoleErrors).toEqual([]);
});

test('bad layer counts and sizes get their message; the run trains on with the last good network', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?layers=16,16');
  await waitForStep(page, 2);
  const starts = await page.evaluate(() => window.__starts.length);
  const cases: [string, string, string][] = [
    ['Hidden layers', '5', 'Out of range: enter a whole number from 1 to 4.'],
    ['Hidden layers', '2.5', 'Enter a whole number from 1 to 4.'],
    ['Hidden units', '0', 'Out of range: enter a whole number from 1 to 1024.'],
    [
      'Layer sizes',
      '32,0,8',
      'Layer 2: "0" is not a width. Each width is a whole number from 1 to 1024.',
    ],
    ['Layer sizes', '8,8,8,8,8', 'At most 4 hidden layers: enter up to 4 widths, such as 32,16,8.'],
    ['Layer sizes', '', 'Enter 1 to 4 layer widths separated by commas, such as 32,16,8.'],
    [
      'Layer sizes',
      '16;8',
      'Layer 1: "16;8" is not a width. Each width is a whole number from 1 to 1024.',
    ],
  ];
  for (const [label, text, message] of cases) {
    await typeInto(page, label, text);
    await expect(field(page, label)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await field(page, label).press('Escape');
    await expect(field(page, label)).toHaveAttribute('aria-invalid', 'false');
  }
  await expectShape(page, '2', '16', '16,16');
  await page.getByLabel('Layer sizes', { exact: true }).fill('32,0,8');
  await page.getByLabel('Layer sizes', { exact: true }).press('Enter');
  await page
    .locator('.field-invalid')
    .first()
    .screenshot({ path: `${SHOTS}/layer-sizes-error.png` });
  // No new run was started, and the one running goes on.
  expect(await page.evaluate(() => window.__starts.length)).toBe(starts);
  const before = Number(await page.getByTestId('step').textContent());
  await waitForStep(page, before + 5);
  expect(consoleErrors).toEqual([]);
});

test('links carry layers= and init=; old hidden= links open as one layer; bad values are reported', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?layers=32,16,8&init=he&activation=tanh');
  await waitForStep(page, 2);
  await expectShape(page, '3', '', '32,16,8');
  await expect(field(page, 'Initialisation')).toHaveValue('he');
  await expectRun(page, [32, 16, 8], 'he');

  await page.goto('/?hidden=20&activation=tanh');
  await waitForStep(page, 2);
  await expectShape(page, '1', '20', '20');
  await expectRun(page, [20], 'tutorial');
  await expect(page.getByRole('status', { name: 'Link notice' })).toHaveCount(0);
  // Once a setting changes, the address bar says it the new way.
  await field(page, 'Activation').selectOption('sine');
  await expect(page).toHaveURL(/\?layers=20&activation=sine$/);

  await page.goto('/?layers=0,5&init=xavier');
  await waitForStep(page, 2);
  await expectShape(page, '1', '10', '10');
  await expect(field(page, 'Initialisation')).toHaveValue('tutorial');
  const notice = page.getByRole('status', { name: 'Link notice' });
  await expect(notice).toContainText('layers="0,5" is not valid');
  await expect(notice).toContainText('init="xavier" is not valid (one of tutorial, glorot, he)');
  expect(consoleErrors).toEqual([]);
});

test('a lesson link that hides the network shape and the initialisation fixes them', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?layers=16,16&init=glorot&hide=hidden,init');
  await waitForStep(page, 2);
  for (const label of ['Hidden layers', 'Hidden units', 'Layer sizes', 'Initialisation'])
    await expect(field(page, label)).toHaveCount(0);
  await expect(field(page, 'Activation')).toBeVisible();
  const fixed = page.getByTestId('fixed-settings');
  await expect(fixed).toContainText('Hidden layers and units16,16');
  await expect(fixed).toContainText('InitialisationGlorot (Xavier)');
  // A deeper preset brings the rest of its settings; the lesson's shape and draw stay.
  await page.getByLabel('Preset', { exact: true }).selectOption('deep-relu');
  await expect(page.getByTestId('lesson-kept')).toHaveText(
    'The lesson’s fixed settings were kept: Hidden layers and units (16,16), Initialisation (Glorot (Xavier)). The rest was applied.',
  );
  await expectRun(page, [16, 16], 'glorot');
  await expect(field(page, 'Learning rate')).toHaveValue('0.001');
  await page.screenshot({ path: `${SHOTS}/lesson-network-fixed.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('in 中文 the network controls and their messages are Chinese', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?layers=32,16,8&init=he');
  await waitForStep(page, 2);
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expectShapeZh(page);
  await expect(page.getByText('各层宽度不同；输入一个数即全部设为它。')).toBeVisible();
  await expect(field(page, '初始化').locator('option:checked')).toHaveText('He（何恺明）方法');
  await typeInto(page, '各层宽度', '32,0,8');
  await expect(
    page.getByRole('alert').filter({
      hasText: '第 2 层：“0”不是有效的宽度。每层宽度应为介于 1 和 1024 之间的整数。',
    }),
  ).toBeVisible();
  await page.locator('#settings').screenshot({ path: `${SHOTS}/network-controls-zh.png` });
  expect(consoleErrors).toEqual([]);
});

async function expectShapeZh(page: Page) {
  await expect(field(page, '隐藏层数')).toHaveValue('3');
  await expect(field(page, '隐藏单元')).toHaveValue('');
  await expect(field(page, '隐藏单元')).toHaveAttribute('placeholder', '各不相同');
  await expect(field(page, '各层宽度')).toHaveValue('32,16,8');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the network controls pass axe with unequal widths and an error shown (${colorScheme})`, async ({
    page,
    consoleErrors,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/?layers=32,16,8&init=he');
    await waitForStep(page, 2);
    await typeInto(page, 'Hidden layers', '9');
    await expect(field(page, 'Hidden layers')).toHaveAttribute('aria-invalid', 'true');
    const results = await new AxeBuilder({ page }).include('#settings').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await page
      .locator('#settings section')
      .filter({ has: field(page, 'Layer sizes') })
      .screenshot({ path: `${SHOTS}/network-controls-${colorScheme}.png` });
    expect(consoleErrors).toEqual([]);
  });
}
