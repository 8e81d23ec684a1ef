// Softplus and sine for the fused kernel: exp, log1p and sin/cos in f32x4, each a range
// reduction done with exponent and integer bits, then a short polynomial. The designs are
// the classic ones (Cody and Waite's split constants, as in Cephes expf/sinf); the
// polynomial coefficients are our own minimax fits (Lawson's iteration in float64 over
// the reduced ranges below), far below float32 rounding, so the rounding of the float32
// evaluation is what the tests measure.
import { ZERO, f32x4, i32x4, horner } from './simd.mjs';

/** Adding 1.5 * 2^23 rounds a float32 of magnitude < 2^22 to an integer, which then sits in the low mantissa bits. */
const ROUND_MAGIC = 12582912;
/** The float32 sign bit. */
const SIGN = i32x4(0x80000000 | 0);
/** Float32 exponent bias and the position of the exponent field. */
const EXP_BIAS = 127;
const MANTISSA_BITS = 23;

// exp(u) for u <= 0: u = n ln2 + r, |r| <= ln2/2, e^u = 2^n e^r.
/** Below this, e^u < 2^-126.5 and the result flushes to 0 (n = -127 builds the scale 0). */
const EXP_MIN = -88;
const LOG2E = Math.LOG2E;
/** ln 2 = LN2_HI + LN2_LO, LN2_HI with 9 significant bits, so n LN2_HI is exact for |n| < 2^15. */
const LN2_HI = 0.693359375;
const LN2_LO = -2.1219444e-4;
/** e^r = 1 + r + r^2 P(r) on |r| <= 0.354: relative error 3.5e-9. */
const EXP_P = [
  0.0013811650685803638, 0.008370140405172293, 0.04166852884033735, 0.16666508669044494,
  0.4999999262620662,
];
/** log1p(t) = 2 atanh(s), s = t / (2 + t) in [0, 1/3]: 2s + s w Q(w), w = s^2; relative error 4.5e-9. */
const LOG1P_Q = [0.2802556551676807, 0.27999265645344773, 0.4002166766876773, 0.6666641413939598];

/** Statements: t = e^u for u <= 0 (a local), flushing to 0 where e^u is below 2^-126.5. */
function expNonPositive(u, t, tmp) {
  const v = tmp('eu');
  const m = tmp('em');
  const n = tmp('en');
  const r = tmp('er');
  const r2 = tmp('er2');
  // m's low mantissa bits hold n; (n + 127) << 23 is the float 2^n (0 when n = -127).
  return `
    (local.set ${v} (f32x4.pmax ${u} ${f32x4(EXP_MIN)}))
    (local.set ${m} (f32x4.add (f32x4.mul (local.get ${v}) ${f32x4(LOG2E)}) ${f32x4(ROUND_MAGIC)}))
    (local.set ${n} (f32x4.sub (local.get ${m}) ${f32x4(ROUND_MAGIC)}))
    (local.set ${r} (f32x4.sub (f32x4.sub (local.get ${v}) (f32x4.mul (local.get ${n}) ${f32x4(LN2_HI)}))
      (f32x4.mul (local.get ${n}) ${f32x4(LN2_LO)})))
    (local.set ${r2} (f32x4.mul (local.get ${r}) (local.get ${r})))
    (local.set ${t} (f32x4.mul
      (f32x4.add (f32x4.add (f32x4.mul ${horner(EXP_P, r)} (local.get ${r2})) (local.get ${r})) ${f32x4(1)})
      (i32x4.shl (i32x4.add (local.get ${m}) ${i32x4(EXP_BIAS)}) (i32.const ${MANTISSA_BITS}))))`;
}

/**
 * Statements: a = softplus(z) = max(z, 0) + log1p(e^-|z|), as src/core/activations.ts;
 * with g, also g = sigmoid(z) = (z > 0 ? 1 : t) / (1 + t), t = e^-|z|.
 */
