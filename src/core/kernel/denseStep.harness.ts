/**
 * A whole full-batch SGD step of a 1 -> H₁ -> … -> H_L -> 1 network on the generated dense
 * kernels (scripts/kernel/dense.mjs), run from TypeScript over their layout: per layer the
 * forward with its activation, then from the top the weight gradient and the backward delta
 * fused with act' below, then the update on the panel-ordered weights and the transposed
 * copy the delta reads. The step the TypeScript engine takes (train.ts trainStepInto), as
 * the next brick before one wasm call per step (docs/kernel-deep.md). Not used by the app.
 */
import { backwardInputName, DENSE_BLOCK, forwardName } from '../../../scripts/kernel/dense.mjs';
import type { Network } from '../network';
import { PARAM_FLUSH_BELOW } from '../train';
import { denseMemory, type DenseBuild } from './dense.harness';
import {
  packPanels,
  packWeights,
  padTo,
  panelIndex,
  panelLength,
  PANEL,
  unpackWeights,
} from './denseLayout';

/** One layer's regions (byte offsets) and padded widths. */
interface LayerRegions {
  readonly inDim: number;
  readonly outDim: number;
  readonly kp: number;
  readonly jp: number;
  /** W as output panels (forward), Wᵀ as input panels (delta), the gradient as W. */
  readonly wf: number;
  readonly wb: number;
  readonly g: number;
  readonly b: number;
  readonly gb: number;
  /** The layer's input values (x, or the activations below), its output a and dZ. */
  readonly input: number;
  readonly out: number;
  readonly dz: number;
  /** What the delta from above reads for act': act'(z) itself (softplus, sine), else a. */
  readonly stored: number;
  /** Where the forward of softplus and sine writes act'(z). */
  readonly deriv: number;
}

export interface DenseNetRunner {
  /** One step at learning rate lr (w += lr · Aᵀ dZ, dZ = -2 (o - y) at the top); the loss before it. */
  step(lr: number): number;
  /** The weights and biases of every layer, row-major as core/network.ts keeps them. */
  layers(): { w: Float32Array; b: Float32Array }[];
}

