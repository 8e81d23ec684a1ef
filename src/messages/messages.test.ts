import { describe, expect, it } from 'vitest';
import { NUMERIC_SPECS } from '../core/config';
import { parseCsv } from '../core/csv';
import { checkExpression } from '../core/dataset';
import { readModelFile } from '../core/modelFile';
import type { Problem, ProblemCode } from '../core/problems';
import { parseUrlState } from '../core/urlState';
import { formatEn, problemsEn } from './en';
import { formatZh, problemsZh } from './zh';

/** One sample of every code: a code missing here (or with the wrong shape) is a compile error. */
const SAMPLES: { [C in ProblemCode]: Extract<Problem, { code: C }> } = {
  'csv.tooLarge': { code: 'csv.tooLarge', maxBytes: 1_000_000 },
  'csv.empty': { code: 'csv.empty' },
  'csv.columns': { code: 'csv.columns', line: 3, found: 1 },
  'csv.notNumber': { code: 'csv.notNumber', line: 7, text: 'abc' },
  'csv.tooManyPoints': { code: 'csv.tooManyPoints', max: 5000 },
  'csv.numberTooLarge': { code: 'csv.numberTooLarge', line: 2 },
  'csv.headerOnly': { code: 'csv.headerOnly' },
  'csv.rescaled': { code: 'csv.rescaled', lo: 0, hi: 12.3456 },
  'layers.empty': { code: 'layers.empty' },
  'layers.count': { code: 'layers.count', max: 4 },
  'layers.width': { code: 'layers.width', layer: 2, text: 'abc', range: NUMERIC_SPECS.hidden },
  'expr.tooLong': { code: 'expr.tooLong', max: 200 },
  'expr.empty': { code: 'expr.empty' },
  'expr.unexpectedChar': { code: 'expr.unexpectedChar', char: '$' },
  'expr.unexpectedToken': { code: 'expr.unexpectedToken', token: '*' },
  'expr.unmatchedParen': { code: 'expr.unmatchedParen' },
  'expr.expectedOperator': { code: 'expr.expectedOperator' },
  'expr.tooDeep': { code: 'expr.tooDeep' },
  'expr.callNeedsParen': { code: 'expr.callNeedsParen', name: 'sin' },
  'expr.unclosedCall': { code: 'expr.unclosedCall', name: 'sin' },
  'expr.unclosed': { code: 'expr.unclosed', close: '|' },
  'expr.unknownName': { code: 'expr.unknownName', name: 'y' },
  'expr.endsEarly': { code: 'expr.endsEarly' },
  'expr.notFinite': { code: 'expr.notFinite', x: 0.5 },
  'number.empty': { code: 'number.empty', range: NUMERIC_SPECS.points },
  'number.notNumber': { code: 'number.notNumber', text: 'abc', range: NUMERIC_SPECS.points },
  'number.outOfRange': { code: 'number.outOfRange', range: NUMERIC_SPECS.learningRate },
  'number.notWhole': { code: 'number.notWhole', range: NUMERIC_SPECS.hidden },
  'url.tooLong': { code: 'url.tooLong' },
  'url.undecodable': { code: 'url.undecodable', count: 2 },
  'url.unknownKey': { code: 'url.unknownKey', key: 'bogus' },
  'url.repeated': { code: 'url.repeated', key: 'hidden' },
  'url.invalid': {
    code: 'url.invalid',
    key: 'points',
    value: 'abc',
    accepts: { kind: 'range', range: NUMERIC_SPECS.points },
  },
  'url.badItem': {
    code: 'url.badItem',
    key: 'hide',
    item: 'datset',
    accepts: { kind: 'keyList', keys: ['dataset', 'points'] },
  },
  'model.tooLarge': { code: 'model.tooLarge' },
  'model.notJson': { code: 'model.notJson' },
  'model.notOurs': { code: 'model.notOurs' },
  'model.version': { code: 'model.version', found: '3', supported: [1, 2] },
  'model.missing': { code: 'model.missing', field: 'params' },
  'model.setting': {
    code: 'model.setting',
    field: 'hidden',
    accepts: { kind: 'range', range: NUMERIC_SPECS.hidden },
  },
  'model.expression': {
    code: 'model.expression',
    problem: { code: 'expr.unknownName', name: 'y' },
  },
  'model.layerCount': { code: 'model.layerCount', expected: 3, found: 2 },
  'model.layer': { code: 'model.layer', name: 'params[2]', layer: { kind: 'output' } },
  'model.shape': {
    code: 'model.shape',
    name: 'params[1].w',
    layer: { kind: 'hidden', index: 2 },
    part: 'w',
    rows: 32,
    cols: 16,
  },
  'model.notNumber': {
    code: 'model.notNumber',
    name: 'params.b2',
    layer: { kind: 'output' },
    part: 'b',
    value: '"0.1"',
  },
  'model.float32': {
    code: 'model.float32',
    name: 'params[0].b',
    layer: { kind: 'hidden', index: 1 },
    part: 'b',
  },
  'model.step': { code: 'model.step', max: 1000 },
};

const HAN = /[\u4e00-\u9fff]/;