export function softplusInto(z, a, tmp, g) {
  const t = tmp('pt');
  const s = tmp('ps');
  const w = tmp('pw');
  return `${expNonPositive(`(v128.or ${z} ${SIGN})`, t, tmp)}
    (local.set ${s} (f32x4.div (local.get ${t}) (f32x4.add (local.get ${t}) ${f32x4(2)})))
    (local.set ${w} (f32x4.mul (local.get ${s}) (local.get ${s})))
    (local.set ${a} (f32x4.add (f32x4.pmax ${z} ${ZERO})
      (f32x4.add (f32x4.mul (f32x4.mul (local.get ${s}) (local.get ${w})) ${horner(LOG1P_Q, w)}) (f32x4.add (local.get ${s}) (local.get ${s})))))${
        g
          ? `
    (local.set ${g} (f32x4.div (v128.bitselect ${f32x4(1)} (local.get ${t}) (f32x4.gt ${z} ${ZERO})) (f32x4.add (local.get ${t}) ${f32x4(1)})))`
          : ''
      }`;
}

// sin z: z = j pi/2 + r, |r| <= pi/4, then sin z or cos z of r by the quadrant j mod 4.
/** Inputs are clamped to +-SINE_LIMIT, where |j| < 2^13 keeps j PIO2_HI and j PIO2_MID exact. */
const SINE_LIMIT = 8192;
const TWO_OVER_PI = 2 / Math.PI;
/** pi/2 = PIO2_HI + PIO2_MID + PIO2_LO, the first two with 11 significant bits (Cody-Waite). */
const PIO2_HI = 1.5703125;
const PIO2_MID = 4.837512969970703e-4;
const PIO2_LO = 7.549790126404332e-8;
/** sin r = r + r^3 S(r^2): relative error 4.1e-9 on |r| <= 1.01 pi/4. */
const SIN_S = [-0.00019508741303874907, 0.008332113040610694, -0.16666653863626488];
/** cos r = 1 - r^2/2 + r^4 C(r^2): absolute error 1.1e-10 on |r| <= 1.01 pi/4. */
const COS_C = [2.443120506511972e-5, -0.0013887306044217465, 0.04166664565290363];

/** The sign bit where bit 1 of the integer lanes q is set. */
const signOfBit1 = (q) => `(v128.and (i32x4.shl ${q} (i32.const 30)) ${SIGN})`;

/** Statements: a = sin z; with g, also g = cos z (the same reduction and polynomials). */
export function sineInto(z, a, tmp, g) {
  const x = tmp('sx');
  const m = tmp('sm');
  const j = tmp('sj');
  const r = tmp('sr');
  const r2 = tmp('sr2');
  const sr = tmp('ss');
  const cr = tmp('sc');
  const odd = tmp('so');
  // pmin/pmax with the input first keep NaN (so a diverged run still shows as one).
  return `
    (local.set ${x} (f32x4.pmax (f32x4.pmin ${z} ${f32x4(SINE_LIMIT)}) ${f32x4(-SINE_LIMIT)}))
    (local.set ${m} (f32x4.add (f32x4.mul (local.get ${x}) ${f32x4(TWO_OVER_PI)}) ${f32x4(ROUND_MAGIC)}))
    (local.set ${j} (f32x4.sub (local.get ${m}) ${f32x4(ROUND_MAGIC)}))
    (local.set ${r} (f32x4.sub (f32x4.sub (f32x4.sub (local.get ${x})
      (f32x4.mul (local.get ${j}) ${f32x4(PIO2_HI)})) (f32x4.mul (local.get ${j}) ${f32x4(PIO2_MID)})) (f32x4.mul (local.get ${j}) ${f32x4(PIO2_LO)})))
    (local.set ${r2} (f32x4.mul (local.get ${r}) (local.get ${r})))
    (local.set ${sr} (f32x4.add (f32x4.mul (f32x4.mul (local.get ${r}) (local.get ${r2})) ${horner(SIN_S, r2)}) (local.get ${r})))
    (local.set ${cr} (f32x4.add (f32x4.mul (f32x4.mul (local.get ${r2}) (local.get ${r2})) ${horner(COS_C, r2)})
      (f32x4.sub ${f32x4(1)} (f32x4.mul (local.get ${r2}) ${f32x4(0.5)}))))
    (local.set ${odd} (i32x4.shr_s (i32x4.shl (local.get ${m}) (i32.const 31)) (i32.const 31)))
    (local.set ${a} (v128.xor (v128.bitselect (local.get ${cr}) (local.get ${sr}) (local.get ${odd})) ${signOfBit1(`(local.get ${m})`)}))${
      g
        ? `
    (local.set ${g} (v128.xor (v128.bitselect (local.get ${sr}) (local.get ${cr}) (local.get ${odd}))
      ${signOfBit1(`(i32x4.add (local.get ${m}) ${i32x4(1)})`)}))`
        : ''
    }`;
}
