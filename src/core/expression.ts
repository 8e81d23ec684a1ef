/**
 * A safe expression language for targets typed by a learner, e.g. `sin(3*x) + 0.5*x^2`.
 * A small grammar of our own, compiled to closures: never `eval`, never `new Function`,
 * and no way to reach anything but x, a few constants and a whitelist of functions.
 *
 *   expr   := sum
 *   sum    := product (('+' | '-') product)*
 *   product:= unary (('*' | '/') unary | implicit)*     implicit: 3x, 2(x+1), 2sin(x)
 *   unary  := ('-' | '+') unary | power
 *   power  := call ('^' unary)?                          right-associative, -x^2 = -(x^2)
 *   call   := name '(' expr ')' | name | number | '(' expr ')' | '|' expr '|'
 */

import type { ExpressionProblem } from './problems';

export type Compiled = (x: number) => number;

export type CompileResult =
  | { ok: true; fn: Compiled; source: string }
  /** `position` is the 0-based character index of the problem. */
  | { ok: false; problem: ExpressionProblem; position: number };

/** Longest expression accepted, characters: plenty for a formula, bounded for safety. */
export const MAX_EXPRESSION_LENGTH = 200;
/** Deepest nesting accepted, so a hostile input cannot exhaust the stack. */
const MAX_DEPTH = 40;

const FUNCTIONS: ReadonlyMap<string, (v: number) => number> = new Map([
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tan', Math.tan],
  ['asin', Math.asin],
  ['acos', Math.acos],
  ['atan', Math.atan],
  ['sinh', Math.sinh],
  ['cosh', Math.cosh],
  ['tanh', Math.tanh],
  ['exp', Math.exp],
  ['log', Math.log],
  ['ln', Math.log],
  ['log10', Math.log10],
  ['log2', Math.log2],
  ['sqrt', Math.sqrt],
  ['abs', Math.abs],
  ['sign', Math.sign],
  ['floor', Math.floor],
  ['ceil', Math.ceil],
  ['round', Math.round],
  ['step', (v: number) => (v >= 0 ? 1 : 0)],
  ['relu', (v: number) => (v > 0 ? v : 0)],
  ['sigmoid', (v: number) => 1 / (1 + Math.exp(-v))],
]);

const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** Names a learner can use, for help text. */
export const EXPRESSION_FUNCTIONS = [...FUNCTIONS.keys()];

type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'name'; name: string; pos: number }
  | { kind: 'op'; op: string; pos: number }
  | { kind: 'end'; pos: number };

