import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_EXPRESSION_LENGTH } from './expression';
import { formatEn } from '../messages/en';

function evalAt(source: string, x: number): number {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(`${source}: ${formatEn(r.problem)}`);
  return r.fn(x);
}

describe('compileExpression: valid input', () => {
  const cases: [string, (x: number) => number][] = [
    ['sin(3*x) + 0.5*x^2', (x) => Math.sin(3 * x) + 0.5 * x * x],
    ['x', (x) => x],
    ['-x^2', (x) => -(x * x)],
    ['2^3^2', () => 512], // right-associative, as in mathematics
    ['x**3', (x) => x ** 3],
    ['3x', (x) => 3 * x],
    ['2sin(pi x)', (x) => 2 * Math.sin(Math.PI * x)],
    ['2(x + 1)', (x) => 2 * (x + 1)],
    ['|x| - 0.5', (x) => Math.abs(x) - 0.5],
    ['2|x|+1', (x) => 2 * Math.abs(x) + 1],
    ['exp(-x^2/0.1)', (x) => Math.exp(-(x * x) / 0.1)],
    ['1e-3 * x', (x) => 1e-3 * x],
    ['.5x', (x) => 0.5 * x],
    ['e^x', (x) => Math.exp(x)],
    ['SIN(X)', (x) => Math.sin(x)],
    ['tanh(4*x) - x/2', (x) => Math.tanh(4 * x) - x / 2],
    ['step(x) + relu(x)', (x) => (x >= 0 ? 1 : 0) + Math.max(0, x)],
    ['1 - 2 - 3', () => -4], // left-associative
    ['8 / 4 / 2', () => 1],
  ];
  it.each(cases)('%s', (source, expected) => {
    for (const x of [-1, -0.37, 0, 0.5, 1]) expect(evalAt(source, x)).toBeCloseTo(expected(x), 12);
  });
});

describe('compileExpression: invalid input points at the problem', () => {
  const cases: [string, RegExp, number][] = [
    ['', /Type an expression/, 0],
    ['sin(', /ends too early/, 4],
    ['(x', /closing "\)"/, 2],
    ['x)', /Unmatched "\)"/, 1],
    ['x +* 2', /Unexpected "\*"/, 3],
    ['sin x', /Expected "\(" after sin/, 4],
    ['y + 1', /Unknown name "y"/, 0],
    ['x $ 2', /Unexpected character "\$"/, 2],
    ['x 2', /Expected an operator/, 2],
  ];
  it.each(cases)('%s', (source, message, position) => {
    const r = compileExpression(source);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(formatEn(r.problem)).toMatch(message);
      expect(r.position).toBe(position);
    }
  });
});

describe('compileExpression cannot reach anything but x, constants and whitelisted functions', () => {
  const attacks = [
    'constructor',
    '__proto__',
    'toString(x)',
    'x.constructor',
    'globalThis',
    'window.alert(1)',
    'process.exit(1)',
    'eval("1")',
    'Function("return this")()',
    'x["constructor"]',
    'hasOwnProperty(x)',
    'valueOf',
    'this',
    'import("fs")',
    '`x`',
    'x; alert(1)',
    'x = 2',
    'sin.call(null, x)',
  ];
  it.each(attacks)('%s is rejected', (source) => {
    expect(compileExpression(source).ok).toBe(false);
  });

  it('rejects deep nesting and long input instead of overflowing', () => {
    expect(compileExpression('('.repeat(60) + 'x' + ')'.repeat(60)).ok).toBe(false);
    expect(compileExpression('-'.repeat(100) + 'x').ok).toBe(false);
    expect(compileExpression('x+'.repeat(MAX_EXPRESSION_LENGTH) + 'x').ok).toBe(false);
    // Within the limits nesting works.
    expect(evalAt('('.repeat(10) + 'x' + ')'.repeat(10), 0.25)).toBe(0.25);
  });
});
