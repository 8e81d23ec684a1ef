/**
 * Where each layer's parameters sit in the one flat vector that frames, snapshots, model
 * files and the exporters carry: layer by layer from the input, each layer's weights
 * ([in][out] row-major, numpy's layout for `a.dot(w)`) then its biases. For the tutorial's
 * 1 -> H -> 1 network that is [w1 (H), b1 (H), w2 (H), b2]. Computed once per set of widths.
 */

/** One dense layer's place in the flat vector. */
export interface LayerSlot {
  readonly inDim: number;
  readonly outDim: number;
  /** Offset of w ([inDim][outDim]) and of b ([outDim]). */
  readonly w: number;
  readonly b: number;
}

export interface ParamLayout {
  /** The hidden layers' widths, from the input side. */
  readonly hidden: readonly number[];
  /** Every dense layer, the linear output layer last: hidden.length + 1 of them. */
  readonly layers: readonly LayerSlot[];
  /** Length of the flat vector. */
  readonly length: number;
}

const layouts = new Map<string, ParamLayout>();

/** The layout of a 1 -> hidden[0] -> ... -> 1 network (memoised: one object per set of widths). */
export function paramLayout(hidden: readonly number[]): ParamLayout {
  const key = hidden.join(',');
  let layout = layouts.get(key);
  if (!layout) {
    const sizes = [1, ...hidden, 1];
    const layers: LayerSlot[] = [];
    let offset = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const inDim = sizes[l]!;
      const outDim = sizes[l + 1]!;
      layers.push({ inDim, outDim, w: offset, b: offset + inDim * outDim });
      offset += inDim * outDim + outDim;
    }
    layout = { hidden: [...hidden], layers, length: offset };
    layouts.set(key, layout);
  }
  return layout;
}

/** One layer's weights and biases as views of a flat vector (no copy). */
export interface LayerParams<T extends Float32Array | Float64Array = Float32Array> {
  readonly w: T;
  readonly b: T;
}

/** Every layer of a flat vector, as views. */
export function layerViews<T extends Float32Array | Float64Array>(
  layout: ParamLayout,
  flat: T,
): LayerParams<T>[] {
  if (flat.length !== layout.length)
    throw new RangeError(
      `a ${layout.hidden.join(',')} network has ${layout.length} parameters, not ${flat.length}`,
    );
  return layout.layers.map(
    (s) =>
      ({
        w: flat.subarray(s.w, s.w + s.inDim * s.outDim),
        b: flat.subarray(s.b, s.b + s.outDim),
      }) as LayerParams<T>,
  );
}

/**
 * Copies per-layer arrays (weights and biases, or their gradients) into the flat vector.
 * Runs before every step (the kept weights): plain loops, since a forEach callback would
 * allocate a closure each call.
 */
export function packLayers(
  layout: ParamLayout,
  layers: readonly { readonly w: ArrayLike<number>; readonly b: ArrayLike<number> }[],
  out: Float32Array,
): void {
  const slots = layout.layers;
  for (let l = 0; l < slots.length; l++) {
    out.set(layers[l]!.w, slots[l]!.w);
    out.set(layers[l]!.b, slots[l]!.b);
  }
}

/** Copies the flat vector into per-layer arrays (a network's, or views of kernel memory). */
export function unpackLayers(
  layout: ParamLayout,
  flat: Float32Array,
  layers: readonly { readonly w: Float32Array; readonly b: Float32Array }[],
): void {
  const slots = layout.layers;
  for (let l = 0; l < slots.length; l++) {
    const s = slots[l]!;
    // subarray allocates a view; this runs on a rewind or a load, never per step.
    layers[l]!.w.set(flat.subarray(s.w, s.w + s.inDim * s.outDim));
    layers[l]!.b.set(flat.subarray(s.b, s.b + s.outDim));
  }
}
