import { describe, expect, it } from 'vitest';
import { argsProblem, onlyNames, usage } from './usage';

const KERNEL = ['relu-30x10', 'tanh-1000x1000'];

describe('the bench command line', () => {
  it('takes its flags and --only names of every kind', () => {
    expect(argsProblem([], KERNEL)).toBeNull();
    expect(argsProblem(['--markdown', '--deep'], KERNEL)).toBeNull();
    expect(
      argsProblem(['--only', 'relu-30x10,deep-sgd-256x3-1000,wasm-dense-2threads,numpy'], KERNEL),
    ).toBeNull();
  });

  it('names an unknown flag, an unknown --only name and a missing list, rather than running', () => {
    expect(argsProblem(['--mardown'], KERNEL)).toBe('unknown option "--mardown"');
    expect(argsProblem(['--only', 'relu-30x10,deep-sgd-64x4-1000'], KERNEL)).toBe(
      '--only: no configuration or implementation named "deep-sgd-64x4-1000"',
    );
    expect(argsProblem(['--only'], KERNEL)).toBe('--only needs a comma-separated list');
    expect(argsProblem(['--only', '--deep'], KERNEL)).toBe('--only needs a comma-separated list');
  });

  it('lists in --help every name --only accepts', () => {
    const text = usage(KERNEL);
    for (const name of onlyNames(KERNEL)) expect(text).toContain(name);
  });
});
