import { describe, it, expect } from 'vitest';
import {
  checkSetting,
  DEFAULT_CONFIG,
  MIN_LEARNING_RATE,
  NUMERIC_SPECS,
  parseNumeric,
  validateConfig,
  type NumericSpec,
} from './config';
import { formatEn } from '../messages/en';

const INT_SPEC: NumericSpec = { min: 0, max: 10000, integer: true, minInclusive: true };

describe('parseNumeric, integer spec 0..10000', () => {
  it.each([
    ['0', 0],
    [' 12 ', 12],
    ['1e3', 1000],
    ['+7', 7],
  ])('accepts %j as %d', (text, value) => {
    expect(parseNumeric(text, INT_SPEC)).toEqual({ ok: true, value });
  });

  it.each(['abc', '100000', '', '   ', '0x10', 'Infinity', '-1', '2.5', '1e999', '12px'])(
    'rejects %j with the range in the message',
    (text) => {
      const result = parseNumeric(text, INT_SPEC);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(formatEn(result.problem)).toContain('a whole number from 0 to 10000');
    },
  );

  it('says why: not a number vs out of range', () => {
    expect(parseNumeric('abc', INT_SPEC)).toEqual({
      ok: false,
      problem: { code: 'number.notNumber', text: 'abc', range: INT_SPEC },
    });
    expect(parseNumeric('100000', INT_SPEC)).toEqual({
      ok: false,
      problem: { code: 'number.outOfRange', range: INT_SPEC },
    });
    const words = (text: string) => {
      const r = parseNumeric(text, INT_SPEC);
      return r.ok ? '' : formatEn(r.problem);
    };
    expect(words('abc')).toBe('"abc" is not a number. Enter a whole number from 0 to 10000.');
    expect(words('100000')).toBe('Out of range: enter a whole number from 0 to 10000.');
    expect(words('2.5')).toBe('Enter a whole number from 0 to 10000.');
  });
});

describe('parseNumeric, learning rate (smallest: 1e-37, a normal float32)', () => {
  const lr = NUMERIC_SPECS.learningRate;

  it('rejects 0, and rates that are 0 or subnormal in float32, saying the smallest accepted', () => {
    for (const text of ['0', '1e-320', '1e-46', '1e-38']) {
      const result = parseNumeric(text, lr);
      expect(result.ok, text).toBe(false);
      if (!result.ok)
        expect(formatEn(result.problem)).toBe('Out of range: enter a number from 1e-37 to 10.');
    }
    // 1e-320 is 0 in float32 (and subnormal in float64); 1e-38 is subnormal in float32.
    expect(Math.fround(1e-320)).toBe(0);
    expect(Math.fround(1e-38)).toBeLessThan(2 ** -126);
  });

  it('accepts the smallest rate, which float32 holds as a normal number', () => {
    expect(parseNumeric('1e-37', lr)).toEqual({ ok: true, value: MIN_LEARNING_RATE });
    expect(Math.fround(MIN_LEARNING_RATE)).toBeGreaterThanOrEqual(2 ** -126);
  });

  it('accepts small positive and fractional rates, and the maximum', () => {
    expect(parseNumeric('1e-4', lr)).toEqual({ ok: true, value: 1e-4 });
    expect(parseNumeric('.01', lr)).toEqual({ ok: true, value: 0.01 });
    expect(parseNumeric('10', lr)).toEqual({ ok: true, value: 10 });
    expect(parseNumeric('10.5', lr).ok).toBe(false);
  });
});

describe('validateConfig', () => {
  it('finds nothing wrong with the default config', () => {
    expect(validateConfig(DEFAULT_CONFIG)).toEqual([]);
  });

  it('reports each bad field', () => {
    const bad = {
      ...DEFAULT_CONFIG,
      points: 1,
      learningRate: 0,
      seed: 2 ** 32,
      speed: 0,
      activation: 'gelu' as never,
      testShare: 0.95,
    };
    expect(
      validateConfig(bad)
        .map((p) => p.key)
        .sort(),
    ).toEqual(['activation', 'learningRate', 'points', 'seed', 'speed', 'testShare']);
  });

  it('checks the target expression as the expression field does: it must compile and be finite on [-1, 1]', () => {
    const custom = { ...DEFAULT_CONFIG, dataset: 'custom' as const };
    expect(validateConfig({ ...custom, expression: 'sin(' })).toEqual([
      {
        key: 'expression',
        accepts: { kind: 'expression', maxLength: 200 },
        expression: { code: 'expr.endsEarly' },
      },
    ]);
    expect(validateConfig({ ...custom, expression: 'log(x)' })[0]?.expression).toEqual({
      code: 'expr.notFinite',
      x: -1,
    });
    expect(validateConfig({ ...custom, expression: undefined }).map((p) => p.key)).toEqual([
      'expression',
    ]);
    // Kept for later on a built-in dataset, it must still be valid.
    expect(validateConfig({ ...DEFAULT_CONFIG, expression: '1/x' }).map((p) => p.key)).toEqual([
      'expression',
    ]);
    expect(validateConfig({ ...DEFAULT_CONFIG, expression: undefined })).toEqual([]);
  });

  it('checkSetting refuses values of the wrong type, whatever their text', () => {
    expect(checkSetting('points', '30')).not.toBeNull();
    expect(checkSetting('dataset', 'quadratic')).toBeNull();
    expect(checkSetting('expression', 42)).not.toBeNull();
    expect(checkSetting('speed', Infinity)).toBeNull();
    expect(checkSetting('speed', 7)).not.toBeNull();
    expect(checkSetting('testShare', 0.9)).toBeNull();
    expect(checkSetting('learningRate', 1e-320)).not.toBeNull();
  });

  it('accepts an infinite speed (as fast as possible)', () => {
    expect(validateConfig({ ...DEFAULT_CONFIG, speed: Infinity })).toEqual([]);
  });
});
