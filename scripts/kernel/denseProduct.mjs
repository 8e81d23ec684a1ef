// The register-tiled product shared by the dense layer's forward (Z = A·W + b) and its
// backward delta (dA = dZ·Wᵀ, then times act'): out[n, panels] = init + Σ_k in[n, k] · W[panel][k],
// over blocks of DENSE_BLOCK samples in the panel layout (docs/kernel-deep.md). The two
// differ only in where the accumulators start (the bias, or zero) and in what happens to a
// tile before it is stored (nothing, or the activation derivative's epilogue), so one
// generator writes both and they share every measurement of the tile's shape.
//
// Layout, units padded to a multiple of 4:
//   - in and out per block of DENSE_BLOCK samples, in panels of 4 units: units 4p..4p+3 of
//     sample n are one v128 at byte (p * DENSE_BLOCK + n) * 16 of the block's buffer, so
//     every value a tile needs is one pointer plus an immediate offset;
//   - W as output panels, W[j/4][k][4]: the K vectors of one panel are consecutive.
// The micro-tile is TILE_SAMPLES samples (splatted scalars of `in`) by TILE_PANELS output
// panels (vectors of W): 8 accumulators, 2 weight vectors and the splat, within the 15 xmm
// registers V8 allocates; the reduction over k runs K_UNROLL units per iteration.
import { addMul, ZERO } from './simd.mjs';
import { i32, Locals } from './wat.mjs';

/** Samples per block: a generation-time constant, so sample offsets are immediates. */
export const DENSE_BLOCK = 32;
/** Samples per micro-tile (rows of splatted input values). */
export const TILE_SAMPLES = 4;
/** Output panels (vectors of 4 units) per micro-tile; the last panels take smaller tiles. */
export const TILE_PANELS = 2;
/** Units of k per iteration of the reduction loop: 4 (one input panel) or 1 or 2. */
export const K_UNROLL = 1;
/** Bytes of one panel of a block: DENSE_BLOCK vectors. */
export const PANEL_BYTES = DENSE_BLOCK * 16;

const S = [...Array(TILE_SAMPLES).keys()];
const R = [0, 1, 2, 3];

/**
 * The loop over one group of `panels` output panels for every sample tile of a block:
 * accumulators start at the bias (or zero), then sum the input's splats times W's vectors
 * over all input panels; the epilogue, if any, maps each accumulator before its store.
 */
