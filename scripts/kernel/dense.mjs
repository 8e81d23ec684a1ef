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
import { f32x4, withRelaxedMadd, ZERO } from './simd.mjs';

export { DENSE_BLOCK, TILE_PANELS, TILE_SAMPLES } from './denseProduct.mjs';
export { GRAD_PANELS, GRAD_UNROLL } from './denseGrad.mjs';
export { backwardInputName } from './denseBackward.mjs';

/**
 * The forward's activations so far, a = act(z) in the store epilogue, as the TypeScript core
 * computes them (z > 0 ? z : 0 is pmax(0, z), which gives +0 for -0 and NaN alike;
 * leaky ReLU's slope is float32 here, float64 there: at most one rounding apart). The smooth
 * activations follow with the approximations of activations.mjs.
 */
const FORWARD_ACTIVATIONS = {
  relu: (z) => `(f32x4.pmax ${ZERO} ${z})`,
  'leaky-relu': (z) =>
    `(v128.bitselect ${z} (f32x4.mul ${z} ${f32x4(0.01)}) (f32x4.gt ${z} ${ZERO}))`,
};

/** The export name of the forward with `activation` (none: dense_forward). */
export const forwardName = (activation) =>
  activation === 'none' ? 'dense_forward' : `dense_forward_${activation.replace('-', '_')}`;

/**
 * The module's text: one imported memory; dense_forward(pa, pw, pb, pz, kp, jp, blocks)
 * (Z = A·W + b, K padded to kp, J to jp), the same with an activation (forwardName), the
 * backward deltas and the weight gradient.
 * relaxed_madd for the products' multiply-adds with `relaxedMadd`.
 */
export function generateDenseWat({ relaxedMadd = false } = {}) {
  return withRelaxedMadd(
    relaxedMadd,
    () => `(module
  (import "env" "memory" (memory 1))${productFunc('dense_forward', { bias: true })}
${Object.entries(FORWARD_ACTIVATIONS)
  .map(([name, activation]) => productFunc(forwardName(name), { bias: true, activation }))
  .join('\n')}
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
