/** The tutorial's data: x = linspace(-1, 1, N), y = f(x) + Normal(0, noise), in float32. */
import type { Rng } from './rng';

export const DATASETS = ['linear', 'quadratic'] as const;
export type DatasetName = (typeof DATASETS)[number];

export const DATASET_LABELS: Record<DatasetName, string> = {
  linear: 'Line: y = x',
  quadratic: 'Parabola: y = x²',
};

/** The noiseless function behind each dataset. */
export const TARGETS: Record<DatasetName, (x: number) => number> = {
  linear: (x) => x,
  quadratic: (x) => x * x,
};

export function isDataset(value: unknown): value is DatasetName {
  return typeof value === 'string' && (DATASETS as readonly string[]).includes(value);
}

export interface DataSpec {
  dataset: DatasetName;
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
  const f = TARGETS[spec.dataset];
  const x = new Float32Array(spec.points);
  const y = new Float32Array(spec.points);
  for (let i = 0; i < spec.points; i++) {
    const xi = x64[i]!;
    x[i] = xi;
    y[i] = rng.normal(0, spec.noise) + f(xi);
  }
  return { x, y };
}
