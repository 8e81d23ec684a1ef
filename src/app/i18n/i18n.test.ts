import { describe, expect, it } from 'vitest';
import { PRESET_IDS, PRESETS } from '../../core/presets';
import { enCompare } from './en/compare';
import { enControls } from './en/controls';
import { enData } from './en/data';
import { enExperiment } from './en/experiment';
import { enLessons } from './en/lessons';
import { enNetwork } from './en/network';
import { enPage, type AdviceText } from './en/page';
import { enPlots } from './en/plots';
import { initialLanguage, messagesFor } from './index';

/** What the rate advice is about: the tutorial's options unless `options` says otherwise. */
function adviceOf(
  points: number,
  layers: readonly number[],
  suggestion: number,
  learningRate: number,
  times: number,
  options: Partial<AdviceText> = {},
): AdviceText {
  return {
    points,
    batch: points,
    reduction: 'sum',
    optimizer: 'sgd',
    momentum: 0.9,
    layers,
    suggestion,
    learningRate,
    times,
    ...options,
  };
}

/** Sample arguments for message functions; `problem` takes one of core's problems (every code is tested in src/messages). */
function sampleArgs(path: string): unknown[] {
  if (path === 'problem') return [{ code: 'csv.empty' }];
  if (path === 'engine') return ['wasm-relaxed'];
  // Joins two sentences already in the language: given Chinese ones, as it is in 中文.
  if (path === 'lessonJoin') return ['一句。', '二句。'];
  // The rate advice names the network by its layer widths.
  if (path === 'lrAdvice' || path === 'rescueWhy')
    return [adviceOf(30, [32, 16, 8], 0.005, 0.1, 20)];
  // The comparison's messages take what it varies, by key or by its label, and its values.
  if (path === 'compareIntro') return ['Activation'];
  if (path === 'compareVaryLabel') return ['activation'];
  if (path === 'compareRunTitle') return ['hidden', '10'];
  if (path === 'compareOneOf') return [['relu', 'tanh']];
  return [3, 7, 'x'];
}

/** Every leaf of a dictionary as [path, text], calling message functions with sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function')
    return [[path, String((value as (...a: unknown[]) => unknown)(...sampleArgs(path)))]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}

describe('i18n', () => {
  it('Chinese has every English message, none empty, and really translated', () => {
    const en = leaves(messagesFor('en'));
    const zh = new Map(leaves(messagesFor('zh')));
    expect([...zh.keys()].sort()).toEqual(en.map(([k]) => k).sort());
    for (const [, text] of zh) expect(text.trim()).not.toBe('');
    // Formulas are mathematics, the same in both languages (ELU's has words, and is checked);
    // the list separator is punctuation ('、').
    const words = [...zh].filter(
      ([k]) =>
        (!k.startsWith('activationFormulas.') || k === 'activationFormulas.elu') &&
        k !== 'listSeparator',
    );
    const han = words.filter(([, text]) => /[\u4e00-\u9fff]/.test(text)).length;
    // Only names that are the same in both (ReLU, tanh, Sigmoid, the range hint) stay untranslated.
    expect(han).toBeGreaterThan(words.length - 5);
  });

  it('composes the English parts without one key shadowing another', () => {
    const parts = [
      enPage,
      enControls,
      enExperiment,
      enPlots,
      enNetwork,
      enLessons,
      enData,
      enCompare,
    ];
    const keys = parts.flatMap((part) => Object.keys(part));
    // A key in two parts would be lost to the later spread: every key once, and all of them used.
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(messagesFor('en')).sort());
  });

  it('names every engine, differently, in both languages', () => {
    for (const language of ['en', 'zh'] as const) {
      const names = (['wasm-relaxed', 'wasm-simd128', 'ts'] as const).map(
        messagesFor(language).engine,
      );
      expect(new Set(names).size).toBe(3);
      for (const name of names) expect(name?.trim()).toBeTruthy();
    }
  });

  it('keeps the preset captions of core in the English dictionary, word for word', () => {
    const en = messagesFor('en');
    for (const id of PRESET_IDS) {
      expect(en.presetCaptions[id]).toBe(PRESETS[id].caption);
      expect(en.presetLabels[id]).toBe(PRESETS[id].label);
    }
  });

  it('words the rate advice for the network it is about: one layer as before, layers at depth', () => {
    const en = messagesFor('en');
    const zh = messagesFor('zh');
    expect(en.lrAdvice(adviceOf(30, [10], 0.005, 0.1, 20))).toBe(
      'Each step sums the gradient over the 30 training points and 10 hidden units, so a rate that trains safely here is about 0.005; 0.1 is 20× that and may blow up or kill units.',
    );
    expect(en.lrAdvice(adviceOf(30, [16, 16, 16], 0.005, 0.1, 20))).toContain(
      'over the 30 training points in a network of 3 hidden layers of 16 units, so',
    );
    expect(en.rescueWhy(adviceOf(30, [32, 16, 8], 0.005, 0.1, 20))).toContain(
      'over the 30 training points in a network of hidden layers of 32, 16 and 8 units, so',
    );
    expect(zh.lrAdvice(adviceOf(30, [10], 0.005, 0.1, 20))).toMatch(
      /^每一步都把梯度在 30 个训练点和 10 个隐藏单元上求和，/,
    );
    expect(zh.lrAdvice(adviceOf(30, [16, 16, 16], 0.005, 0.1, 20))).toMatch(
      /^每一步都在有 3 个隐藏层、每层 16 个单元的网络中把梯度在 30 个训练点上求和，/,
    );
    expect(zh.rescueWhy(adviceOf(30, [32, 16, 8], 0.005, 0.1, 20))).toMatch(
      /^每一步都在隐藏层宽度为 32、16、8 的网络中把梯度在 30 个训练点上求和，/,
    );
  });

  it('counts imported points in the right number', () => {
    const en = messagesFor('en');
    expect(en.dataImported('one.csv', 1, '')).toBe('one.csv: 1 point imported.');
    expect(en.dataImported('two.csv', 2, '')).toBe('two.csv: 2 points imported.');
    expect(en.ownDataPoints(1)).toBe('1 own point');
    expect(messagesFor('zh').dataImported('one.csv', 1, '')).toBe('one.csv：已导入 1 个数据点。');
  });

  it('uses the stored choice, else Chinese for a Chinese browser, else English', () => {
    expect(initialLanguage('zh', ['en-US'])).toBe('zh');
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage(null, ['zh-TW', 'en'])).toBe('zh');
    expect(initialLanguage('klingon', ['de-DE'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
  });
});
