/** The comparison in a link: `compare=activation:none,relu,tanh,sigmoid` (issue #22). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE } from './compare';
import { DEFAULT_CONFIG } from './config';
import { quote } from './quote';
import { MAX_COMPARE_TEXT } from './urlFields';
import {
  MAX_QUERY_LENGTH,
  parseUrlState,
  serializeUrlState,
  settingsFromUrl,
  type UrlSettings,
} from './urlState';
import { formatEn } from '../messages/en';
import { formatZh } from '../messages/zh';

const BASE: UrlSettings = { ...DEFAULT_CONFIG, preset: null, hide: [], compare: null };

/** The notice's sentences for a query, in English. */
function notices(search: string): string[] {
  return parseUrlState(search).problems.map(formatEn);
}

const GENERAL =
  'a setting to vary (activation, hidden, layers, init, optimizer, learningRate, batch), a colon and 2 to 4 distinct values separated by commas, such as activation:none,relu,tanh,sigmoid';

describe('URL state: comparisons', () => {
  it('writes the default comparison as the issue does, and reads it back', () => {
    const state: UrlSettings = { ...BASE, compare: DEFAULT_COMPARE };
    const query = serializeUrlState(state);
    expect(query).toBe('?compare=activation:none,relu,tanh,sigmoid');
    expect(settingsFromUrl(parseUrlState(query).settings)).toEqual(state);
    // None is the single view: nothing written, null read.
    expect(serializeUrlState(BASE)).toBe('');
    expect(settingsFromUrl(parseUrlState('').settings).compare).toBeNull();
  });

  it('round-trips a comparison beside the base settings and a preset, values canonical', () => {
    const parsed = parseUrlState('?preset=square-relu&compare=learningRate:1e-3,0.003,0.01&seed=4');
    expect(parsed.problems).toEqual([]);
    const state = settingsFromUrl(parsed.settings);
    expect(state).toMatchObject({
      preset: 'square-relu',
      seed: 4,
      compare: { vary: 'learningRate', values: ['0.001', '0.003', '0.01'] },
    });
    const query = serializeUrlState(state);
    expect(query).toBe('?seed=4&preset=square-relu&compare=learningRate:0.001,0.003,0.01');
    expect(settingsFromUrl(parseUrlState(query).settings)).toEqual(state);
    const batch = settingsFromUrl(parseUrlState('?compare=batch:full,8,1&optimizer=adam').settings);
    expect(batch.compare).toEqual({ vary: 'batch', values: ['full', '8', '1'] });
    expect(settingsFromUrl(parseUrlState(serializeUrlState(batch)).settings)).toEqual(batch);
  });

  it('reports every bad form with what a comparison accepts, and opens the single view', () => {
    const bad = [
      '',
      'activation',
      'relu,tanh',
      ':relu,tanh',
      'colour:red,blue',
      'Activation:relu,tanh',
      'activation:relu',
      'activation:relu,relu',
      'activation:none,relu,tanh,sigmoid,elu',
      'learningRate:0.01,1e-2',
    ];
    for (const text of bad) {
      const { settings, problems } = parseUrlState(`?compare=${encodeURIComponent(text)}`);
      expect(settings, text).toEqual({});
      expect(problems.map(formatEn), text).toEqual([
        `compare="${quote(text)}" is not valid (${GENERAL}): the default is used.`,
      ]);
    }
  });

  it("names the varied setting's rule when one of its values is bad", () => {
    expect(notices('?compare=hidden:10,2000')).toEqual([
      `compare="hidden:10,2000" is not valid (${GENERAL}; each hidden value is a whole number from 1 to 1024): the default is used.`,
    ]);
    expect(notices('?compare=activation:relu,,tanh')[0]).toContain('; each activation value is');
    expect(notices('?compare=activation:relu,Tanh')[0]).toContain(
      '; each activation value is one of none, relu,',
    );
    expect(notices('?compare=learningRate:0.01,0')[0]).toContain(
      '; each learningRate value is a number from 1e-37 to 10)',
    );
    const zh = parseUrlState('?compare=layers:1,9').problems.map(formatZh);
    expect(zh).toEqual([
      'compare="layers:1,9" 无效（应为要比较的设置（activation, hidden, layers, init, optimizer, learningRate, batch）、一个冒号，以及 2 到 4 个用逗号分隔的不同取值，如 activation:none,relu,tanh,sigmoid；layers 的每个取值应为介于 1 和 4 之间的整数）：已使用默认值。',
    ]);
  });

  it('reads a comparison once, and refuses one longer than any real one without parsing it', () => {
    expect(notices('?compare=activation:none,relu&compare=init:he,glorot')).toEqual([
      '"compare" appears more than once: the first is used.',
    ]);
    const long = `activation:none,relu${' '.repeat(MAX_COMPARE_TEXT)}`;
    const { settings, problems } = parseUrlState(`?compare=${long}`);
    expect(settings).toEqual({});
    expect(problems.map(formatEn)).toEqual([
      `compare="activation:none,relu    …" is not valid (${GENERAL}): the default is used.`,
    ]);
    // The longest real comparison (four long learning rates) is read.
    const rates = 'learningRate:0.000123456789,0.000234567891,0.000345678912,0.000456789123';
    expect(parseUrlState(`?compare=${rates}`).problems).toEqual([]);
    // And the whole query's own limit still holds.
    expect(parseUrlState(`?compare=${'a'.repeat(MAX_QUERY_LENGTH)}`).problems).toEqual([
      { code: 'url.tooLong' },
    ]);
  });
});