function panelGroup(panels, { bias, epilogue, activation, tmp, kUnroll }) {
  const C = [...Array(panels).keys()];
  const acc = (s, c) => `$acc${s}_${c}`;
  const body = R.slice(0, kUnroll)
    .map((r) => {
      const loads = C.map(
        (c) => `(local.set $w${c} (v128.load offset=${r * 16} (local.get $wp${c})))`,
      ).join(' ');
      const madds = S.map((s) => {
        const splat = `(v128.load32_splat offset=${s * 16 + r * 4} (local.get $ap))`;
        // One splat feeds every panel: held in a local when more than one panel uses it
        // (V8 does not merge repeated identical loads; measured in docs/kernel-deep.md).
        const value = panels > 1 ? '(local.get $x)' : splat;
        const sets = C.map(
          (c) =>
            `(local.set ${acc(s, c)} ${addMul(`(local.get ${acc(s, c)})`, value, `(local.get $w${c})`)})`,
        ).join(' ');
        return panels > 1 ? `(local.set $x ${splat}) ${sets}` : sets;
      }).join('\n            ');
      return `${loads}\n            ${madds}`;
    })
    .join('\n            ');
  const init = S.flatMap((s) =>
    C.map((c) => `(local.set ${acc(s, c)} ${bias ? `(local.get $bias${c})` : ZERO})`),
  ).join(' ');
  const stores = S.flatMap((s) =>
    C.map((c) => {
      const offset = c * PANEL_BYTES + s * 16;
      const value = `(local.get ${acc(s, c)})`;
      if (activation) {
        const g = activation.storesGrad ? '$gv' : undefined;
        return `${activation.apply(value, '$av', tmp, g)}
        (v128.store offset=${offset} (local.get $zp) (local.get $av))
        ${g ? `(v128.store offset=${offset} (local.get $gp) (local.get $gv))` : ''}`;
      }
      if (!epilogue) return `(v128.store offset=${offset} (local.get $zp) ${value})`;
      return `(local.set $st (v128.load offset=${offset} (local.get $sp)))
        (v128.store offset=${offset} (local.get $zp) ${epilogue(value, '(local.get $st)')})`;
    }),
  ).join(' ');
  return `
      ${bias ? C.map((c) => `(local.set $bias${c} (v128.load offset=${c * 16} (local.get $bq)))`).join(' ') : ''}
      (local.set $n ${i32(0)})
      (loop $tiles${panels}
        ${init}
        (local.set $ap (i32.add (local.get $pa) (i32.shl (local.get $n) ${i32(4)})))
        (local.set $wp0 (local.get $wq))
        ${C.slice(1)
          .map(
            (c) =>
              `(local.set $wp${c} (i32.add (local.get $wq) (i32.mul (local.get $kp) ${i32(c * 16)})))`,
          )
          .join(' ')}
        (local.set $p (local.get $kpanels))
        (loop $k${panels}
          ${
            kUnroll === 4
              ? body
              : `(local.set $r ${i32(4 / kUnroll)})
          (loop $units${panels}
            ${body}
            (local.set $ap (i32.add (local.get $ap) ${i32(4 * kUnroll)}))
            ${C.map((c) => `(local.set $wp${c} (i32.add (local.get $wp${c}) ${i32(16 * kUnroll)}))`).join(' ')}
            (br_if $units${panels} (local.tee $r (i32.sub (local.get $r) ${i32(1)}))))`
          }
          (local.set $ap (i32.add (local.get $ap) ${i32(kUnroll === 4 ? PANEL_BYTES : PANEL_BYTES - 16)}))
          ${kUnroll === 4 ? C.map((c) => `(local.set $wp${c} (i32.add (local.get $wp${c}) ${i32(64)}))`).join(' ') : ''}
          (br_if $k${panels} (local.tee $p (i32.sub (local.get $p) ${i32(1)}))))
        (local.set $zp (i32.add (local.get $zq) (i32.shl (local.get $n) ${i32(4)})))
        ${epilogue || activation?.storesGrad ? `(local.set $sp (i32.add (local.get $sq) (i32.shl (local.get $n) ${i32(4)})))` : ''}
        ${activation?.storesGrad ? '(local.set $gp (local.get $sp))' : ''}
        ${stores}
        (br_if $tiles${panels} (i32.lt_u (local.tee $n (i32.add (local.get $n) ${i32(TILE_SAMPLES)})) ${i32(DENSE_BLOCK)})))`;
}

/**
 * A function (export `name`) with parameters (pa, pw, px, pz, kp, jp, blocks):
 * z = init + a·W for `blocks` blocks of DENSE_BLOCK samples, the input a of kp units and
 * the output z of jp units (both multiples of 4, at least 4), W as jp/4 output panels of kp
 * vectors. px is the bias (jp floats) when `bias`, else the stored values the epilogue reads
 * (laid out as z); unused without either. `activation`, if given, is the forward's
 * a = act(z) in the store epilogue: { apply(z, a, tmp, g) statements setting the v128
 * locals a (and g = act'(z) when storesGrad) from the expression z, tmp(name) a scratch
 * local; storesGrad }. With storesGrad the function takes an eighth parameter, pg, where g
 * is stored laid out as z. Block i's a starts at pa + i·kp·DENSE_BLOCK·4
 * bytes, its z (and stored values) at pz (px) + i·jp·DENSE_BLOCK·4.
 */