class ExpressionError extends Error {
  constructor(
    readonly problem: ExpressionProblem,
    readonly position: number,
  ) {
    super(problem.code);
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      tokens.push({ kind: 'name', name: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (c === '*' && src[i + 1] === '*') {
      tokens.push({ kind: 'op', op: '^', pos: i });
      i += 2;
      continue;
    }
    if ('+-*/^()|'.includes(c)) {
      tokens.push({ kind: 'op', op: c, pos: i });
      i++;
      continue;
    }
    throw new ExpressionError({ code: 'expr.unexpectedChar', char: c }, i);
  }
  tokens.push({ kind: 'end', pos: src.length });
  return tokens;
}

class Parser {
  private i = 0;
  private depth = 0;
  private insideBars = 0;
  constructor(private readonly tokens: Token[]) {}

  private get peek(): Token {
    return this.tokens[this.i]!;
  }

  private isOp(op: string): boolean {
    const t = this.peek;
    return t.kind === 'op' && t.op === op;
  }

  private expect(op: string, missing: ExpressionProblem): void {
    if (!this.isOp(op)) throw new ExpressionError(missing, this.peek.pos);
    this.i++;
  }

  parseAll(): Compiled {
    if (this.tokens.length === 1) throw new ExpressionError({ code: 'expr.empty' }, 0);
    const fn = this.sum();
    if (this.peek.kind !== 'end') {
      const t = this.peek;
      throw new ExpressionError(
        { code: t.kind === 'op' && t.op === ')' ? 'expr.unmatchedParen' : 'expr.expectedOperator' },
        t.pos,
      );
    }
    return fn;
  }

  private nest<T>(pos: number, f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ExpressionError({ code: 'expr.tooDeep' }, pos);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private sum(): Compiled {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.peek as { op: string }).op;
      this.i++;
      const a = left;
      const b = this.product();
      left = op === '+' ? (x) => a(x) + b(x) : (x) => a(x) - b(x);
    }
    return left;
  }

  /** A factor can follow another without '*' when it starts with a name, '(' or a number after a name. */
  private startsImplicit(): boolean {
    const t = this.peek;
    return (
      t.kind === 'name' ||
      (t.kind === 'op' && t.op === '(') ||
      (t.kind === 'op' && t.op === '|' && this.insideBars === 0)
    );
  }

  private product(): Compiled {
    let left = this.unary();
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = (this.peek as { op: string }).op;
        this.i++;
        const a = left;
        const b = this.unary();
        left = op === '*' ? (x) => a(x) * b(x) : (x) => a(x) / b(x);
      } else if (this.startsImplicit()) {
        const a = left;
        const b = this.power();
        left = (x) => a(x) * b(x);
      } else {
        return left;
      }
    }
  }

  private unary(): Compiled {
    if (this.isOp('-') || this.isOp('+')) {
      const negate = this.isOp('-');
      const pos = this.peek.pos;
      this.i++;
      const a = this.nest(pos, () => this.unary());
      return negate ? (x) => -a(x) : a;
    }
    return this.power();
  }

  private power(): Compiled {
    const base = this.atom();
    if (this.isOp('^')) {
      const pos = this.peek.pos;
      this.i++;
      const exponent = this.nest(pos, () => this.unary());
      return (x) => Math.pow(base(x), exponent(x));
    }
    return base;
  }

  private atom(): Compiled {
    const t = this.peek;
    if (t.kind === 'num') {
      this.i++;
      const v = t.value;
      return () => v;
    }
    if (t.kind === 'name') {
      this.i++;
      const name = t.name.toLowerCase();
      if (name === 'x') return (x) => x;
      const constant = CONSTANTS.get(name);
      if (constant !== undefined) return () => constant;
      const f = FUNCTIONS.get(name);
      if (f) {
        if (!this.isOp('('))
          throw new ExpressionError({ code: 'expr.callNeedsParen', name: t.name }, this.peek.pos);
        this.i++;
        const arg = this.nest(t.pos, () => this.sum());
        this.expect(')', { code: 'expr.unclosedCall', name: t.name });
        return (x) => f(arg(x));
      }
      throw new ExpressionError({ code: 'expr.unknownName', name: t.name }, t.pos);
    }
    if (t.kind === 'op' && t.op === '(') {
      this.i++;
      const inner = this.nest(t.pos, () => this.sum());
      this.expect(')', { code: 'expr.unclosed', close: ')' });
      return inner;
    }
    if (t.kind === 'op' && t.op === '|') {
      this.i++;
      this.insideBars++;
      const inner = this.nest(t.pos, () => this.sum());
      this.insideBars--;
      this.expect('|', { code: 'expr.unclosed', close: '|' });
      return (x) => Math.abs(inner(x));
    }
    if (t.kind === 'end') throw new ExpressionError({ code: 'expr.endsEarly' }, t.pos);
    throw new ExpressionError(
      { code: 'expr.unexpectedToken', token: t.kind === 'op' ? t.op : '' },
      t.pos,
    );
  }
}

/** Compiles a target expression of x; errors carry a problem and the character position. */
export function compileExpression(source: string): CompileResult {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      problem: { code: 'expr.tooLong', max: MAX_EXPRESSION_LENGTH },
      position: MAX_EXPRESSION_LENGTH,
    };
  }
  try {
    const fn = new Parser(tokenize(source)).parseAll();
    return { ok: true, fn, source };
  } catch (err) {
    if (err instanceof ExpressionError)
      return { ok: false, problem: err.problem, position: err.position };
    throw err;
  }
}
