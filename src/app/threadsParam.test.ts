import { expect, it } from 'vitest';
import { parseUrlState } from '../core/urlState';
import { formatEn } from '../messages/en';
import { formatZh } from '../messages/zh';
import { workerName } from './threadsParam';

const BAD = [
  '?threads=0',
  '?threads=17',
  '?threads=1.5',
  '?threads=two',
  '?threads=',
  '?threads=2e0',
];

it('?threads=N reaches the worker in its name; anything else is the default', () => {
  expect(workerName('?threads=2&hidden=1000')).toBe('trainer threads=2');
  expect(workerName('?threads=16')).toBe('trainer threads=16');
  expect(workerName('')).toBe('trainer');
  for (const bad of BAD) expect(workerName(bad)).toBe('trainer');
});

it('?threads is no setting of the run, and no unknown one either: the link notice stays quiet', () => {
  const parsed = parseUrlState('?threads=2&hidden=1000');
  expect(parsed.problems).toEqual([]);
  expect(parsed.settings).toEqual(parseUrlState('?hidden=1000').settings);
});

it('a bad ?threads gets the link notice saying what it accepts, and the run is unchanged', () => {
  for (const bad of BAD) {
    const parsed = parseUrlState(`${bad}&hidden=1000`);
    expect(parsed.settings).toEqual(parseUrlState('?hidden=1000').settings);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ code: 'url.invalid', key: 'threads' });
  }
  const [problem] = parseUrlState('?threads=two').problems;
  expect(formatEn(problem!)).toBe(
    'threads="two" is not valid (a whole number from 1 to 16): the default is used.',
  );
  expect(formatZh(problem!)).toContain('threads');
});
