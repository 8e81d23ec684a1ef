/**
 * What the network panel draws for each layer, from a frame's flat parameters and
 * gradients: one value per unit, so a strip of bars reads the same at any width. The first
 * layer's units each have one weight (from x) and one bias; a hidden-to-hidden layer's unit
 * has a whole column of incoming weights, shown as that column's size (its L2 norm, with
 * the norm of its gradient column as the shade); the output unit has one weight per unit of
 * the last hidden layer, and its bias is a single number.
 */
import type { ParamLayout } from '../../core/paramLayout';

/** One strip: a value per unit and the size of its last gradient. */
export interface StripValues {
  /** The parameter's name in the tutorial's numbering: w1, b1, ‖w2‖, ... */
  name: string;
  /** What kind of value it is, for the label under the name. */
  kind: 'w-in' | 'w-norm' | 'b' | 'w-out';
  /** One value per unit (signed, except a norm). */
  values: Float32Array;
  /** The size of each unit's last gradient (a norm for 'w-norm'). */
  grads: Float32Array;
}

/** One hidden layer's block: its strips, over its units. */
export interface HiddenBlock {
  /** 1-based, from the input. */
  layer: number;
  width: number;
  /** Units feeding each unit (1 for the first layer). */
  fanIn: number;
  strips: StripValues[];
}

export interface PanelStrips {
  hidden: HiddenBlock[];
  /** The output layer's weights, one per unit of the last hidden layer. */
  output: StripValues;
  /** The output bias and its last gradient. */
  outputBias: { name: string; value: number; grad: number };
}

/** Norms of each column j of a row-major [rows][cols] matrix, into out. O(rows * cols). */
export function columnNorms(m: Float32Array, rows: number, cols: number, out: Float32Array): void {
  const sums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = m[row + j]!;
      sums[j] = sums[j]! + v * v;
    }
  }
  for (let j = 0; j < cols; j++) out[j] = Math.sqrt(sums[j]!);
}

/**
 * The panel's strips for one frame's parameters and gradients (views where a value is a
 * parameter itself, new arrays only for the column norms). O(parameters): the page calls
 * it once per new parameter vector, never per point.
 */
export function panelStrips(
  layout: ParamLayout,
  params: Float32Array,
  grads: Float32Array,
): PanelStrips {
  const slots = layout.layers;
  const depth = slots.length - 1;
  const view = (flat: Float32Array, at: number, n: number) => flat.subarray(at, at + n);
  const hidden: HiddenBlock[] = [];
  for (let l = 0; l < depth; l++) {
    const s = slots[l]!;
    const n = l + 1;
    const b: StripValues = {
      name: `b${n}`,
      kind: 'b',
      values: view(params, s.b, s.outDim),
      grads: view(grads, s.b, s.outDim),
    };
    let w: StripValues;
    if (s.inDim === 1) {
      w = {
        name: `w${n}`,
        kind: 'w-in',
        values: view(params, s.w, s.outDim),
        grads: view(grads, s.w, s.outDim),
      };
    } else {
      const values = new Float32Array(s.outDim);
      const g = new Float32Array(s.outDim);
      columnNorms(view(params, s.w, s.inDim * s.outDim), s.inDim, s.outDim, values);
      columnNorms(view(grads, s.w, s.inDim * s.outDim), s.inDim, s.outDim, g);
      w = { name: `‖w${n}‖`, kind: 'w-norm', values, grads: g };
    }
    hidden.push({ layer: n, width: s.outDim, fanIn: s.inDim, strips: [w, b] });
  }
  const out = slots[depth]!;
  return {
    hidden,
    output: {
      name: `w${depth + 1}`,
      kind: 'w-out',
      values: view(params, out.w, out.inDim),
      grads: view(grads, out.w, out.inDim),
    },
    outputBias: { name: `b${depth + 1}`, value: params[out.b]!, grad: grads[out.b]! },
  };
}
