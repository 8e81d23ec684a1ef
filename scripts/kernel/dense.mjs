// Writes the WebAssembly text of a dense layer's forward pass Z = A·W + b over blocks of
// samples: the first brick of the kernel for hidden-to-hidden layers (docs/kernel-deep.md).
// Not part of the app's kernel yet: it is compiled on demand (compileDense) by its test and
// its measurement.
//
// Layout (docs/kernel-deep.md, "Memory layout per model"), units padded to a multiple of 4:
//   - A and Z per block of DENSE_BLOCK samples, in panels of 4 units: units 4p..4p+3 of
//     sample n are one v128 at byte (p * DENSE_BLOCK + n) * 16 of the block's buffer, so
//     every value a tile needs is one pointer plus an immediate offset;
//   - W as output panels, Wf[j/4][k][4]: the K vectors of one panel are consecutive;
//   - b as Jp floats.
// The micro-tile is TILE_SAMPLES samples (splatted scalars of A) by TILE_PANELS output
// panels (vectors of W): 8 accumulators, 2 weight vectors and the splats, within the 15 xmm
// registers V8 allocates; the reduction over k is unrolled by one A panel (4 units).
import wabtInit from 'wabt';
import { addMul, withRelaxedMadd } from './simd.mjs';
import { i32 } from './wat.mjs';

/** Samples per block: a generation-time constant, so sample offsets are immediates. */
export const DENSE_BLOCK = 32;
/** Samples per micro-tile (rows of splatted A values). */
export const TILE_SAMPLES = 4;
/** Output panels (vectors of 4 units) per micro-tile; a last odd panel takes a 1-panel tile. */
export const TILE_PANELS = 2;

const PANEL_BYTES = DENSE_BLOCK * 16;
const S = [...Array(TILE_SAMPLES).keys()];
const R = [0, 1, 2, 3];

/**
 * The loop over one group of `panels` output panels for every sample tile of a block:
 * accumulators start at the bias, then sum A's splats times W's vectors over all K panels.
 */
function panelGroup(panels) {
  const C = [...Array(panels).keys()];
  const acc = (s, c) => `$acc${s}_${c}`;
  const body = R.map((r) => {
    const loads = C.map(
      (c) => `(local.set $w${c} (v128.load offset=${r * 16} (local.get $wp${c})))`,
    ).join(' ');
    const madds = S.map((s) => {
      const splat = `(v128.load32_splat offset=${s * 16 + r * 4} (local.get $ap))`;
      // One splat feeds every panel: held in a local when more than one panel uses it.
      const value = panels > 1 ? '(local.get $x)' : splat;
      const sets = C.map(
        (c) =>
          `(local.set ${acc(s, c)} ${addMul(`(local.get ${acc(s, c)})`, value, `(local.get $w${c})`)})`,
      ).join(' ');
      return panels > 1 ? `(local.set $x ${splat}) ${sets}` : sets;
    }).join('\n            ');
    return `${loads}\n            ${madds}`;
  }).join('\n            ');
  const init = S.flatMap((s) =>
    C.map((c) => `(local.set ${acc(s, c)} (local.get $bias${c}))`),
  ).join(' ');
  const stores = S.flatMap((s) =>
    C.map(
      (c) =>
        `(v128.store offset=${c * PANEL_BYTES + s * 16} (local.get $zp) (local.get ${acc(s, c)}))`,
    ),
  ).join(' ');
  return `
      ${C.map((c) => `(local.set $bias${c} (v128.load offset=${c * 16} (local.get $bq)))`).join(' ')}
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
          ${body}
          (local.set $ap (i32.add (local.get $ap) ${i32(PANEL_BYTES)}))
          ${C.map((c) => `(local.set $wp${c} (i32.add (local.get $wp${c}) ${i32(64)}))`).join(' ')}
          (br_if $k${panels} (local.tee $p (i32.sub (local.get $p) ${i32(1)}))))
        (local.set $zp (i32.add (local.get $zq) (i32.shl (local.get $n) ${i32(4)})))
        ${stores}
        (br_if $tiles${panels} (i32.lt_u (local.tee $n (i32.add (local.get $n) ${i32(TILE_SAMPLES)})) ${i32(DENSE_BLOCK)})))`;
}

