/**
 * Hidden-layer activations and their derivatives, applied to whole buffers so the
 * choice of activation is made once per layer, not once per element.
 */

export const ACTIVATIONS = [
  'none',
  'relu',
  'tanh',
  'sigmoid',
  'leaky-relu',
  'elu',
  'softplus',
  'sine',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Slope of leaky ReLU for negative inputs (the common default, as in PyTorch). */
export const LEAKY_SLOPE = 0.01;
/** ELU's alpha: the value it tends to for very negative inputs is -alpha. */
export const ELU_ALPHA = 1;

/** Short human labels for pickers and legends. */
export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  none: 'None (identity)',
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'Sigmoid',
  'leaky-relu': 'Leaky ReLU',
  elu: 'ELU',
  softplus: 'Softplus',
  sine: 'Sine',
};

/** The formula of each activation, for captions. */
export const ACTIVATION_FORMULAS: Record<ActivationName, string> = {
  none: 'a = z',
  relu: 'a = max(0, z)',
  tanh: 'a = tanh(z)',
  sigmoid: 'a = 1 / (1 + e^−z)',
  'leaky-relu': `a = max(${LEAKY_SLOPE}z, z)`,
  elu: 'a = z if z > 0, else e^z − 1',
  softplus: 'a = ln(1 + e^z)',
  sine: 'a = sin(z)',
};

/** Each activation applied to the pre-activation o1, as the step inspector's column heads write it. */
export const ACTIVATION_OF_O1: Record<ActivationName, string> = {
  none: 'o1',
  relu: 'max(0, o1)',
  tanh: 'tanh(o1)',
  sigmoid: 'σ(o1)',
  'leaky-relu': `max(${LEAKY_SLOPE}·o1, o1)`,
  elu: 'ELU(o1)',
  softplus: 'ln(1 + e^o1)',
  sine: 'sin(o1)',
};

export function isActivation(value: unknown): value is ActivationName {
  return typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value);
}

/** Whether [lo, hi] holds a peak or trough of sin (pi/2 + k pi for an integer k), where a sine unit turns back. */
export function sinePeakBetween(lo: number, hi: number): boolean {
  return Math.floor((hi - Math.PI / 2) / Math.PI) >= Math.ceil((lo - Math.PI / 2) / Math.PI);
}

/** ln(1 + e^z) without overflow for large z. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
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
      return sigmoid(z);
    case 'leaky-relu':
      return z > 0 ? z : LEAKY_SLOPE * z;
    case 'elu':
      return z > 0 ? z : ELU_ALPHA * Math.expm1(z);
    case 'softplus':
      return softplus(z);
    case 'sine':
      return Math.sin(z);
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
      const s = sigmoid(z);
      return s * (1 - s);
    }
    case 'leaky-relu':
      return z > 0 ? 1 : LEAKY_SLOPE;
    case 'elu':
      return z > 0 ? 1 : ELU_ALPHA * Math.exp(z);
    case 'softplus':
      return sigmoid(z);
    case 'sine':
      return Math.cos(z);
  }
}

/** a[i] = act(z[i]) for the first `length` entries. For `none`, callers alias a to z instead. */
export function applyActivation(
  name: ActivationName,
  z: Float32Array,
  a: Float32Array,
  length: number,
): void {
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
      for (let i = 0; i < length; i++) a[i] = sigmoid(z[i]!);
      return;
    case 'leaky-relu':
      for (let i = 0; i < length; i++) {
        const v = z[i]!;
        a[i] = v > 0 ? v : LEAKY_SLOPE * v;
      }
      return;
    case 'elu':
      for (let i = 0; i < length; i++) {
        const v = z[i]!;
        a[i] = v > 0 ? v : ELU_ALPHA * Math.expm1(v);
      }
      return;
    case 'softplus':
      for (let i = 0; i < length; i++) a[i] = softplus(z[i]!);
      return;
    case 'sine':
      for (let i = 0; i < length; i++) a[i] = Math.sin(z[i]!);
      return;
  }
}

/**
 * delta[i] *= act'(z[i]). Where the stored activation a gives the derivative exactly, it
 * is used instead of z (relu: a > 0 iff z > 0; tanh: 1 - a^2; sigmoid: a (1 - a)), which
 * saves a transcendental; sine needs z itself.
 */
export function multiplyByDerivative(
  name: ActivationName,
  z: Float32Array,
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
    case 'leaky-relu':
      for (let i = 0; i < length; i++) if (!(z[i]! > 0)) delta[i] = delta[i]! * LEAKY_SLOPE;
      return;
    case 'elu':
      // For z <= 0, a = alpha (e^z - 1), so the derivative alpha e^z is a + alpha.
      for (let i = 0; i < length; i++) if (!(z[i]! > 0)) delta[i] = delta[i]! * (a[i]! + ELU_ALPHA);
      return;
    case 'softplus':
      for (let i = 0; i < length; i++) delta[i] = delta[i]! * sigmoid(z[i]!);
      return;
    case 'sine':
      for (let i = 0; i < length; i++) delta[i] = delta[i]! * Math.cos(z[i]!);
      return;
  }
}
