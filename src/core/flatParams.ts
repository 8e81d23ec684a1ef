/**
 * The 1 -> H -> 1 network's parameters as one flat vector [w1 (H), b1 (H), w2 (H), b2]
 * (see core/insight): the layout of model files, snapshots and the gradient read-out.
 */
import type { Network } from './network';

/** Summed gradients of one layer from the last step (weights [in][out], biases [out]). */
export interface LayerGradients {
  readonly w: ArrayLike<number>;
  readonly b: ArrayLike<number>;
}

/** The network's parameters into out (length 3H + 1). */
export function readFlatParams(net: Network, out: Float32Array): void {
  const [l1, l2] = net.layers;
  const h = l1!.outDim;
  out.set(l1!.w, 0);
  out.set(l1!.b, h);
  out.set(l2!.w, 2 * h);
  out[3 * h] = l2!.b[0]!;
}

/** Flat parameters back into the network's layers (or the kernel memory they view). */
export function writeFlatParams(net: Network, params: Float32Array): void {
  const [l1, l2] = net.layers;
  const h = l1!.outDim;
  l1!.w.set(params.subarray(0, h));
  l1!.b.set(params.subarray(h, 2 * h));
  l2!.w.set(params.subarray(2 * h, 3 * h));
  l2!.b[0] = params[3 * h]!;
}

/** Per-layer gradients of a network with H hidden units, in the same flat layout. */
export function readFlatGradients(
  gradients: readonly LayerGradients[],
  hidden: number,
  out: Float32Array,
): void {
  const [g1, g2] = gradients;
  out.set(g1!.w, 0);
  out.set(g1!.b, hidden);
  out.set(g2!.w, 2 * hidden);
  out[3 * hidden] = g2!.b[0]!;
}
