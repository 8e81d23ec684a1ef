/**
 * Hidden-layer activations and their derivatives, applied to whole buffers so the
 * choice of activation is made once per layer, not once per element.
 */

export const ACTIVATIONS = ['none', 'relu', 'tanh', 'sigmoid'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Short human labels for pickers and legends. */
export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  none: 'None (identity)',
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'Sigmoid',
};

export function isActivation(value: unknown): value is ActivationName {
  return typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value);
}

/** Scalar activation, for references and one-off evaluations. */
export function activate(name: ActivationName, z: number): number {
  switch (name) {
    case 'none':
      return z;
    case 'relu':
      return z > 0 ? z : 0;
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
  }
}

/** Scalar derivative with respect to the pre-activation z, as the tutorial's `*_derivative(o1)`. */
export function activateDerivative(name: ActivationName, z: number): number {
  switch (name) {
    case 'none':
      return 1;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'tanh': {
      const t = Math.tanh(z);
      return 1 - t * t;
    }
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    }
  }
}

/** a[i] = act(z[i]) for the first `length` entries. For `none`, callers alias a to z instead. */
export function applyActivation(name: ActivationName, z: Float32Array, a: Float32Array, length: number): void {
  switch (name) {
    case 'none':
      if (a !== z) a.set(z.subarray(0, length));
      return;
    case 'relu':
      for (let i = 0; i < length; i++) {
        const v = z[i]!;
        a[i] = v > 0 ? v : 0;
      }
      return;
    case 'tanh':
      for (let i = 0; i < length; i++) a[i] = Math.tanh(z[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < length; i++) a[i] = 1 / (1 + Math.exp(-z[i]!));
      return;
  }
}

/**
 * delta[i] *= act'(z[i]), computed from the stored activation a where that is exact
 * (relu: a > 0 iff z > 0; tanh: 1 - a^2; sigmoid: a (1 - a)), which saves a transcendental.
 */
export function multiplyByDerivative(
  name: ActivationName,
  a: Float32Array,
  delta: Float32Array,
  length: number,
): void {
  switch (name) {
    case 'none':
      return;
    case 'relu':
      for (let i = 0; i < length; i++) if (!(a[i]! > 0)) delta[i] = 0;
      return;
    case 'tanh':
      for (let i = 0; i < length; i++) {
        const t = a[i]!;
        delta[i] = delta[i]! * (1 - t * t);
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < length; i++) {
        const s = a[i]!;
        delta[i] = delta[i]! * (s * (1 - s));
      }
      return;
  }
}
