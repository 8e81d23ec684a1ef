// Small builders of WebAssembly SIMD text shared by the activation snippets.

export const ZERO = '(v128.const f32x4 0 0 0 0)';
export const f32x4 = (v) => `(v128.const f32x4 ${v} ${v} ${v} ${v})`;
export const i32x4 = (v) => `(v128.const i32x4 ${v} ${v} ${v} ${v})`;

/**
 * Whether madd() writes relaxed SIMD's f32x4.relaxed_madd (one fused multiply-add where the
 * hardware has one) instead of f32x4.mul then f32x4.add. Off by default: the app's kernel is
 * plain SIMD128. generateWat({ relaxedMadd: true }) turns it on for one generation.
 */
let relaxedMadd = false;

/** Runs build() with madd() writing relaxed_madd (on) or mul + add (off), restoring the setting after. */
export function withRelaxedMadd(on, build) {
  const saved = relaxedMadd;
  relaxedMadd = Boolean(on);
  try {
    return build();
  } finally {
    relaxedMadd = saved;
  }
}

/** a * b + c: f32x4.relaxed_madd under withRelaxedMadd(true, ...), else f32x4.mul then f32x4.add. */
export const madd = (a, b, c) =>
  relaxedMadd ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add (f32x4.mul ${a} ${b}) ${c})`;

/** c + a * b, the accumulator first (as the plain kernel writes its sums): relaxed_madd or add of mul. */
export const addMul = (c, a, b) =>
  relaxedMadd ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add ${c} (f32x4.mul ${a} ${b}))`;

/** Horner's rule in x2 over coefficients from the highest power down. */
export function horner(coeffs, x2) {
  let p = f32x4(coeffs[0]);
  for (const c of coeffs.slice(1)) p = madd(p, `(local.get ${x2})`, f32x4(c));
  return p;
}

/** Horner's rule for a monic polynomial in x2: coefficients after the leading 1, highest power first. */
export function monicHorner(coeffs, x2) {
  let p = `(f32x4.add (local.get ${x2}) ${f32x4(coeffs[0])})`;
  for (const c of coeffs.slice(1)) p = madd(p, `(local.get ${x2})`, f32x4(c));
  return p;
}
