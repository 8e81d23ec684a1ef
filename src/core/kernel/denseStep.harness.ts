/**
 * A whole full-batch SGD step of a 1 -> H₁ -> … -> H_L -> 1 network on the generated dense
 * kernels (scripts/kernel/dense.mjs), run from TypeScript over their layout: per layer the
 * forward with its activation, then from the top the weight gradient and the backward delta
 * fused with act' below, then the optimizer's update (generated too) on the panel-ordered
 * weights and the transposed copy the delta reads. The step the TypeScript engine takes (train.ts trainStepInto), as
 * the next brick before one wasm call per step (docs/kernel-deep.md). Not used by the app.
 */
import {
  backwardInputName,
  DENSE_BLOCK,
  forwardName,
  updateName,
} from '../../../scripts/kernel/dense.mjs';
import type { Network } from '../network';
import { activate, type ActivationName } from '../activations';
import { ADAM_BETA1, ADAM_BETA2, type StepOptions } from '../optimizers';
import { OPTIMIZERS } from '../trainingOptions';
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

/** The tutorial's update: SGD on summed gradients, no penalties. */
const SGD: StepOptions = { optimizer: 'sgd', reduction: 'sum', momentum: 0, l1: 0, l2: 0 };

/** One layer's regions (byte offsets) and padded widths. */
interface LayerRegions {
  readonly activation: ActivationName;
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
  /** The optimizer's first and second moments of W (as Wf) and of b. */
  readonly m1w: number;
  readonly m2w: number;
  readonly m1b: number;
  readonly m2b: number;
}

export interface DenseNetRunner {
  /**
   * One full-batch step at learning rate lr with an optimizer (plain SGD on summed
   * gradients, the tutorial's w += lr · Aᵀ dZ with dZ = -2 (o - y), unless told); the loss
   * before it.
   */
  step(lr: number, options?: StepOptions): number;
  /** One step on the samples at `indices` (a mini-batch, gathered in that order). */
  stepBatch(indices: Int32Array, lr: number, options: StepOptions): number;
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
  // Regions: x, then per layer wf, wb, g, b, gb, out (its activations), dz, act'(z) and
  // the moments m1w, m2w, m1b, m2b.
  sizes.push(panelLength(n, 1, DENSE_BLOCK));
  for (const d of dims) {
    const w = d.kp * d.jp;
    sizes.push(w, w, w, d.jp, d.jp, d.values, d.values, d.values, w, w, d.jp, d.jp);
  }
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
    const [m1w, m2w, m1b, m2b] = [next(), next(), next(), next()] as const;
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
      m1w,
      m2w,
      m1b,
      m2b,
      stored: storesGrad ? deriv : out,
    };
    input = out;
    return regions;
  });
  const view = (ptr: number, length: number) => mem.view(ptr, length);
  packPanels(x, n, 1, DENSE_BLOCK, view(px, sizes[0]!));
  layers.forEach((r, l) => {
    packWeights(net.layers[l]!.w, r.inDim, r.outDim, view(r.wf, r.kp * r.jp));
    // A padded unit must have activation 0, so that its rows of G are 0 and the update
    // leaves its (zero) weights alone. act(0) is 0 for most activations; for sigmoid and
    // softplus a bias of -∞ makes z = -∞ (its weight column is 0) and act(-∞) = 0, exactly,
    // with act'(-∞) = 0: no extra work per step, and no gradient ever reaches it.
    const b = view(r.b, r.jp);
    b.fill(activate(r.activation, 0) === 0 ? 0 : -Infinity);
    b.set(net.layers[l]!.b);
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
  const outAt = Int32Array.from({ length: blocks * DENSE_BLOCK }, (_, i) =>
    panelIndex(i, 0, PANEL, DENSE_BLOCK),
  );

  const transpose = mem.fn('dense_transpose');
  for (const r of layers) transpose(r.wf, r.wb, r.kp, r.jp);
  const updates = new Map(
    OPTIMIZERS.flatMap((o) =>
      [false, true].map((pen) => [updateName(o, pen), mem.fn(updateName(o, pen))]),
    ),
  );
  let steps = 0;

  /**
   * One step over the first `count` samples of the layout (x, or a gathered batch) with
   * targets yv: forward, loss, backward, update; the loss before the update.
   */
  const run = (count: number, yv: Float32Array, lr: number, options: StepOptions) => {
    steps++;
    const used = padTo(count, DENSE_BLOCK) / DENSE_BLOCK;
    for (let l = 0; l < layers.length; l++) {
      const r = layers[l]!;
      forward[l]!(r.input, r.wf, r.b, r.out, r.kp, r.jp, used, r.deriv);
    }
    // The loss and the output delta as train.ts: mean (o - y)², dz = -2 (o - y); the
    // samples past `count` in the last block get dz = 0, so they add nothing below.
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const e = out[outAt[i]!]! - yv[i]!;
      sum += e * e;
      dOut[outAt[i]!] = -2 * e;
    }
    for (let i = count; i < used * DENSE_BLOCK; i++) dOut[outAt[i]!] = 0;
    for (let l = layers.length - 1; l >= 0; l--) {
      const r = layers[l]!;
      grad(r.input, r.dz, r.g, r.gb, r.kp, r.jp, used);
      if (l > 0) {
        const below = layers[l - 1]!;
        delta[l]!(r.dz, r.wb, below.stored, below.dz, r.jp, r.kp, used);
      }
    }
    // The optimizer's rule on W (with the penalties) and b, then Wb for the next delta.
    const scale = options.reduction === 'mean' ? -1 / count : -1;
    const adamStep = lr / (1 - ADAM_BETA1 ** steps);
    const bias2Sqrt = Math.sqrt(1 - ADAM_BETA2 ** steps);
    const { l1, l2, momentum } = options;
    const penalized = l1 !== 0 || l2 !== 0;
    const onW = updates.get(updateName(options.optimizer, penalized))!;
    const onB = updates.get(updateName(options.optimizer, false))!;
    for (const r of layers) {
      const w = r.kp * r.jp;
      onW(r.wf, r.g, r.m1w, r.m2w, w, scale, lr, l1, l2, momentum, adamStep, bias2Sqrt);
      onB(r.b, r.gb, r.m1b, r.m2b, r.jp, scale, lr, 0, 0, momentum, adamStep, bias2Sqrt);
      transpose(r.wf, r.wb, r.kp, r.jp);
    }
    return sum / count;
  };
  // Whether the layout's inputs are x in order (a mini-batch gathers over them).
  let inOrder = true;
  const xs = view(px, sizes[0]!);
  const batchY = new Float32Array(n);

  return {
    step(lr, options = SGD) {
      if (!inOrder) packPanels(x, n, 1, DENSE_BLOCK, xs);
      inOrder = true;
      return run(n, y, lr, options);
    },
    stepBatch(indices, lr, options) {
      // The batch's inputs into the first blocks, in order; its targets beside them.
      for (let i = 0; i < indices.length; i++) {
        xs[outAt[i]!] = x[indices[i]!]!;
        batchY[i] = y[indices[i]!]!;
      }
      inOrder = false;
      return run(indices.length, batchY, lr, options);
    },
    layers: () =>
      layers.map((r) => {
        const w = new Float32Array(r.inDim * r.outDim);
        unpackWeights(view(r.wf, r.kp * r.jp), r.inDim, r.outDim, w);
        return { w, b: view(r.b, r.outDim).slice() };
      }),
  };
}
