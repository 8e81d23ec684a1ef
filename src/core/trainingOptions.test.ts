import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, NUMERIC_SPECS } from './config';
import {
  checkTrainingOption,
  DEFAULT_TRAINING_OPTIONS,
  MAX_BATCH,
  TRAINING_NUMERIC_SPECS,
  trainingOptionsOf,
  validateTrainingOptions,
} from './trainingOptions';
import { parseUrlState } from './urlState';

describe('training options', () => {
  it("defaults to the tutorial's training: full batch, summed gradient, sgd, no penalty", () => {
    expect(DEFAULT_TRAINING_OPTIONS).toEqual({
      batchSize: null,
      reduction: 'sum',
      optimizer: 'sgd',
      momentum: 0.9,
      l1: 0,
      l2: 0,
    });
    expect(validateTrainingOptions({ ...DEFAULT_TRAINING_OPTIONS })).toEqual([]);
  });

  it('accepts what is in range', () => {
    const good: [keyof typeof DEFAULT_TRAINING_OPTIONS, unknown][] = [
      ['batchSize', null],
      ['batchSize', 1],
      ['batchSize', 5000],
      ['reduction', 'mean'],
      ['optimizer', 'adam'],
      ['optimizer', 'rmsprop'],
      ['momentum', 0],
      ['momentum', 0.999],
      ['l1', 1e-4],
      ['l2', 10],
    ];
    for (const [key, value] of good) expect(checkTrainingOption(key, value)).toBeNull();
  });

  it('refuses what is not, saying what it accepts', () => {
    const bad: [keyof typeof DEFAULT_TRAINING_OPTIONS, unknown][] = [
      ['batchSize', 0],
      ['batchSize', 2.5],
      ['batchSize', 5001],
      ['batchSize', '8'],
      ['reduction', 'avg'],
      ['optimizer', 'Adam'],
      ['optimizer', undefined],
      ['momentum', 1],
      ['momentum', -0.1],
      ['l1', -1e-9],
      ['l2', Infinity],
      ['l2', NaN],
    ];
    for (const [key, value] of bad) expect(checkTrainingOption(key, value)?.key).toBe(key);
    expect(checkTrainingOption('momentum', 1)?.accepts).toEqual({
      kind: 'range',
      range: TRAINING_NUMERIC_SPECS.momentum,
    });
    expect(checkTrainingOption('optimizer', 'x')?.accepts).toEqual({
      kind: 'oneOf',
      values: ['sgd', 'momentum', 'rmsprop', 'adam'],
    });
  });

  it('lists every problem of a set of options', () => {
    const problems = validateTrainingOptions({
      ...DEFAULT_TRAINING_OPTIONS,
      batchSize: 0,
      l2: -1,
    });
    expect(problems.map((p) => p.key)).toEqual(['batchSize', 'l2']);
  });
});

describe('training options in the config and in links', () => {
  it('a batch holds at most as many points as a dataset may have', () => {
    expect(MAX_BATCH).toBe(NUMERIC_SPECS.points.max);
  });

  it('the default config carries the default options, and a link carries changed ones', () => {
    expect(trainingOptionsOf(DEFAULT_CONFIG)).toEqual(DEFAULT_TRAINING_OPTIONS);
    const parsed = parseUrlState(
      '?batch=8&reduction=mean&optimizer=adam&momentum=0.5&l1=0&l2=0.001',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual({
      batchSize: 8,
      reduction: 'mean',
      optimizer: 'adam',
      momentum: 0.5,
      l1: 0,
      l2: 0.001,
    });
    expect(parseUrlState('?batch=full').settings).toEqual({ batchSize: null });
    const bad = parseUrlState('?batch=0&optimizer=lbfgs&l2=-1');
    expect(bad.settings).toEqual({});
    expect(bad.problems.map((p) => p.code)).toEqual(['url.invalid', 'url.invalid', 'url.invalid']);
  });
});
