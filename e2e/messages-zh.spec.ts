/** Messages about bad input come from core as codes and are worded in the language in force. */
import { mkdirSync } from 'node:fs';
import { expect, test, typeInto, waitForStep } from './helpers';

const SHOTS = 'e2e/screenshots';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('in 中文, a bad CSV, a bad expression, a bad number, a bad model file and a bad link are explained in Chinese', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForStep(page, 2);
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // CSV: a word where a number should be; the line is named, the data stays.
  const csv = page.getByLabel('导入 CSV', { exact: true });
  await csv.setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y\n0.1,0.2\n0.5,banana\n'),
  });
  const dataNote = page.locator('.data-note');
  await expect(dataNote).toHaveText('broken.csv：第 3 行：“banana”不是数字。');
  await page.locator('.data-tools').screenshot({ path: `${SHOTS}/zh-csv-error.png` });
  await csv.setInputFiles({
    name: 'wide.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y\n0,1\n5,2\n10,3\n'),
  });
  await expect(dataNote).toHaveText('wide.csv：已导入 3 个数据点。x 已从 [0, 10] 缩放到 [-1, 1]。');
  // The note is kept as data: switching language rewords it.
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(dataNote).toHaveText(
    'wide.csv: 3 points imported. x was rescaled from [0, 10] to [-1, 1].',
  );
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await page.getByRole('button', { name: '清空', exact: true }).click();
  await expect(dataNote).toHaveText(
    '没有数据：点击“编辑数据点”后在图上点击即可添加，或点“重新生成”。',
  );
  await page.getByRole('button', { name: '重新生成', exact: true }).click();

  // A target expression with a missing ")", then one with a pole.
  await page.getByLabel('数据集', { exact: true }).selectOption('custom');
  const field = page.getByLabel('目标表达式', { exact: true });
  await typeInto(page, '目标表达式', 'sin(3*x');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const fieldError = page.locator('.field-error');
  await expect(fieldError).toContainText('缺少与 sin( 配对的“)”');
  await page.locator('.field-invalid').screenshot({ path: `${SHOTS}/zh-expression-error.png` });
  await typeInto(page, '目标表达式', '1/(x-0.5)');
  await expect(fieldError).toHaveText(
    '在 x = 0.5 处不是有限数：目标函数必须在 [-1, 1] 上处处有定义',
  );
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(fieldError).toHaveText(
    'Not a finite number at x = 0.5: the target must be defined on [-1, 1]',
  );
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await page.keyboard.press('Escape');

  // A numeric field.
  await typeInto(page, '样本数', 'abc');
  await expect(page.getByText('“abc”不是数字。请输入介于 2 和 5000 之间的整数。')).toBeVisible();
  await page.getByLabel('样本数', { exact: true }).press('Escape');

  // A model file that is not JSON.
  await page
    .getByLabel('导入模型', { exact: true })
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await expect(page.getByTestId('model-note')).toHaveText(
    '无法载入模型：文件不是有效的 JSON。没有任何更改。',
  );
  // Kept as data too: English words it in English.
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(page.getByTestId('model-note')).toHaveText(
    'Could not load the model: the file is not valid JSON. Nothing was changed.',
  );
  await page.getByLabel('Language', { exact: true }).selectOption('zh');

  // A link with a bad value and an unknown key (the language choice is kept across the load).
  await page.goto('/?points=abc&bogus=1');
  const notice = page.getByRole('status', { name: '链接提示' });
  await expect(notice).toContainText('此链接中的部分设置未被采用。');
  await expect(notice).toContainText(
    'points="abc" 无效（应为介于 2 和 5000 之间的整数）：已使用默认值。',
  );
  await expect(notice).toContainText('未知的设置“bogus”，已忽略。');
  await notice.screenshot({ path: `${SHOTS}/zh-link-notice.png` });
  await waitForStep(page, 2);
  expect(consoleErrors).toEqual([]);
});

test('in 中文, the plots are labelled in Chinese and the fit plot’s note is worded in the language in force', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?hidden=100');
  await waitForStep(page, 2);
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await expect(page.getByTestId('fit-plot')).toHaveAttribute(
    'aria-label',
    '拟合图：数据、真实函数与网络的曲线',
  );
  await expect(page.getByTestId('loss-plot')).toHaveAttribute(
    'aria-label',
    '损失图：均方误差随训练步数的变化',
  );
  const note = page.getByTestId('fit-plot').locator('.annotation-text');
  await expect(note).toContainText('只画出 100 个单元中最大的 32 个');
  // The legend follows the language too, while the plot keeps training.
  const legend = page.getByTestId('fit-plot').locator('.legendtext');
  await expect(legend).toHaveText(['真实函数', '数据', '拟合']);
  await page.getByTestId('fit-plot').screenshot({ path: `${SHOTS}/zh-fit-note.png` });
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(note).toContainText('32 largest of 100 units drawn');
  await expect(legend).toHaveText(['truth', 'data', 'fit']);
  await expect(page.getByTestId('fit-plot')).toHaveAttribute(
    'aria-label',
    'Fit plot: data, true function and the network’s curve',
  );
  // The hover texts follow the language too: a ReLU unit's kink (markers with text at
  // H <= 64) and the loss curve's.
  await page.getByLabel('Language', { exact: true }).selectOption('zh');
  await page.getByLabel('隐藏单元', { exact: true }).fill('10');
  await page.getByLabel('隐藏单元', { exact: true }).press('Enter');
  const hovers = () =>
    page.evaluate(() => {
      type T = { name?: string; text?: string[]; hovertemplate?: string };
      const data = (id: string) =>
        (document.querySelector(`[data-testid="${id}"]`) as HTMLElement & { data: T[] }).data;
      return [
        data('fit-plot').find((t) => t.name === 'hinges')?.text?.[0] ?? '',
        data('loss-plot').find((t) => t.name === 'loss')?.hovertemplate ?? '',
      ];
    });
  await expect.poll(async () => (await hovers())[0]).toMatch(/^单元 \d+：折点在 x = /);
  expect((await hovers())[1]).toContain('步数 %{x}<br>损失');
  expect(consoleErrors).toEqual([]);
});
