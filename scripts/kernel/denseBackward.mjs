// The dense layer's backward delta fused with the layer below's activation derivative:
// dZ_prev = (dZ · Wᵀ) ⊙ act'(stored), one exported function per activation,
// dense_backward_input_<activation> (with '-' as '_'). The product is the forward's tile
// (denseProduct.mjs) run over Wb = Wᵀ in input panels (Wb[k/4][j][4]), so dA never reaches
// memory: the epilogue multiplies each finished tile by act' read from the layer below's
// stored values, in the same panel layout as dA.
//
// What is stored per (sample, unit) of the layer below, and act' from it:
//   none                  nothing; act' = 1
//   relu                  a;  act' = [a > 0]            (a > 0 exactly where z > 0)
//   leaky-relu            a;  act' = 1 or LEAKY_SLOPE on a > 0 (a keeps z's sign)
//   elu                   a;  act' = 1, else a + ELU_ALPHA (= alpha e^z for z <= 0)
//   tanh                  a;  act' = (1 - a)(1 + a)
//   sigmoid               a;  act' = a (1 - a)
//   softplus, sine        g = act'(z) itself (sigmoid z, cos z), stored by the forward
// These follow multiplyByDerivative in src/core/activations.ts, which works in float64 and
// rounds once; here every operation rounds to float32. tanh is written (1 - a)(1 + a), not
// 1 - a², because 1 - a² in float32 loses all its digits when the unit saturates (a² rounds
// to within 2⁻²⁴ of 1), while one factor of (1 - a)(1 + a) is exact there (Sterbenz) and
// the other rounds once: act' keeps a relative error of a few 2⁻²⁴ at every a.
// The multiplies and adds here are never fused, in either build: the epilogue runs once
// per tile, and unfused it gives the same bits in both builds for the same dA.
import { ACTIVATIONS } from './activations.mjs';
import { productFunc } from './denseProduct.mjs';
import { f32x4, ZERO } from './simd.mjs';

/** As LEAKY_SLOPE and ELU_ALPHA in src/core/activations.ts. */
const LEAKY_SLOPE = 0.01;
const ELU_ALPHA = 1;

const positive = (st) => `(f32x4.gt ${st} ${ZERO})`;

/** d ⊙ act' from the tile's accumulator d and the stored value st (both expressions). */
const EPILOGUES = {
  none: null,
  relu: (d, st) => `(v128.and ${d} ${positive(st)})`,
  'leaky-relu': (d, st) =>
    `(v128.bitselect ${d} (f32x4.mul ${d} ${f32x4(LEAKY_SLOPE)}) ${positive(st)})`,
  elu: (d, st) =>
    `(v128.bitselect ${d} (f32x4.mul ${d} (f32x4.add ${st} ${f32x4(ELU_ALPHA)})) ${positive(st)})`,
  tanh: (d, st) =>
    `(f32x4.mul ${d} (f32x4.mul (f32x4.sub ${f32x4(1)} ${st}) (f32x4.add ${f32x4(1)} ${st})))`,
  sigmoid: (d, st) => `(f32x4.mul ${d} (f32x4.mul ${st} (f32x4.sub ${f32x4(1)} ${st})))`,
  softplus: (d, st) => `(f32x4.mul ${d} ${st})`,
  sine: (d, st) => `(f32x4.mul ${d} ${st})`,
};

/** The export name of the backward delta fused with `activation`'s derivative. */
export const backwardInputName = (activation) =>
  `dense_backward_input_${activation.replace('-', '_')}`;

/**
 * Every dense_backward_input_<activation>(pdz, pwb, ps, pda, jp, kp, blocks): dZ_prev =
 * (dZ · Wᵀ) ⊙ act'(stored) over `blocks` blocks, dZ of jp units, Wb = Wᵀ as kp/4 panels of
 * jp vectors, the stored values (ps) and dZ_prev (pda) of kp units (productFunc's layout).
 */
export function backwardInputFuncs({ kUnroll } = {}) {
  // The main kernel's table names every activation of src/core/activations.ts.
  return Object.keys(ACTIVATIONS)
    .map((name) => {
      if (!(name in EPILOGUES)) throw new Error(`no backward epilogue for ${name}`);
      return productFunc(backwardInputName(name), { epilogue: EPILOGUES[name], kUnroll });
    })
    .join('\n');
}
