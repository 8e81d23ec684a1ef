import { describe, expect, it } from 'vitest';
import {
  baseValue,
  checkValues,
  compareConfigs,
  DEFAULT_COMPARE,
  DEFAULT_VALUES,
  formatCompare,
  parseCompare,
  parseVaryValue,
  VARY_KEYS,
} from './compare';
import { DEFAULT_CONFIG, validateConfig } from './config';

describe('comparison values', () => {
  it('reads values in canonical form and refuses others with the setting they break', () => {
    expect(parseVaryValue('learningRate', ' 1e-2 ')).toEqual({ ok: true, value: '0.01' });
    expect(parseVaryValue('activation', 'relu')).toEqual({ ok: true, value: 'relu' });
    expect(parseVaryValue('batch', 'full')).toEqual({ ok: true, value: 'full' });
    expect(parseVaryValue('batch', '8')).toEqual({ ok: true, value: '8' });
    const bad = parseVaryValue('hidden', '2000');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.key).toBe('layers');
    expect(parseVaryValue('layers', '5').ok).toBe(false);
    expect(parseVaryValue('activation', 'Relu').ok).toBe(false);
    expect(parseVaryValue('learningRate', '0').ok).toBe(false);
  });

  it('gives every default value a valid config that differs from the base only in the varied setting', () => {
    for (const vary of VARY_KEYS) {
      const configs = compareConfigs(DEFAULT_CONFIG, { vary, values: DEFAULT_VALUES[vary] });
      expect(configs).toHaveLength(DEFAULT_VALUES[vary].length);
      for (const config of configs) expect(validateConfig(config)).toEqual([]);
      // Distinct values make distinct runs.
      expect(new Set(configs.map((c) => JSON.stringify(c))).size).toBe(configs.length);
      for (const value of DEFAULT_VALUES[vary])
        expect(parseVaryValue(vary, value)).toEqual({ ok: true, value });
    }
  });

  it('keeps depth when varying width and width when varying depth', () => {
    const base = { ...DEFAULT_CONFIG, layers: [16, 8] };
    expect(compareConfigs(base, { vary: 'hidden', values: ['3'] })[0]?.layers).toEqual([3, 3]);
    expect(compareConfigs(base, { vary: 'layers', values: ['3'] })[0]?.layers).toEqual([
      16, 16, 16,
    ]);
    expect(compareConfigs(base, { vary: 'batch', values: ['full'] })[0]?.batchSize).toBeNull();
  });

  it("names the base's own value", () => {
    expect(baseValue(DEFAULT_CONFIG, 'activation')).toBe('relu');
    expect(baseValue(DEFAULT_CONFIG, 'learningRate')).toBe('0.01');
    expect(baseValue(DEFAULT_CONFIG, 'batch')).toBe('full');
    expect(baseValue({ ...DEFAULT_CONFIG, layers: [5, 5, 5] }, 'layers')).toBe('3');
  });
});

describe('comparison links', () => {
  it('round-trips the default comparison as the issue writes it', () => {
    expect(formatCompare(DEFAULT_COMPARE)).toBe('activation:none,relu,tanh,sigmoid');
    expect(parseCompare('activation:none,relu,tanh,sigmoid')).toEqual(DEFAULT_COMPARE);
    expect(parseCompare('learningRate:1e-3,0.01')).toEqual({
      vary: 'learningRate',
      values: ['0.001', '0.01'],
    });
  });

  it('refuses unknown settings, bad values, repeats and counts outside 2 to 4', () => {
    for (const text of [
      '',
      'activation',
      'colour:red,blue',
      'activation:relu',
      'activation:relu,relu',
      'activation:none,relu,tanh,sigmoid,elu',
      'hidden:10,abc',
      'learningRate:0.01,1e-2',
    ])
      expect(parseCompare(text), text).toBeUndefined();
    expect(checkValues(['a', 'a'])).toEqual({ code: 'compare.repeated', value: 'a' });
    expect(checkValues(['a'])).toEqual({ code: 'compare.count', min: 2, max: 4 });
  });
});
