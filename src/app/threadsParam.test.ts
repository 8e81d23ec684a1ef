import { expect, it } from 'vitest';
import { workerName } from './threadsParam';

it('?threads=N reaches the worker in its name; anything else is the default', () => {
  expect(workerName('?threads=2&hidden=1000')).toBe('trainer threads=2');
  expect(workerName('')).toBe('trainer');
  for (const bad of ['?threads=0', '?threads=17', '?threads=1.5', '?threads=two', '?threads='])
    expect(workerName(bad)).toBe('trainer');
});
