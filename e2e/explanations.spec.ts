/** Every explanation true and in the language in force: the lesson line, unit health, the activation picture, the inspector, the fit legend. */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const ACTIVATIONS = [
  'none',
  'relu',
  'tanh',
  'sigmoid',
  'leaky-relu',
  'elu',
  'softplus',
  'sine',
] as const;
type Activation = (typeof ACTIVATIONS)[number];

/** The picker's name of each activation, per language: the lesson line starts with it. */
const NAMES: Record<'en' | 'zh', Record<Activation, string>> = {
  en: {
    none: 'None (identity)',
    relu: 'ReLU',
    tanh: 'tanh',
    sigmoid: 'Sigmoid',
    'leaky-relu': 'Leaky ReLU',
    elu: 'ELU',
    softplus: 'Softplus',
    sine: 'Sine',
  },
  zh: {
    none: '无（恒等）',
    relu: 'ReLU',
    tanh: 'tanh',
    sigmoid: 'Sigmoid',
    'leaky-relu': '带泄漏 ReLU',
    elu: 'ELU（指数线性单元）',
    softplus: 'Softplus（平滑 ReLU）',
    sine: '正弦（sin）',
  },
};
const LABELS = {
  en: { language: 'Language', activation: 'Activation', dataset: 'Dataset', pause: 'Pause' },
  zh: { language: '语言', activation: '激活函数', dataset: '数据集', pause: '暂停' },
};
/** Activation ids that are never a name in that language. */
const RAW_IDS = {
  en: /leaky-relu|\brelu\b|\belu\b|\bsoftplus\b/,
  zh: /leaky|\bnone\b|\brelu\b|\belu\b|\bsoftplus\b|\bsigmoid\b|\bsine\b/,
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function setLanguage(page: Page, to: 'en' | 'zh'): Promise<void> {
  const from = to === 'en' ? 'zh' : 'en';
  await page.getByLabel(LABELS[from].language, { exact: true }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to === 'zh' ? 'zh-CN' : 'en');
}

test('the lesson and health lines name each activation, in English and 中文, and never show a raw id', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?dataset=quadratic');
  await waitForStep(page, 2);
  const lesson = page.locator('.lesson');
  const health = page.getByTestId('unit-health');
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh') await setLanguage(page, 'zh');
    for (const act of ACTIVATIONS) {
      await page.getByLabel(LABELS[language].activation, { exact: true }).selectOption(act);
      await expect(lesson).toHaveText(new RegExp(`^${escape(NAMES[language][act])}[:：]`));
      await expect(lesson).not.toHaveText(RAW_IDS[language]);
      await expect(health).not.toHaveText('');
      await expect(health).not.toHaveText(RAW_IDS[language]);
    }
    // Neither sine nor leaky ReLU is said to be flat or saturated.
    for (const act of ['sine', 'leaky-relu'] as const) {
      await page.getByLabel(LABELS[language].activation, { exact: true }).selectOption(act);
      await expect(health).toHaveText(
        language === 'en'
          ? /^(Sine units never|Units in the leaky region)/
          : /^(正弦单元不会死亡|处于泄漏区的单元)/,
      );
    }
    await page.locator('.lesson').screenshot({ path: `${SHOTS}/lesson-leaky-${language}.png` });
  }
  await setLanguage(page, 'en');
  // No activation on the sine data: it speaks of sin(πx), not x².
  await page.getByLabel('Activation', { exact: true }).selectOption('none');
  await page.getByLabel('Dataset', { exact: true }).selectOption('sine');
  await expect(lesson).toContainText('sin(πx)');
  await expect(lesson).not.toContainText('x²');
  expect(consoleErrors).toEqual([]);
});

/** The points of an SVG path of M/L commands. */
function pathPoints(d: string): [number, number][] {
  return Array.from(
    d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g),
    (m) => [Number(m[1]), Number(m[2])] as [number, number],
  );
}

