// Writes the WebAssembly module of the dense (hidden-to-hidden) layer kernels, the bricks of
// the kernel for deep networks (docs/kernel-deep.md): the forward Z = A·W + b
// (dense_forward), the backward delta fused with the activation derivative below
// (dense_backward_input_<activation>, denseBackward.mjs) and the weight and bias gradients
// (dense_weight_grad, denseGrad.mjs), all over blocks of DENSE_BLOCK samples in the panel
// layout that denseProduct.mjs describes. Not part of the app's kernel yet: it is compiled on
// demand (compileDense) by its tests and its measurement.
import wabtInit from 'wabt';
import { backwardInputFuncs } from './denseBackward.mjs';
import { weightGradFunc } from './denseGrad.mjs';
import { productFunc } from './denseProduct.mjs';
import { withRelaxedMadd } from './simd.mjs';

export { DENSE_BLOCK, TILE_PANELS, TILE_SAMPLES } from './denseProduct.mjs';
export { GRAD_PANELS, GRAD_UNROLL } from './denseGrad.mjs';
export { backwardInputName } from './denseBackward.mjs';

/**
 * The module's text: one imported memory; dense_forward(pa, pw, pb, pz, kp, jp, blocks)
 * (Z = A·W + b, K padded to kp, J to jp), the backward deltas and the weight gradient.
 * relaxed_madd for the products' multiply-adds with `relaxedMadd`.
 */
export function generateDenseWat({ relaxedMadd = false } = {}) {
  return withRelaxedMadd(
    relaxedMadd,
    () => `(module
  (import "env" "memory" (memory 1))${productFunc('dense_forward', { bias: true })}
${backwardInputFuncs()}
${weightGradFunc()}
)
`,
  );
}

/** The module's bytes, compiled with wabt (relaxed SIMD with `relaxedMadd`). */
export async function compileDense({ relaxedMadd = false } = {}) {
  const wabt = await wabtInit();
  const features = relaxedMadd ? { simd: true, relaxed_simd: true } : { simd: true };
  const module = wabt.parseWat('dense.wat', generateDenseWat({ relaxedMadd }), features);
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
