import { describe, expect, it } from 'vitest';
import { nextValue, readValue } from './compareValues';

describe('a comparison’s values as typed', () => {
  it('reads canonical values', () => {
    expect(readValue('learningRate', ' 1e-2 ', ['0.001', '0.03'], 1)).toEqual({
      ok: true,
      value: '0.01',
    });
    expect(readValue('batch', 'full', ['8', '1'], 0)).toEqual({ ok: true, value: 'full' });
  });

  it('says what is wrong in core’s words for the setting', () => {
    const r = readValue('hidden', '2000', ['1', '3'], 0);
    expect(r).toMatchObject({
      ok: false,
      problem: { kind: 'setting', problem: { code: 'number.outOfRange' } },
    });
    expect(readValue('layers', 'two', ['1', '3'], 0)).toMatchObject({
      ok: false,
      problem: { kind: 'setting', problem: { code: 'number.notNumber' } },
    });
    expect(readValue('activation', 'swish', ['relu', 'none'], 0)).toMatchObject({
      ok: false,
      problem: { kind: 'oneOf' },
    });
  });

  it('refuses a value another run already has, not the run’s own', () => {
    expect(readValue('hidden', '10', ['1', '10'], 0)).toEqual({
      ok: false,
      problem: { kind: 'repeated', value: '10' },
    });
    expect(readValue('hidden', '10', ['1', '10'], 1)).toEqual({ ok: true, value: '10' });
  });

  it('gives a new run an unused value, none past four runs', () => {
    expect(nextValue('hidden', ['1', '3', '10'])).toBe('50');
    expect(nextValue('layers', ['1', '2', '3'])).toBe('4');
    expect(nextValue('batch', ['full', '8', '1'])).toBe('4');
    expect(nextValue('init', ['tutorial', 'glorot', 'he'])).toBeNull();
    expect(nextValue('activation', ['none', 'relu', 'tanh', 'sigmoid'])).toBeNull();
    expect(nextValue('activation', ['relu', 'tanh'])).toBe('none');
  });
});