/** A copy of `net` laid out for the kernels, to train on (x, y). */
export async function denseNetRunner(
  build: DenseBuild,
  net: Network,
  x: Float32Array,
  y: Float32Array,
): Promise<DenseNetRunner> {
  const n = x.length;
  const blocks = padTo(n, DENSE_BLOCK) / DENSE_BLOCK;
  const sizes: number[] = [];
  const dims = net.layers.map((l) => {
    const kp = padTo(l.inDim, PANEL);
    const jp = padTo(l.outDim, PANEL);
    return {
      inDim: l.inDim,
      outDim: l.outDim,
      activation: l.activation,
      kp,
      jp,
      values: panelLength(n, l.outDim, DENSE_BLOCK),
    };
  });
  // Regions: x, then per layer wf, wb, g, b, gb, out (its activations), dz, act'(z).
  sizes.push(panelLength(n, 1, DENSE_BLOCK));
  for (const d of dims)
    sizes.push(d.kp * d.jp, d.kp * d.jp, d.kp * d.jp, d.jp, d.jp, d.values, d.values, d.values);
  const mem = await denseMemory(build, sizes);
  const at = [...mem.at];
  const next = () => {
    const ptr = at.shift();
    if (ptr === undefined) throw new Error('dense step: fewer regions than layers need');
    return ptr;
  };
  const px = next();
  let input = px;
  const layers: LayerRegions[] = dims.map((d) => {
    // The layer's regions, in the order pushed above.
    const wf = next();
    const wb = next();
    const g = next();
    const b = next();
    const gb = next();
    const out = next();
    const dz = next();
    const deriv = next();
    const storesGrad = d.activation === 'softplus' || d.activation === 'sine';
    const regions = {
      ...d,
      wf,
      wb,
      g,
      b,
      gb,
      input,
      out,
      dz,
      deriv,
      stored: storesGrad ? deriv : out,
    };
    input = out;
    return regions;
  });
  const view = (ptr: number, length: number) => mem.view(ptr, length);
  packPanels(x, n, 1, DENSE_BLOCK, view(px, sizes[0]!));
  layers.forEach((r, l) => {
    packWeights(net.layers[l]!.w, r.inDim, r.outDim, view(r.wf, r.kp * r.jp));
    view(r.b, r.jp).set(net.layers[l]!.b);
  });
  const activations = net.layers.map((l) => l.activation);
  const forward = activations.map((a) => mem.fn(forwardName(a)));
  // The delta below layer l is fused with the derivative of layer l - 1's activation.
  const delta = activations.map((_, l) =>
    l === 0 ? null : mem.fn(backwardInputName(activations[l - 1]!)),
  );
  const grad = mem.fn('dense_weight_grad');
  const top = layers[layers.length - 1]!;
  const out = view(top.out, panelLength(n, 1, DENSE_BLOCK));
  const dOut = view(top.dz, panelLength(n, 1, DENSE_BLOCK));
  // Where sample i's output (unit 0 of the top layer's values) sits.
  const outAt = Int32Array.from({ length: n }, (_, i) => panelIndex(i, 0, PANEL, DENSE_BLOCK));

  /** Wb = Wᵀ in input panels from Wf, entry for entry. */
  const transposeWeights = (r: LayerRegions) => {
    const wf = view(r.wf, r.kp * r.jp);
    const wb = view(r.wb, r.kp * r.jp);
    for (let k = 0; k < r.kp; k++)
      for (let j = 0; j < r.jp; j++)
        wb[((k >> 2) * r.jp + j) * PANEL + (k & 3)] = wf[((j >> 2) * r.kp + k) * PANEL + (j & 3)]!;
  };
  layers.forEach(transposeWeights);

  /** v = p + lr · g with the core's flush of tiny values (train.ts applyUpdate), in float64. */
  const updated = (p: number, g: number, lr: number) => {
    const v = p + lr * g;
    return Math.abs(v) < PARAM_FLUSH_BELOW ? 0 : v;
  };
  /**
   * W += lr · G and b += lr · gb on the real units only: a padded unit's activation is
   * act(0), not 0 for sigmoid and softplus, so its rows of G are not 0, and its weights
   * must stay 0 for it to add nothing above. (The fused step will mask the forward's last
   * panel instead, as docs/kernel-deep.md plans.)
   */
  const update = (r: LayerRegions, lr: number) => {
    const wf = view(r.wf, r.kp * r.jp);
    const g = view(r.g, r.kp * r.jp);
    for (let j = 0; j < r.outDim; j++)
      for (let k = 0; k < r.inDim; k++) {
        const at = ((j >> 2) * r.kp + k) * PANEL + (j & 3);
        wf[at] = updated(wf[at]!, g[at]!, lr);
      }
    const b = view(r.b, r.outDim);
    const gb = view(r.gb, r.outDim);
    for (let j = 0; j < r.outDim; j++) b[j] = updated(b[j]!, gb[j]!, lr);
  };

  return {
    step(lr) {
      for (let l = 0; l < layers.length; l++) {
        const r = layers[l]!;
        forward[l]!(r.input, r.wf, r.b, r.out, r.kp, r.jp, blocks, r.deriv);
      }
      // The loss and the output delta as train.ts: mean (o - y)², dz = -2 (o - y); padded
      // samples keep dz = 0 (from the layout's zero fill), so they add nothing below.
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const e = out[outAt[i]!]! - y[i]!;
        sum += e * e;
        dOut[outAt[i]!] = -2 * e;
      }
      for (let l = layers.length - 1; l >= 0; l--) {
        const r = layers[l]!;
        grad(r.input, r.dz, r.g, r.gb, r.kp, r.jp, blocks);
        if (l > 0) {
          const below = layers[l - 1]!;
          delta[l]!(r.dz, r.wb, below.stored, below.dz, r.jp, r.kp, blocks);
        }
      }
      for (const r of layers) {
        update(r, lr);
        transposeWeights(r);
      }
      return sum / n;
    },
    layers: () =>
      layers.map((r) => {
        const w = new Float32Array(r.inDim * r.outDim);
        unpackWeights(view(r.wf, r.kp * r.jp), r.inDim, r.outDim, w);
        return { w, b: view(r.b, r.outDim).slice() };
      }),
  };
}