/**
 * dense_forward(pa, pw, pb, pz, kp, jp, blocks): Z = A·W + b for `blocks` blocks of
 * DENSE_BLOCK samples, K padded to kp and J padded to jp (both multiples of 4, at least 4).
 * Block i's A starts at pa + i·kp·DENSE_BLOCK·4 bytes, its Z at pz + i·jp·DENSE_BLOCK·4.
 */
function forwardFunc() {
  const C = [...Array(TILE_PANELS).keys()];
  const accs = S.flatMap((s) => C.map((c) => `(local $acc${s}_${c} v128)`)).join(' ');
  const perPanel = (names) =>
    C.map((c) =>
      names.map((v) => `(local $${v}${c} ${v === 'wp' ? 'i32' : 'v128'})`).join(' '),
    ).join(' ');
  // After a group of t panels: W, b and Z move on by t panels.
  const advance = (t) => `
          (local.set $wq (i32.add (local.get $wq) (i32.mul (local.get $kp) ${i32(t * 16)})))
          (local.set $bq (i32.add (local.get $bq) ${i32(t * 16)}))
          (local.set $zq (i32.add (local.get $zq) ${i32(t * PANEL_BYTES)}))
          (local.set $q (i32.sub (local.get $q) ${i32(t)}))`;
  // The last jpanels mod TILE_PANELS panels, in groups of decreasing size (one of each at most).
  const tails = [...Array(TILE_PANELS - 1).keys()]
    .map((i) => TILE_PANELS - 1 - i)
    .map(
      (t) => `
      (if (i32.ge_u (local.get $q) ${i32(t)})
        (then ${panelGroup(t)} ${advance(t)}))`,
    )
    .join('');
  return `
  (func (export "dense_forward") (param $pa i32) (param $pw i32) (param $pb i32) (param $pz i32)
    (param $kp i32) (param $jp i32) (param $blocks i32)
    (local $n i32) (local $p i32) (local $q i32) (local $kpanels i32) (local $jpanels i32)
    (local $ap i32) (local $wq i32) (local $bq i32) (local $zq i32) (local $zp i32)
    (local $x v128) ${perPanel(['wp', 'w', 'bias'])} ${accs}
    (local.set $kpanels (i32.shr_u (local.get $kp) ${i32(2)}))
    (local.set $jpanels (i32.shr_u (local.get $jp) ${i32(2)}))
    (loop $eachBlock
      (local.set $wq (local.get $pw))
      (local.set $bq (local.get $pb))
      (local.set $zq (local.get $pz))
      (local.set $q (local.get $jpanels))
      ;; Output panels TILE_PANELS at a time, then the rest in smaller groups.
      (block $groupsDone
        (br_if $groupsDone (i32.lt_u (local.get $q) ${i32(TILE_PANELS)}))
        (loop $groups
          ${panelGroup(TILE_PANELS)} ${advance(TILE_PANELS)}
          (br_if $groups (i32.ge_u (local.get $q) ${i32(TILE_PANELS)}))))${tails}
      (local.set $pa (i32.add (local.get $pa) (i32.mul (local.get $kp) ${i32(DENSE_BLOCK * 4)})))
      (local.set $pz (i32.add (local.get $pz) (i32.mul (local.get $jp) ${i32(DENSE_BLOCK * 4)})))
      (br_if $eachBlock (local.tee $blocks (i32.sub (local.get $blocks) ${i32(1)})))))`;
}

/** The module's text: one imported memory, dense_forward; relaxed_madd with `relaxedMadd`. */
export function generateDenseWat({ relaxedMadd = false } = {}) {
  return withRelaxedMadd(
    relaxedMadd,
    () => `(module
  (import "env" "memory" (memory 1))${forwardFunc()}
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
