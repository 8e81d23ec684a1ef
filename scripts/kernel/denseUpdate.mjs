// The optimizers' update for the dense kernels: one pass over a parameter array and its
// gradient (the kernels' tutorial-sign sums), with the optimizer's moments beside it, as
// src/core/optimizers.ts states the rules (torch.optim's, with its defaults):
//   g = gscale · gtut (+ l1 sign(w) + l2 w: the _penalized functions, for weights)
//   sgd       w -= lr g
//   momentum  v = mu v + g;  w -= lr v
//   rmsprop   s = 0.99 s + (1 - 0.99) g²;  w -= lr g / (√s + 1e-8)
//   adam      m = 0.9 m + (1 - 0.9) g;  v = 0.999 v + (1 - 0.999) g²;
//             w -= (lr / (1 - 0.9ᵗ)) m / (√v / √(1 - 0.999ᵗ) + 1e-8)
// then the flush of |w| < 2⁻⁵⁰ to 0 (NaN kept). The scalars that depend on the step (the
// scale, lr / (1 - 0.9ᵗ), √(1 - 0.999ᵗ)) come from JavaScript once per call. The layout
// does not matter here (elementwise), so the arrays are the panel-ordered W, G and the
// moments in the same order. Differences from the TypeScript core: the moments are float32
// (the core keeps float64) and every operation rounds to float32; f32x4.sqrt and f32x4.div
// are correctly rounded. Unfused in both builds, so both give the same bits.
import { f32x4, i32x4, ZERO } from './simd.mjs';
import { FLUSH_BELOW, i32, lanes } from './wat.mjs';

/** As RMSPROP_ALPHA, ADAM_BETA1, ADAM_BETA2, OPTIMIZER_EPS in src/core/optimizers.ts. */
const RMSPROP_ALPHA = 0.99;
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const EPS = 1e-8;

const get = (name) => `(local.get $${name})`;
const mul = (a, b) => `(f32x4.mul ${a} ${b})`;
const add = (a, b) => `(f32x4.add ${a} ${b})`;
const sub = (a, b) => `(f32x4.sub ${a} ${b})`;

/** Statements setting local $next from $w, $g and the moments at $p1, $p2 (offset $i). */
const RULES = {
  sgd: () => `(local.set $next ${sub(get('w'), mul(get('lr'), get('g')))})`,
  momentum: () => `
      (local.set $m1 ${add(mul(get('mu'), '(v128.load (local.get $a1))'), get('g'))})
      (v128.store (local.get $a1) (local.get $m1))
      (local.set $next ${sub(get('w'), mul(get('lr'), get('m1')))})`,
  rmsprop: () => `
      (local.set $m2 ${add(mul(f32x4(RMSPROP_ALPHA), '(v128.load (local.get $a2))'), mul(mul(f32x4(1 - RMSPROP_ALPHA), get('g')), get('g')))})
      (v128.store (local.get $a2) (local.get $m2))
      (local.set $next ${sub(get('w'), `(f32x4.div ${mul(get('lr'), get('g'))} ${add('(f32x4.sqrt (local.get $m2))', f32x4(EPS))})`)})`,
  adam: () => `
      (local.set $m1 ${add(mul(f32x4(ADAM_BETA1), '(v128.load (local.get $a1))'), mul(f32x4(1 - ADAM_BETA1), get('g')))})
      (local.set $m2 ${add(mul(f32x4(ADAM_BETA2), '(v128.load (local.get $a2))'), mul(mul(f32x4(1 - ADAM_BETA2), get('g')), get('g')))})
      (v128.store (local.get $a1) (local.get $m1))
      (v128.store (local.get $a2) (local.get $m2))
      (local.set $next ${sub(get('w'), `(f32x4.div ${mul(get('adamStep'), get('m1'))} ${add(`(f32x4.div (f32x4.sqrt (local.get $m2)) ${get('bias2Sqrt')})`, f32x4(EPS))})`)})`,
};

/** The export name of an optimizer's update, with the penalties or not. */
export const updateName = (optimizer, penalized) =>
  `dense_update_${optimizer}${penalized ? '_penalized' : ''}`;

/**
 * dense_update_<optimizer>[_penalized](pw, pg, pm1, pm2, count, gscale, lr, l1, l2, mu,
 * adamStep, bias2Sqrt): `count` floats (a multiple of 4) of w at pw updated from the
 * tutorial-sign gradient at pg, the first moment at pm1 and the second at pm2 (each read
 * only by the optimizers that keep it).
 */
