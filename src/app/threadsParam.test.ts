import { expect, it } from 'vitest';
import { parseUrlState } from '../core/urlState';
import { workerName } from './threadsParam';

it('?threads=N reaches the worker in its name; anything else is the default', () => {
  expect(workerName('?threads=2&hidden=1000')).toBe('trainer threads=2');
  expect(workerName('')).toBe('trainer');
  for (const bad of ['?threads=0', '?threads=17', '?threads=1.5', '?threads=two', '?threads='])
    expect(workerName(bad)).toBe('trainer');
});

it('?threads is no setting of the run, and no unknown one either: the link notice stays quiet', () => {
  const parsed = parseUrlState('?threads=2&hidden=1000');
  expect(parsed.problems).toEqual([]);
  expect(parsed.settings).toEqual(parseUrlState('?hidden=1000').settings);
});
