/**
 * What the network panel draws for each layer: one value per unit, so a strip of bars reads
 * the same at any width. The first layer's units each have one weight (from x) and one
 * bias; a hidden-to-hidden layer's unit has a whole column of incoming weights, shown as
 * that column's size (its L2 norm, with the norm of its gradient column as the shade); the
 * output unit has one weight per unit of the last hidden layer, and its bias is a single
 * number. The worker computes them for every frame (NetworkPicture.strips), so a frame of a
 * large model need not carry the model for the panel to follow it.
 */
import type { ParamLayout } from './paramLayout';

/** One strip: a value per unit, the size of its last gradient and of the update the last step applied. */
export interface StripValues {
  /** The parameter's name in the tutorial's numbering: w1, b1, ‖w2‖, ... */
  name: string;
  /** What kind of value it is, for the label under the name. */
  kind: 'w-in' | 'w-norm' | 'b' | 'w-out';
  /** One value per unit (signed, except a norm). */
  values: Float32Array;
  /** The size of each unit's last gradient (a norm for 'w-norm'). */
  grads: Float32Array;
  /** What the last step did to each unit's parameter, w_after - w_before (a norm for 'w-norm'): see TrainingRun.lastUpdates. */
  updates: Float32Array;
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
  /** The output bias, its last gradient and the update the last step applied to it. */
  outputBias: { name: string; value: number; grad: number; update: number };
}

/** One dense layer's weights ([in][out] row-major) and biases, or their gradients. */
export interface LayerArrays {
  readonly w: ArrayLike<number>;
  readonly b: ArrayLike<number>;
}

/** Norms of each column j of a row-major [rows][cols] matrix, into out. O(rows * cols). */
export function columnNorms(
  m: ArrayLike<number>,
  rows: number,
  cols: number,
  out: Float32Array,
): void {
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

/** The first n values of a, as a new array (a frame transfers it). */
function copy(a: ArrayLike<number>, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i]!;
  return out;
}

/**
 * The panel's strips for one set of parameters, their last gradients and the last step's
 * updates, per layer from the input (core/paramLayout's layers; core/network's layers and
 * an engine's gradients both fit). Every array is new: O(parameters) for the column norms,
 * O(units) otherwise.
 */
export function panelStrips(
  layout: ParamLayout,
  params: readonly LayerArrays[],
  grads: readonly LayerArrays[],
  updates: readonly LayerArrays[],
): PanelStrips {
  const slots = layout.layers;
  const depth = slots.length - 1;
  const hidden: HiddenBlock[] = [];
  for (let l = 0; l < depth; l++) {
    const s = slots[l]!;
    const p = params[l]!;
    const g = grads[l]!;
    const u = updates[l]!;
    const n = l + 1;
    const b: StripValues = {
      name: `b${n}`,
      kind: 'b',
      values: copy(p.b, s.outDim),
      grads: copy(g.b, s.outDim),
      updates: copy(u.b, s.outDim),
    };
    let w: StripValues;
    if (s.inDim === 1) {
      w = {
        name: `w${n}`,
        kind: 'w-in',
        values: copy(p.w, s.outDim),
        grads: copy(g.w, s.outDim),
        updates: copy(u.w, s.outDim),
      };
    } else {
      const values = new Float32Array(s.outDim);
      const gw = new Float32Array(s.outDim);
      const uw = new Float32Array(s.outDim);
      columnNorms(p.w, s.inDim, s.outDim, values);
      columnNorms(g.w, s.inDim, s.outDim, gw);
      columnNorms(u.w, s.inDim, s.outDim, uw);
      w = { name: `‖w${n}‖`, kind: 'w-norm', values, grads: gw, updates: uw };
    }
    hidden.push({ layer: n, width: s.outDim, fanIn: s.inDim, strips: [w, b] });
  }
  const out = slots[depth]!;
  const p = params[depth]!;
  const g = grads[depth]!;
  const u = updates[depth]!;
  return {
    hidden,
    output: {
      name: `w${depth + 1}`,
      kind: 'w-out',
      values: copy(p.w, out.inDim),
      grads: copy(g.w, out.inDim),
      updates: copy(u.w, out.inDim),
    },
    outputBias: { name: `b${depth + 1}`, value: p.b[0]!, grad: g.b[0]!, update: u.b[0]! },
  };
}

/** Every array the strips hold, for a frame to transfer. */
export function stripBuffers(strips: PanelStrips): ArrayBuffer[] {
  const all = [...strips.hidden.flatMap((h) => h.strips), strips.output];
  return all.flatMap((s) => [
    s.values.buffer as ArrayBuffer,
    s.grads.buffer as ArrayBuffer,
    s.updates.buffer as ArrayBuffer,
  ]);
}