describe('problem messages', () => {
  it('has an English and a Chinese formatter for every code, and nothing else', () => {
    const codes = Object.keys(SAMPLES).sort();
    expect(Object.keys(problemsEn).sort()).toEqual(codes);
    expect(Object.keys(problemsZh).sort()).toEqual(codes);
  });

  it.each(Object.values(SAMPLES))('words $code in English and in Chinese', (problem) => {
    const en = formatEn(problem);
    const zh = formatZh(problem);
    expect(en.trim()).not.toBe('');
    expect(en).not.toMatch(HAN);
    expect(zh).toMatch(HAN);
    expect(zh).not.toBe(en);
    // Parameters reach the text in both languages (bytes are shown in MB).
    for (const [key, value] of Object.entries(problem)) {
      if (
        (typeof value === 'number' || typeof value === 'string') &&
        key !== 'code' &&
        key !== 'maxBytes'
      ) {
        const shown = typeof value === 'number' ? String(+value.toPrecision(4)) : value;
        expect(en).toContain(shown);
        expect(zh).toContain(shown);
      }
    }
  });

  it('gives the expected text for some codes, in both languages', () => {
    const both = (p: Problem) => [formatEn(p), formatZh(p)];
    expect(both(SAMPLES['csv.notNumber'])).toEqual([
      'Line 7: "abc" is not a number.',
      '第 7 行：“abc”不是数字。',
    ]);
    expect(both(SAMPLES['csv.columns'])).toEqual([
      'Line 3: expected 2 columns (x, y), found 1.',
      '第 3 行：应有 2 列（x, y），实际有 1 列。',
    ]);
    expect(both(SAMPLES['csv.rescaled'])).toEqual([
      'x was rescaled from [0, 12.35] to [-1, 1].',
      'x 已从 [0, 12.35] 缩放到 [-1, 1]。',
    ]);
    expect(both(SAMPLES['expr.unclosedCall'])).toEqual([
      'Expected ")" to close sin(',
      '缺少与 sin( 配对的“)”',
    ]);
    expect(both(SAMPLES['expr.notFinite'])).toEqual([
      'Not a finite number at x = 0.5: the target must be defined on [-1, 1]',
      '在 x = 0.5 处不是有限数：目标函数必须在 [-1, 1] 上处处有定义',
    ]);
    expect(both(SAMPLES['number.notNumber'])).toEqual([
      '"abc" is not a number. Enter a whole number from 2 to 5000.',
      '“abc”不是数字。请输入介于 2 和 5000 之间的整数。',
    ]);
    expect(both(SAMPLES['number.outOfRange'])).toEqual([
      'Out of range: enter a number from 1e-37 to 10.',
      '超出范围：请输入介于 1e-37 和 10 之间的数。',
    ]);
    expect(both(SAMPLES['url.invalid'])).toEqual([
      'points="abc" is not valid (a whole number from 2 to 5000): the default is used.',
      'points="abc" 无效（应为介于 2 和 5000 之间的整数）：已使用默认值。',
    ]);
    expect(both(SAMPLES['url.undecodable'])).toEqual([
      '2 parts of the link could not be decoded and were ignored.',
      '链接中有 2 处无法解码，已忽略。',
    ]);
    expect(formatEn({ code: 'url.undecodable', count: 1 })).toBe(
      '1 part of the link could not be decoded and was ignored.',
    );
    expect(both(SAMPLES['csv.tooLarge'])).toEqual([
      'The file is too large: at most 1 MB.',
      '文件太大：最多 1 MB。',
    ]);
    expect(both(SAMPLES['model.shape'])).toEqual([
      'params[1].w (the weights of hidden layer 2) must be a [32][16] list of numbers',
      'params[1].w（第 2 个隐藏层的权重）必须是 [32][16] 的数字列表',
    ]);
    expect(both(SAMPLES['model.notNumber'])).toEqual([
      'params.b2 (the biases of the output layer) holds "0.1", not a number',
      'params.b2（输出层的偏置）含有 "0.1"，不是数字',
    ]);
    expect(both(SAMPLES['model.layerCount'])).toEqual([
      'params must be a list of 3 layers, each {"w": …, "b": …}: one per hidden layer of config.layers, then the output layer (it has 2)',
      'params 必须是 3 个层组成的列表，每层为 {"w": …, "b": …}：config.layers 的每个隐藏层一个，最后是输出层（实际有 2 个）',
    ]);
    expect(both(SAMPLES['model.version'])).toEqual([
      'version 3 is not supported (this page reads version 1 or 2)',
      '不支持版本 3（本页面可读取版本 1 或 2）',
    ]);
  });

  it('words what core really reports, end to end', () => {
    const csv = parseCsv('x,y\n0.1,0.2\n0.5,banana\n');
    expect(csv.ok).toBe(false);
    if (!csv.ok)
      expect([formatEn(csv.problem), formatZh(csv.problem)]).toEqual([
        'Line 3: "banana" is not a number.',
        '第 3 行：“banana”不是数字。',
      ]);
    const expr = checkExpression('sin(3*x');
    expect(expr.ok).toBe(false);
    if (!expr.ok)
      expect([formatEn(expr.problem), formatZh(expr.problem)]).toEqual([
        'Expected ")" to close sin(',
        '缺少与 sin( 配对的“)”',
      ]);
    // One bad item of the hide list is reported on its own; the good ones are kept.
    const url = parseUrlState('?hide=dataset,rm');
    expect(url.settings.hide).toEqual(['dataset']);
    expect(url.problems.map(formatEn)).toEqual([
      '"rm" in hide= is not valid (a comma-separated list of dataset, points, noise, seed, data, test, hidden, activation, init, lr, speed, optimizer, momentum, batch, reduction, l1, l2, preset): it is ignored, the rest of the list is used.',
    ]);
    expect(url.problems.map(formatZh)).toEqual([
      'hide= 中的“rm”无效（应为逗号分隔的列表，可包含 dataset, points, noise, seed, data, test, hidden, activation, init, lr, speed, optimizer, momentum, batch, reduction, l1, l2, preset）：已忽略该项，列表其余部分照常使用。',
    ]);
    const model = readModelFile('{');
    expect(model.ok).toBe(false);
    if (!model.ok)
      expect([formatEn(model.problem), formatZh(model.problem)]).toEqual([
        'the file is not valid JSON',
        '文件不是有效的 JSON',
      ]);
  });
});
