// Small builders of WebAssembly SIMD text shared by the activation snippets.

export const ZERO = '(v128.const f32x4 0 0 0 0)';
export const f32x4 = (v) => `(v128.const f32x4 ${v} ${v} ${v} ${v})`;
export const i32x4 = (v) => `(v128.const i32x4 ${v} ${v} ${v} ${v})`;

/** Horner's rule in x2 over coefficients from the highest power down. */
export function horner(coeffs, x2) {
  let p = f32x4(coeffs[0]);
  for (const c of coeffs.slice(1)) p = `(f32x4.add (f32x4.mul ${p} (local.get ${x2})) ${f32x4(c)})`;
  return p;
}