test('each activation’s picture is drawn truthfully: the identity is one straight line through the frame', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 1, { plots: false });
  const preview = page.locator('.activation-preview svg');
  for (const act of ACTIVATIONS) {
    await page.getByLabel('Activation', { exact: true }).selectOption(act);
    await expect(preview).toHaveAttribute(
      'aria-label',
      new RegExp(`^${escape(NAMES.en[act])} and its derivative`),
    );
    await page
      .locator('.activation-preview')
      .screenshot({ path: `${SHOTS}/activation-${act}.png` });
  }
  await page.getByLabel('Activation', { exact: true }).selectOption('none');
  const fn = pathPoints(
    (await page.locator('.activation-preview path.function').getAttribute('d'))!,
  );
  const [x0, y0] = fn[0]!;
  const [x1, y1] = fn[fn.length - 1]!;
  const slope = (y1 - y0) / (x1 - x0);
  // Every point on the one line through the first and last (to the path's 0.1 px rounding): no flat run along the frame.
  for (const [x, y] of fn) expect(Math.abs(y - (y0 + slope * (x - x0)))).toBeLessThan(0.11);
  // The line rises to the right and crosses the whole frame's height (64 px) and beyond.
  expect(slope).toBeLessThan(0);
  expect(y0 - y1).toBeGreaterThan(64);
  // Its derivative, 1 everywhere, is flat.
  const der = pathPoints(
    (await page.locator('.activation-preview path.derivative').getAttribute('d'))!,
  );
  expect(new Set(der.map(([, y]) => y)).size).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('the fit legend explains the dashed output-bias line, in both languages, while units are shown', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 2);
  const legend = page.locator('.fit-legend');
  await expect(legend).toContainText(
    'dashed purple: the output bias b2; the units plus b2 add up to orange',
  );
  await page.getByLabel('Show units').uncheck();
  await expect(legend).not.toContainText('output bias');
  await page.getByLabel('Show units').check();
  await setLanguage(page, 'zh');
  await expect(legend).toContainText('紫色虚线：输出偏置 b2；各单元加上 b2 即为橙线');
  await legend.screenshot({ path: `${SHOTS}/fit-legend-zh.png` });
  // The kink marks are named for what they are: a leaky ReLU's bend is a hinge, a sine unit's mark a zero crossing.
  await setLanguage(page, 'en');
  for (const [act, word] of [
    ['leaky-relu', 'hinges'],
    ['elu', 'hinges'],
    ['sigmoid', 'centres'],
    ['sine', 'zero crossings'],
  ] as const) {
    await page.getByLabel('Activation', { exact: true }).selectOption(act);
    await expect(legend).toContainText(`▲ ${word} (hollow: outside the data)`);
  }
  expect(consoleErrors).toEqual([]);
});

test('in 中文 the step inspector explains itself in Chinese', async ({ page, consoleErrors }) => {
  await page.goto('/?activation=leaky-relu&hidden=16');
  await waitForStep(page, 30);
  await setLanguage(page, 'zh');
  await page.getByRole('button', { name: '暂停', exact: true }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('单步检查器');
  // Click a data point (the fit plot's data markers).
  const box = await page.evaluate(() => {
    const groups = Array.from(
      document.querySelectorAll<Element & { __data__?: { trace?: { meta?: string } }[] }>(
        '[data-testid="fit-plot"] .scatterlayer .trace',
      ),
    );
    const group = groups.find((g) => g.__data__?.[0]?.trace?.meta === 'data');
    const r = group?.querySelectorAll('.points path')[5]?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  });
  expect(box).not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
  await expect(inspector).toContainText('第 6 / 30 个点');
  for (const words of [
    '输出 o2',
    '误差 o2 − y',
    '每个梯度格中：',
    '这个点的份额',
    '全部 30 个点之和 Σ',
    '（下一步加上 lr × Σ）',
    '输出偏置 b2 =',
    '列出了 16 个单元中的 10 个',
  ]) {
    await expect(inspector).toContainText(words);
  }
  await expect(inspector.locator('thead th').first()).toHaveText('单元');
  await expect(inspector.locator('thead')).toContainText('a1 = max(0.01·o1, o1)');
  // After a Step, the line on how far it moved is in Chinese too.
  await page.getByRole('button', { name: '单步', exact: true }).click();
  await expect(inspector).toContainText('上一步使它移动了多少');
  const text = (await inspector.textContent())!;
  // No English word is left (the maths, o1, gw1, lr, Σ, are the same in both languages).
  expect(text).not.toMatch(
    /\b(output|error|unit|units|point|points|share|over|Step|moved|listed|bias|gradient|out|In each)\b/,
  );
  expect(text).not.toMatch(RAW_IDS.zh);
  await inspector.screenshot({ path: `${SHOTS}/inspector-zh.png` });
  expect(consoleErrors).toEqual([]);
});
