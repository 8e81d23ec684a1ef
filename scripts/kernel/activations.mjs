// Hidden-layer activations as WebAssembly SIMD snippets for the fused kernel.
//
// Adding an activation is one entry here (plus its name in src/core/activations.ts):
//   forward(z, a, tmp)  statements setting v128 local `a` from pre-activation local `z`;
//                       tmp(name) declares a scratch v128 local private to this use.
//   Then either
//   mask(z)             (piecewise-linear, positively homogeneous: a = z * act'(z) with
//                       act' in {slope, 1}) an expression giving all-ones lanes where
//                       act' = 1, or null when act' = 1 everywhere. Nothing is stored: the
//                       backward computes the mask again from z = x w1 + b1, the forward's
//                       own multiply-add and so bit for bit its mask, and needs only and +
//                       add per sum; gw2 comes from the other sums: gw2 = w1 sxd + b1 sd.
//   slope               act' where the mask is off (0 unless given; leaky ReLU's 0.01).
//   or
//   grad(a)             an expression for act'(z) written in terms of the stored a,
//   and optionally
//   gradPoly [c0, c1]   act' = c0 + c1 a - a^2 (tanh, sigmoid): the backward then needs
//                       only sum d a, sum d a^2 and sum x (c1 d a - d a^2), 6-7 operations
//                       per 4 lanes instead of 8.
//   or
//   storesGrad: true    with forward(z, a, tmp, g): given a v128 local g (the training
//                       forward), the snippet also sets g = act'(z); the kernel stores g
//                       beside a and passes grad(a, g) an expression loading it. For
//                       derivatives that are no function of a (sine: cos z), or cheaper
//                       from the forward's intermediates (softplus: sigmoid z, one division).
//   outAffine [alpha, beta] (with gradPoly) forward() computes a core activation t, and the
//                       activation is alpha + beta t: the forward sums w2 t and applies
//                       beta, then adds alpha sum w2 (once per step) to the output's bias;
//                       the backward's sums run over t, and gw2 = alpha D + beta sum d t.
//                       It saves sigmoid the multiply-add of 1/2 + t/2 per sample and unit.
//   gradScale           act' = gradScale (c0 + c1 t - t^2), applied once per unit.
//   and, for any of them,
//   inputScale          a constant c: forward() gets c z instead of z, computed from weights
//                       the kernel scales by c once per step (so the scaling costs nothing
//                       per sample and unit).
//   clampBound          (with inputScale) forward(z, a, tmp, g, { clamp: false }) may
//                       skip clamping its scaled input to +-clampBound. The kernel takes
//                       that forward for a step when no unit's input can reach the bound on
//                       the data: |c w1| max|x| + |c b1| below it for every unit, checked
//                       once per step. The clamp is then the identity, so the two forwards
//                       give the same bits; the clamp sits in the forward's dependency chain
//                       (docs/kernel.md).

import { ZERO, f32x4, monicHorner } from './simd.mjs';
import { sineInto, softplusInto } from './smooth.mjs';

export { ZERO, f32x4 };

// tanh as x P(x^2) / Q(x^2), P and Q of degree 4 in x^2, fitted by scripts/kernel/fit_tanh.py
// (minimax relative error 2e-8 in float64), and written in u = TANH_SCALE x, where both
// polynomials are monic. The kernel folds the scale into the weights once per step
// (inputScale), so the forward pass gets u directly and Horner's rule skips its first
// multiply in each polynomial: that pass is limited by multiplies. Evaluated in float32 the
// result stays under 4e-7 absolute and 8 ulp relative, as src/core/kernel/approximations.test.ts
// checks. Eigen's 13/6 rational (a couple of ulp) has one more multiply-add and one more
// constant to keep in registers, which costs a pass limited by multiplies (docs/kernel.md).
// Beyond +-TANH_CLAMP, the largest u at which the rational is exactly 1 in float32 (with
// Horner's multiply-adds fused or not: see fit_tanh.py), the result is exactly +-1.
const TANH_SCALE = 0.017172844678947294;
const TANH_CLAMP = 0.1378038078546524;
const TANH_NUM = [
  0.45510949274768775, 0.022764850788190044, 0.00025699194542594335, 5.663890747728594e-7,
];
const TANH_DEN = [
  0.1246007007284881, 0.002894017174391129, 1.5407166727875948e-5, 9.726511808318242e-9,
];

/**
 * Statements: a = tanh(u / TANH_SCALE), from u already scaled. pmin/pmax map to single
 * instructions (min/max need NaN fix-ups). With clamp false, the caller guarantees
 * |u| <= TANH_CLAMP, where the clamp changes nothing (see clampBound below).
 */