export function productFunc(
  name,
  { bias = false, epilogue = null, activation = null, kUnroll: unroll } = {},
) {
  const loc = new Locals();
  // Prefixed: the snippets' own names (pw, ...) would clash with the parameters.
  const tmp = (t) => loc.v(`e_${t}`);
  const C = [...Array(TILE_PANELS).keys()];
  const accs = S.flatMap((s) => C.map((c) => `(local $acc${s}_${c} v128)`)).join(' ');
  const perPanel = (names) =>
    C.map((c) =>
      names.map((v) => `(local $${v}${c} ${v === 'wp' ? 'i32' : 'v128'})`).join(' '),
    ).join(' ');
  // undefined (not given) takes the default.
  const kUnroll = unroll ?? K_UNROLL;
  const options = { bias, epilogue, activation, tmp, kUnroll };
  const stored = epilogue || activation?.storesGrad;
  // After a group of t panels: W, b (or the stored values) and z move on by t panels.
  const advance = (t) => `
          (local.set $wq (i32.add (local.get $wq) (i32.mul (local.get $kp) ${i32(t * 16)})))
          ${bias ? `(local.set $bq (i32.add (local.get $bq) ${i32(t * 16)}))` : ''}
          ${stored ? `(local.set $sq (i32.add (local.get $sq) ${i32(t * PANEL_BYTES)}))` : ''}
          (local.set $zq (i32.add (local.get $zq) ${i32(t * PANEL_BYTES)}))
          (local.set $q (i32.sub (local.get $q) ${i32(t)}))`;
  // The last jpanels mod TILE_PANELS panels, in groups of decreasing size (one of each at most).
  const tails = [...Array(TILE_PANELS - 1).keys()]
    .map((i) => TILE_PANELS - 1 - i)
    .map(
      (t) => `
      (if (i32.ge_u (local.get $q) ${i32(t)})
        (then ${panelGroup(t, options)} ${advance(t)}))`,
    )
    .join('');
  const blockBytes = (width) => `(i32.mul (local.get ${width}) ${i32(DENSE_BLOCK * 4)})`;
  // Generated before the header, which declares the scratch locals its epilogues asked for.
  const full = panelGroup(TILE_PANELS, options);
  return `
  (func $${name} (export "${name}") (param $pa i32) (param $pw i32) (param $px i32) (param $pz i32)
    (param $kp i32) (param $jp i32) (param $blocks i32) ${activation?.storesGrad ? '(param $pg i32)' : ''}
    (local $n i32) (local $p i32) (local $r i32) (local $q i32) (local $kpanels i32) (local $jpanels i32)
    (local $ap i32) (local $wq i32) (local $bq i32) (local $zq i32) (local $zp i32)
    (local $sq i32) (local $sp i32) (local $gp i32) (local $st v128) (local $av v128)
    (local $gv v128) ${loc.decl()}
    (local $x v128) ${perPanel(['wp', 'w', 'bias'])} ${accs}
    (local.set $kpanels (i32.shr_u (local.get $kp) ${i32(2)}))
    (local.set $jpanels (i32.shr_u (local.get $jp) ${i32(2)}))
    (loop $eachBlock
      (local.set $wq (local.get $pw))
      (local.set $bq (local.get $px))
      (local.set $sq (local.get ${activation?.storesGrad ? '$pg' : '$px'}))
      (local.set $zq (local.get $pz))
      (local.set $q (local.get $jpanels))
      ;; Output panels TILE_PANELS at a time, then the rest in smaller groups.
      (block $groupsDone
        (br_if $groupsDone (i32.lt_u (local.get $q) ${i32(TILE_PANELS)}))
        (loop $groups
          ${full} ${advance(TILE_PANELS)}
          (br_if $groups (i32.ge_u (local.get $q) ${i32(TILE_PANELS)}))))${tails}
      (local.set $pa (i32.add (local.get $pa) ${blockBytes('$kp')}))
      (local.set $pz (i32.add (local.get $pz) ${blockBytes('$jp')}))
      ${epilogue ? `(local.set $px (i32.add (local.get $px) ${blockBytes('$jp')}))` : ''}
      ${activation?.storesGrad ? `(local.set $pg (i32.add (local.get $pg) ${blockBytes('$jp')}))` : ''}
      (br_if $eachBlock (local.tee $blocks (i32.sub (local.get $blocks) ${i32(1)})))))`;
}
