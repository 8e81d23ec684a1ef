import { describe, it, expect } from 'vitest';
import { DEFAULT_CONFIG, NUMERIC_SPECS, parseNumeric, validateConfig, type NumericSpec } from './config';
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

  it.each(['abc', '100000', '', '   ', '0x10', 'Infinity', '-1', '2.5', '1e999', '12px'])('rejects %j with the range in the message', (text) => {
    const result = parseNumeric(text, INT_SPEC);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatEn(result.problem)).toContain('a whole number from 0 to 10000');
  });

  it('says why: not a number vs out of range', () => {
    expect(parseNumeric('abc', INT_SPEC)).toEqual({ ok: false, problem: { code: 'number.notNumber', text: 'abc', range: INT_SPEC } });
    expect(parseNumeric('100000', INT_SPEC)).toEqual({ ok: false, problem: { code: 'number.outOfRange', range: INT_SPEC } });
    const words = (text: string) => {
      const r = parseNumeric(text, INT_SPEC);
      return r.ok ? '' : formatEn(r.problem);
    };
    expect(words('abc')).toBe('"abc" is not a number. Enter a whole number from 0 to 10000.');
    expect(words('100000')).toBe('Out of range: enter a whole number from 0 to 10000.');
    expect(words('2.5')).toBe('Enter a whole number from 0 to 10000.');
  });
});

describe('parseNumeric, learning rate (exclusive minimum 0)', () => {
  const lr = NUMERIC_SPECS.learningRate;

  it('rejects 0 and says "above 0"', () => {
    const result = parseNumeric('0', lr);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatEn(result.problem)).toContain('a number above 0 to 10');
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
    const bad = { ...DEFAULT_CONFIG, points: 1, learningRate: 0, seed: 2 ** 32, speed: 0, activation: 'gelu' as never };
    expect(validateConfig(bad).sort()).toEqual(
      ['learningRate out of range', 'points out of range', 'seed out of range', 'speed must be positive', 'unknown activation "gelu"'].sort(),
    );
  });

  it('accepts an infinite speed (as fast as possible)', () => {
    expect(validateConfig({ ...DEFAULT_CONFIG, speed: Infinity })).toEqual([]);
  });
});