function tanhScaledInto(u, a, tmp, clamp = true) {
  const x = tmp('tx');
  const x2 = tmp('tx2');
  return `
    (local.set ${x} ${clamp ? `(f32x4.pmax (f32x4.pmin ${u} ${f32x4(TANH_CLAMP)}) ${f32x4(-TANH_CLAMP)})` : u})
    (local.set ${x2} (f32x4.mul (local.get ${x}) (local.get ${x})))
    (local.set ${a} (f32x4.mul (local.get ${x}) (f32x4.div ${monicHorner(TANH_NUM, x2)} ${monicHorner(TANH_DEN, x2)})))`;
}

/** Slope for negative inputs and ELU's alpha, as LEAKY_SLOPE and ELU_ALPHA in src/core/activations.ts. */
const LEAKY_SLOPE = 0.01;
const ELU_ALPHA = 1;

export const ACTIVATIONS = {
  none: {
    forward: (z, a) => `(local.set ${a} ${z})`,
    mask: null,
  },
  relu: {
    forward: (z, a) => `(local.set ${a} (f32x4.pmax ${z} ${ZERO}))`,
    mask: (z) => `(f32x4.gt ${z} ${ZERO})`,
  },
  tanh: {
    forward: (u, a, tmp, _g, opts) => tanhScaledInto(u, a, tmp, opts?.clamp),
    inputScale: TANH_SCALE,
    clampBound: TANH_CLAMP,
    grad: (a) => `(f32x4.sub ${f32x4(1)} (f32x4.mul ${a} ${a}))`,
    gradPoly: [1, 0],
  },
  sigmoid: {
    // sigmoid(z) = 1/2 + t/2 with t = tanh(z/2): one accurate approximation serves both, and
    // the halving folds into the weights' scale. The kernel computes, stores and sums t,
    // exactly as for tanh, and applies a = 1/2 + t/2 to the layer's totals (outAffine):
    // sum w2 a = sum w2 t / 2 + sum w2 / 2, and act' = a (1 - a) = (1 - t^2) / 4.
    forward: (u, a, tmp, _g, opts) => tanhScaledInto(u, a, tmp, opts?.clamp),
    inputScale: TANH_SCALE / 2,
    clampBound: TANH_CLAMP,
    grad: (t) => `(f32x4.mul ${f32x4(0.25)} (f32x4.sub ${f32x4(1)} (f32x4.mul ${t} ${t})))`,
    gradPoly: [1, 0],
    gradScale: 0.25,
    outAffine: [0.5, 0.5],
  },
  'leaky-relu': {
    // max(z, slope z) is z for z > 0 and slope z below: one instruction, exact.
    forward: (z, a) => `(local.set ${a} (f32x4.pmax ${z} (f32x4.mul ${z} ${f32x4(LEAKY_SLOPE)})))`,
    // Positively homogeneous too, with act' = slope + (1 - slope) [z > 0]: the relu path.
    mask: (z) => `(f32x4.gt ${z} ${ZERO})`,
    slope: LEAKY_SLOPE,
  },
  elu: {
    // e^z - 1 = 2t / (1 - t) with t = tanh(z/2): the same tanh approximation, no cancellation
    // for z <= 0 (1 - t is in [1, 2)), and exactly -1 once tanh saturates.
    forward: (z, a, tmp) => {
      const t = tmp('et');
      return `${tanhScaledInto(`(f32x4.mul ${z} ${f32x4(TANH_SCALE / 2)})`, t, tmp)}
    (local.set ${a} (v128.bitselect ${z}
      (f32x4.mul ${f32x4(ELU_ALPHA)} (f32x4.div (f32x4.add (local.get ${t}) (local.get ${t})) (f32x4.sub ${f32x4(1)} (local.get ${t}))))
      (f32x4.gt ${z} ${ZERO})))`;
    },
    // alpha e^z = a + alpha for z <= 0, and 1 above (a > 0 exactly where z > 0).
    grad: (a) =>
      `(v128.bitselect ${f32x4(1)} (f32x4.add ${a} ${f32x4(ELU_ALPHA)}) (f32x4.gt ${a} ${ZERO}))`,
  },
  // ln(1 + e^z) and sin z: see smooth.mjs; their derivatives come from the forward pass.
  softplus: {
    forward: softplusInto,
    storesGrad: true,
    grad: (_a, g) => g,
  },
  sine: {
    forward: sineInto,
    storesGrad: true,
    grad: (_a, g) => g,
  },
};
