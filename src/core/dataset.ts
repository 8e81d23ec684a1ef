/** The tutorial's data: x = linspace(-1, 1, N), y = f(x) + Normal(0, noise), in float32. */
import { compileExpression } from './expression';
import type { ExpressionProblem } from './problems';
import type { Rng } from './rng';

export const DATASETS = ['linear', 'quadratic', 'sine', 'abs', 'step', 'cubic', 'custom'] as const;
export type DatasetName = (typeof DATASETS)[number];

export const DATASET_LABELS: Record<DatasetName, string> = {
  linear: 'Line: y = x',
  quadratic: 'Parabola: y = x²',
  sine: 'Sine: y = sin(πx)',
  abs: 'Absolute value: y = |x|',
  step: 'Step: y = 0 or 1',
  cubic: 'Cubic: y = x³',
  custom: 'Custom expression…',
};

/** The noiseless function behind each built-in dataset. */
export const TARGETS: Record<Exclude<DatasetName, 'custom'>, (x: number) => number> = {
  linear: (x) => x,
  quadratic: (x) => x * x,
  sine: (x) => Math.sin(Math.PI * x),
  abs: (x) => Math.abs(x),
  step: (x) => (x >= 0 ? 1 : 0),
  cubic: (x) => x * x * x,
};

/** The custom target a learner starts from. */
export const DEFAULT_EXPRESSION = 'sin(3*x) + 0.5*x^2';

export function isDataset(value: unknown): value is DatasetName {
  return typeof value === 'string' && (DATASETS as readonly string[]).includes(value);
}

export interface DataSpec {
  dataset: DatasetName;
  /** Target as an expression of x, used when dataset is 'custom' (optional elsewhere). */
  expression?: string;
  /** Number of samples N. */
  points: number;
  /** Standard deviation of the Gaussian noise added to y. */
  noise: number;
}

export interface Dataset {
  x: Float32Array;
  y: Float32Array;
}

/** numpy's `linspace(start, stop, n)`: start + i * step, with the last value exactly stop. */
export function linspace(start: number, stop: number, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = i * step + start;
  out[n - 1] = stop;
  return out;
}

/**
 * Draws the noise first (N normals, in order), exactly as the tutorial's
 * `np.random.normal(0, noise, [N, 1]) + f(x)`, computing in float64 and storing float32.
 */
export function makeDataset(spec: DataSpec, rng: Rng): Dataset {
  const x64 = linspace(-1, 1, spec.points);
  const f = targetFunction(spec);
  const x = new Float32Array(spec.points);
  const y = new Float32Array(spec.points);
  for (let i = 0; i < spec.points; i++) {
    const xi = x64[i]!;
    x[i] = xi;
    y[i] = rng.normal(0, spec.noise) + f(xi);
  }
  return { x, y };
}

/** Checks a custom target: it must compile and be finite on the data's x range. Pure. */
export function checkExpression(
  source: string,
): { ok: true } | { ok: false; problem: ExpressionProblem; position: number } {
  const compiled = compileExpression(source);
  if (!compiled.ok) return compiled;
  // Dense enough to catch a pole or a domain edge inside [-1, 1] for any N up to 5000.
  for (const x of linspace(-1, 1, 2001)) {
    if (!Number.isFinite(compiled.fn(x))) {
      // x to 3 decimals: the grid's own spacing is 0.001.
      return { ok: false, problem: { code: 'expr.notFinite', x: +x.toFixed(3) }, position: 0 };
    }
  }
  return { ok: true };
}

/** The noiseless target of a spec; a custom expression that does not compile is an error. */
export function targetFunction(
  spec: Pick<DataSpec, 'dataset' | 'expression'>,
): (x: number) => number {
  if (spec.dataset !== 'custom') return TARGETS[spec.dataset];
  const compiled = compileExpression(spec.expression ?? '');
  // Callers check the expression first; reaching here is a programming error.
  if (!compiled.ok)
    throw new RangeError(
      `target expression does not compile (${compiled.problem.code} at ${compiled.position})`,
    );
  return compiled.fn;
}