function updateFunc(optimizer, penalized) {
  const scalars = ['gscale', 'lr', 'l1', 'l2', 'mu', 'adamStep', 'bias2Sqrt'];
  // sign(w) as ±1 from w's sign bit, 0 where w is ±0 (Math.sign; NaN gives ±1 here).
  const sign = `(v128.and (v128.or (v128.and ${get('w')} ${i32x4(0x80000000 | 0)}) ${f32x4(1)}) (f32x4.ne ${get('w')} ${ZERO}))`;
  const penalty = penalized
    ? `(local.set $g ${add(get('g'), mul(get('l1'), sign))})
      (local.set $g ${add(get('g'), mul(get('l2'), get('w')))})`
    : '';
  return `
  (func $${updateName(optimizer, penalized)} (export "${updateName(optimizer, penalized)}") (param $pw i32) (param $pg i32)
    (param $a1 i32) (param $a2 i32) (param $count i32)
    ${scalars.map((s) => `(param $s_${s} f32)`).join(' ')}
    ${scalars.map((s) => `(local $${s} v128)`).join(' ')}
    (local $w v128) (local $g v128) (local $m1 v128) (local $m2 v128) (local $next v128)
    ${scalars.map((s) => `(local.set $${s} (f32x4.splat (local.get $s_${s})))`).join(' ')}
    (block $done
      (br_if $done (i32.eqz (local.get $count)))
      (loop $each
        (local.set $w (v128.load (local.get $pw)))
        (local.set $g ${mul('(v128.load (local.get $pg))', get('gscale'))})
        ${penalty}
        ${RULES[optimizer]()}
        ;; The flush: |next| < FLUSH_BELOW becomes 0; NaN compares false and stays.
        (v128.store (local.get $pw) (v128.andnot (local.get $next)
          (f32x4.lt (f32x4.abs (local.get $next)) ${f32x4(FLUSH_BELOW)})))
        (local.set $pw (i32.add (local.get $pw) ${i32(16)}))
        (local.set $pg (i32.add (local.get $pg) ${i32(16)}))
        (local.set $a1 (i32.add (local.get $a1) ${i32(16)}))
        (local.set $a2 (i32.add (local.get $a2) ${i32(16)}))
        (br_if $each (local.tee $count (i32.sub (local.get $count) ${i32(4)}))))))`;
}

const shuffle = (a, b, ...ls) =>
  `(i8x16.shuffle ${lanes(...ls)} (local.get $${a}) (local.get $${b}))`;

/**
 * dense_transpose(pwf, pwb, kp, jp): Wb (Wᵀ as kp/4 input panels of jp vectors, what the
 * backward delta reads) from Wf (jp/4 output panels of kp vectors), after each update.
 * Block by block of 4 × 4: Wf's rows k = 4p..4p+3 of panel q are 4 consecutive vectors,
 * transposed with 8 shuffles into Wb's rows j = 4q..4q+3 of panel p.
 */
function transposeFunc() {
  const R = [0, 1, 2, 3];
  return `
  (func $dense_transpose (export "dense_transpose") (param $pwf i32) (param $pwb i32) (param $kp i32) (param $jp i32)
    (local $q i32) (local $p i32) (local $src i32) (local $dst i32) (local $dq i32) (local $stride i32)
    ${R.map((r) => `(local $r${r} v128) (local $t${r} v128)`).join(' ')}
    (local.set $stride (i32.mul (local.get $jp) ${i32(16)}))
    (local.set $src (local.get $pwf))
    (local.set $dq (local.get $pwb))
    (local.set $q (i32.shr_u (local.get $jp) ${i32(2)}))
    (loop $panels
      (local.set $dst (local.get $dq))
      (local.set $p (i32.shr_u (local.get $kp) ${i32(2)}))
      (loop $blocks
        ${R.map((r) => `(local.set $r${r} (v128.load offset=${r * 16} (local.get $src)))`).join(' ')}
        (local.set $t0 ${shuffle('r0', 'r1', 0, 4, 1, 5)})
        (local.set $t1 ${shuffle('r0', 'r1', 2, 6, 3, 7)})
        (local.set $t2 ${shuffle('r2', 'r3', 0, 4, 1, 5)})
        (local.set $t3 ${shuffle('r2', 'r3', 2, 6, 3, 7)})
        (v128.store offset=0 (local.get $dst) ${shuffle('t0', 't2', 0, 1, 4, 5)})
        (v128.store offset=16 (local.get $dst) ${shuffle('t0', 't2', 2, 3, 6, 7)})
        (v128.store offset=32 (local.get $dst) ${shuffle('t1', 't3', 0, 1, 4, 5)})
        (v128.store offset=48 (local.get $dst) ${shuffle('t1', 't3', 2, 3, 6, 7)})
        (local.set $src (i32.add (local.get $src) ${i32(64)}))
        (local.set $dst (i32.add (local.get $dst) (local.get $stride)))
        (br_if $blocks (local.tee $p (i32.sub (local.get $p) ${i32(1)}))))
      (local.set $dq (i32.add (local.get $dq) ${i32(64)}))
      (br_if $panels (local.tee $q (i32.sub (local.get $q) ${i32(1)})))))`;
}

/** Every optimizer's update, with and without the penalties, and the transpose after it. */
export function updateFuncs() {
  return [
    ...Object.keys(RULES).flatMap((optimizer) => [
      updateFunc(optimizer, false),
      updateFunc(optimizer, true),
    ]),
    transposeFunc(),
  ].join('\n');
}
