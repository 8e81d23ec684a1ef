// Writes the WebAssembly module of the dense (hidden-to-hidden) layer kernels, the bricks of
// the kernel for deep networks (docs/kernel-deep.md): the forward Z = A·W + b
// (dense_forward), the backward delta fused with the activation derivative below
// (dense_backward_input_<activation>, denseBackward.mjs) and the weight and bias gradients
// (dense_weight_grad, denseGrad.mjs), all over blocks of DENSE_BLOCK samples in the panel
// layout that denseProduct.mjs describes. Not part of the app's kernel yet: it is compiled on
// demand (compileDense) by its tests and its measurement.
import wabtInit from 'wabt';
import { ACTIVATIONS } from './activations.mjs';
import { backwardInputFuncs } from './denseBackward.mjs';
import { weightGradFunc } from './denseGrad.mjs';
import { updateFuncs } from './denseUpdate.mjs';
import { productFunc } from './denseProduct.mjs';
import { f32x4, withRelaxedMadd, ZERO } from './simd.mjs';

export { DENSE_BLOCK, K_UNROLL, TILE_PANELS, TILE_SAMPLES } from './denseProduct.mjs';
export { GRAD_PANELS, GRAD_UNROLL } from './denseGrad.mjs';
export { backwardInputName } from './denseBackward.mjs';
export { updateName } from './denseUpdate.mjs';

/**
 * a = act(z) in the forward's store epilogue. relu and leaky ReLU as the TypeScript core
 * computes them (pmax(0, z) is the core's z > 0 ? z : 0, +0 and NaN included; leaky ReLU's
 * slope is float32 here and float64 there: at most one rounding apart); the smooth ones are
 * the main kernel's snippets (activations.mjs, whose accuracy approximations.test.ts
 * states), with their input scale applied as a multiply and sigmoid's a = 1/2 + t/2 formed
 * here rather than folded into the next layer. softplus and sine also store g = act'(z).
 */
const EXACT_FORWARD = {
  relu: (z, a) => `(local.set ${a} (f32x4.pmax ${ZERO} ${z}))`,
  'leaky-relu': (z, a) =>
    `(local.set ${a} (v128.bitselect ${z} (f32x4.mul ${z} ${f32x4(0.01)}) (f32x4.gt ${z} ${ZERO})))`,
};

function forwardActivation(name) {
  if (name in EXACT_FORWARD) return { apply: EXACT_FORWARD[name], storesGrad: false };
  const act = ACTIVATIONS[name];
  return {
    storesGrad: Boolean(act.storesGrad),
    apply: (z, a, tmp, g) => {
      const u = act.inputScale ? `(f32x4.mul ${z} ${f32x4(act.inputScale)})` : z;
      const affine = act.outAffine
        ? `(local.set ${a} (f32x4.add ${f32x4(act.outAffine[0])} (f32x4.mul ${f32x4(act.outAffine[1])} (local.get ${a}))))`
        : '';
      return `${act.forward(u, a, tmp, g, { clamp: true })} ${affine}`;
    },
  };
}

/** Every activation but none has its own forward. */
const FORWARD_ACTIVATIONS = Object.keys(ACTIVATIONS).filter((name) => name !== 'none');

/** The export name of the forward with `activation` (none: dense_forward). */
export const forwardName = (activation) =>
  activation === 'none' ? 'dense_forward' : `dense_forward_${activation.replace('-', '_')}`;

/**
 * The module's text: one imported memory; dense_forward(pa, pw, pb, pz, kp, jp, blocks)
 * (Z = A·W + b, K padded to kp, J to jp), the same with each activation (forwardName; with
 * an eighth parameter pg for softplus and sine, where act'(z) is stored), the backward deltas,
 * the weight gradient and the optimizers' updates (updateName, denseUpdate.mjs).
 * relaxed_madd for the products' multiply-adds with `relaxedMadd`. `kUnroll` and
 * `gradUnroll` override K_UNROLL and GRAD_UNROLL, for the A/B in bench/denseUnroll.ts.
 */
export function generateDenseWat({ relaxedMadd = false, kUnroll, gradUnroll } = {}) {
  return withRelaxedMadd(
    relaxedMadd,
    () => `(module
  (import "env" "memory" (memory 1))${productFunc('dense_forward', { bias: true, kUnroll })}
${FORWARD_ACTIVATIONS.map((name) =>
  productFunc(forwardName(name), { bias: true, activation: forwardActivation(name), kUnroll }),
).join('\n')}
${backwardInputFuncs({ kUnroll })}
${weightGradFunc({ unroll: gradUnroll })}
${updateFuncs()}
)
`,
  );
}

/** The module's bytes, compiled with wabt (relaxed SIMD with `relaxedMadd`). */
export async function compileDense(options = {}) {
  const { relaxedMadd = false } = options;
  const wabt = await wabtInit();
  const features = relaxedMadd ? { simd: true, relaxed_simd: true } : { simd: true };
  const module = wabt.parseWat('dense.wat', generateDenseWat(options), features);
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
