import { expect, it } from 'vitest';
import { pageThreads } from './subWorkers';

it('the page leaves one core for drawing unless the address asks for a count', () => {
  expect(pageThreads(null, 8)).toBe(7);
  expect(pageThreads(null, 2)).toBe(1);
  expect(pageThreads(null, 1)).toBe(1);
  expect(pageThreads(3, 2)).toBe(3);
});
