"""Fits the kernel's tanh: x P(x^2) / Q(x^2), P and Q of degree 4 in x^2, Q(0) = 1, then
writes it in u = s x with both polynomials monic (see monic()).

Why our own: Eigen's rational (degree 13/6, 11 coefficients) is a couple of ulp, but it
costs one more multiply-add per 4 lanes in the kernel's hottest loop and one more constant
register. This one keeps the error within the kernel's tested bound (4e-7 absolute, 8 ulp
relative; see src/core/kernel/approximations.test.ts) and measured about 15% faster per
training step (tanh, N = H = 1000).

Method: minimax relative error on (0, 9] by iteratively reweighted linearised least
squares (Loeb's method): fit x P - t Q = 0 weighted by 1/(t Q_prev), then raise the weight
where the error is large. Then the clamp: the largest float32 u at which the float32
Horner evaluation is exactly 1 and never above 1 below it, so that clamping there gives
exactly +-1 beyond. Deterministic; run with python3 (numpy) to print the constants that
scripts/kernel/activations.mjs holds.
"""
import numpy as np

NUM_TERMS, DEN_TERMS, UPPER, ITERATIONS = 5, 4, 9.0, 200


def fit():
    x = np.sort(np.concatenate([np.linspace(0, UPPER, 20000)[1:], np.geomspace(1e-6, 0.5, 2000)]))
    t, u = np.tanh(x), x * x
    weight, q_prev, best = np.ones_like(x), np.ones_like(x), None
    for _ in range(ITERATIONS):
        a = np.hstack([x[:, None] * u[:, None] ** np.arange(NUM_TERMS), -(t[:, None] * u[:, None] ** np.arange(1, DEN_TERMS + 1))])
        w = weight / (t * q_prev)
        sol, *_ = np.linalg.lstsq(a * w[:, None], t * w, rcond=None)
        p, q = sol[:NUM_TERMS], np.concatenate([[1.0], sol[NUM_TERMS:]])
        q_prev = np.polyval(q[::-1], u)
        err = np.abs(x * np.polyval(p[::-1], u) / q_prev - t) / t
        if best is None or err.max() < best[0]:
            best = (err.max(), p[::-1], q[::-1])
        weight = weight * np.sqrt(err / err.mean()) + 1e-12
        weight /= weight.mean()
    return best


def monic(p, q):
    """The same rational in u = s x, with s = p4 / q4 so that both polynomials are monic.

    The kernel folds s into the weights once per step (u = x (s w1) + s b1), and monic
    polynomials skip Horner's first multiply: two multiplies fewer per 4 lanes in the
    forward pass, which is limited by its multiplies. Returns s and each polynomial's
    coefficients after the leading 1, highest power first.
    """
    s = p[0] / q[0]
    scaled = lambda c: [c[i] / c[0] * s ** (2 * i) for i in range(1, len(c))]
    return s, scaled(p), scaled(q)


def horner_monic_f32(coeffs, u, fused):
    """Horner in float32: each step rounded twice (multiply, then add), or once when fused
    (the float64 product of two float32 is exact; the sum is rounded to float64 first,
    which could differ from one rounding in a rare tie: the kernel's tests check the
    saturation in both builds)."""
    acc = (u + np.float32(coeffs[0])).astype(np.float32)
    for c in coeffs[1:]:
        if fused:
            acc = (acc.astype(np.float64) * u.astype(np.float64) + np.float64(np.float32(c))).astype(np.float32)
        else:
            acc = (acc * u + np.float32(c)).astype(np.float32)
    return acc


def rational_f32(us, p, q, fused=False):
    u = (us * us).astype(np.float32)
    # u (P / Q), not (u P) / Q: P(0) is tiny in these units (6e-7), so u P would go
    # subnormal for |x| < 1e-30 and lose relative accuracy; P / Q is about 58 there.
    return (us * (horner_monic_f32(p, u, fused) / horner_monic_f32(q, u, fused)).astype(np.float32)).astype(np.float32)


def main():
    err, p, q = fit()
    s, pm, qm = monic(p, q)
    s32 = np.float32(s)
    # Every float32 u from 7 s to 12 s: the clamp is the last one at which the rational is
    # exactly 1 before it first exceeds 1, evaluated both ways (the kernel's relaxed build
    # fuses Horner's multiply-adds where the CPU can, its plain build never does).
    lo, hi = np.float32(7 * s32), np.float32(12 * s32)
    us = np.arange(lo.view(np.int32), hi.view(np.int32), dtype=np.int32).view(np.float32)
    plain, fused = rational_f32(us, pm, qm), rational_f32(us, pm, qm, fused=True)
    over = min(np.nonzero(plain > 1)[0][0], np.nonzero(fused > 1)[0][0])
    clamp = us[np.nonzero((plain[:over] == 1) & (fused[:over] == 1))[0][-1]]
    print('fit relative error (float64):', err)
    print('TANH_SCALE =', float(s))
    print('TANH_NUM =', [float(c) for c in pm])
    print('TANH_DEN =', [float(c) for c in qm])
    at = np.array([clamp], np.float32)
    print('TANH_CLAMP =', float(clamp), ' (x =', float(clamp / s32), ') rational there:',
          float(rational_f32(at, pm, qm)[0]), float(rational_f32(at, pm, qm, fused=True)[0]))


if __name__ == '__main__':
    main()
