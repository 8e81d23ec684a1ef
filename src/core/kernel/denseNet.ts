/**
 * A 1 -> H₁ -> … -> H_L -> 1 network laid out once in one WebAssembly memory for the dense
 * kernels (scripts/kernel/dense.mjs; layout in docs/kernel-deep.md): per layer the weights
 * as output panels (Wf, the forward's) and transposed (Wb, the backward delta's), the weight
 * and bias gradients, and per sample block the activations, act'(z) where an activation
 * stores it, and the deltas; the training inputs and the curve's grid in their own blocks.
 * Per layer too the optimizer's moments and the weights before the last update
 * (denseState.ts). The forward, the backward, the gradients and the update run in wasm; the
 * TypeScript side loads and reads back the weights (row-major, as core/network.ts keeps
 * them), the gradients and the moments when the engine hands them over. Nothing is
 * allocated after construction.
 */
import type { DenseLayer } from '../network';
import { activate } from '../activations';
import {
  instantiateKernel,
  type WasmExports,
  type WasmMemory,
  type WasmModule,
} from './wasmRuntime';
import { packPanels, padTo, panelIndex, panelLength, PANEL, unpackPanels } from './denseLayout';
import type { StepOptions } from '../optimizers';
import { layerState, updateFns, updateLayers, type LayerState, type UpdateFns } from './denseState';

/** Samples per block: DENSE_BLOCK of scripts/kernel/denseProduct.mjs (the module's constant). */
export const DENSE_BLOCK = 32;

type KernelFn = (...args: number[]) => void;

/** Makes the memory of `bytes` bytes (at least) and the module's instance on it. */
export type DenseInstantiate = (
  bytes: number,
  module: WasmModule,
) => { memory: WasmMemory; exports: WasmExports };

/** One layer's regions (byte offsets into the memory) and padded widths. */
interface LayerRegions {
  readonly inDim: number;
  readonly outDim: number;
  readonly kp: number;
  readonly jp: number;
  readonly wf: number;
  readonly wb: number;
  readonly g: number;
  readonly b: number;
  readonly gb: number;
  /** The input (x or the activations below) and output of the training blocks. */
  readonly input: number;
  readonly out: number;
  readonly dz: number;
  readonly deriv: number;
  /** What the delta from above reads for act': act'(z) for softplus and sine, else a. */
  readonly stored: number;
  /** The same for the grid's blocks (forward only). */
  readonly gridInput: number;
  readonly gridOut: number;
  readonly gridDeriv: number;
  readonly forward: KernelFn;
  /** Whether the forward takes the act'(z) pointer (softplus, sine): called with its own arity. */
  readonly storesGrad: boolean;
  /** The delta into the layer below, fused with its act' (null for the first layer). */
  readonly delta: KernelFn | null;
  /** Float views, made once. */
  readonly wfView: Float32Array;
  readonly bView: Float32Array;
  readonly gView: Float32Array;
  readonly gbView: Float32Array;
  /** The optimizer's moments and the weights before the last update (see denseState.ts). */
  readonly state: LayerState;
  /** The dz region: scratch between steps for zRanges (a backward writes it before reading it). */
  readonly dzView: Float32Array;
  /** The grid's activations (gridOut), for gridActivations. */
  readonly gridOutView: Float32Array;
}

/** The export names scripts/kernel/dense.mjs gives (forwardName, backwardInputName). */
export const forwardName = (activation: string) =>
  activation === 'none' ? 'dense_forward' : `dense_forward_${activation.replace('-', '_')}`;
export const backwardName = (activation: string) =>
  `dense_backward_input_${activation.replace('-', '_')}`;

export class DenseNet {
  readonly layers: readonly LayerRegions[];
  /** The training inputs' blocks, and where sample i's output (unit 0 of the top layer) sits. */
  private readonly xs: Float32Array;
  private readonly outAt: Int32Array;
  private readonly out: Float32Array;
  private readonly dOut: Float32Array;
  private readonly gridOut: Float32Array;
  private readonly gridBlocks: number;
  private readonly gridAt: Int32Array;
  private readonly grad: KernelFn;
  private readonly transpose: KernelFn;
  private readonly updates: UpdateFns;
  /** The whole memory as floats (the update copies the previous weights aside in it). */
  private readonly floats: Float32Array;
  /** The forward with no activation: z = a W + b, for zRanges. */
  private readonly linear: KernelFn;

  /**
   * `layers` give the shapes and activations; `n` the training points the blocks hold;
   * `grid` the curve's points, packed once; `instantiate` where the memory comes from (a
   * shared one, with room for the threads' own buffers, for denseSplit.ts).
   */
  constructor(
    module: WasmModule,
    layers: readonly DenseLayer[],
    readonly n: number,
    grid: Float32Array,
    instantiate: DenseInstantiate = instantiateKernel,
  ) {
    const gn = grid.length;
    let end = 64;
    const region = (floats: number) => {
      const at = end;
      end = padTo(end + floats * 4, 64);
      return at;
    };
    const px = region(panelLength(n, 1, DENSE_BLOCK));
    const pgx = region(panelLength(gn, 1, DENSE_BLOCK));
    let input = px;
    let gridInput = pgx;
    const plans = layers.map((l) => {
      const kp = padTo(l.inDim, PANEL);
      const jp = padTo(l.outDim, PANEL);
      const values = panelLength(n, l.outDim, DENSE_BLOCK);
      const gridValues = panelLength(gn, l.outDim, DENSE_BLOCK);
      const plan = {
        inDim: l.inDim,
        outDim: l.outDim,
        activation: l.activation,
        kp,
        jp,
        wf: region(kp * jp),
        wb: region(kp * jp),
        g: region(kp * jp),
        b: region(jp),
        gb: region(jp),
        input,
        out: region(values),
        dz: region(values),
        deriv: region(values),
        gridInput,
        gridOut: region(gridValues),
        gridDeriv: region(gridValues),
        stateAt: region(3 * (kp * jp + jp)),
      };
      input = plan.out;
      gridInput = plan.gridOut;
      return plan;
    });
    const { memory, exports } = instantiate(end, module);
    const fn = (name: string): KernelFn => {
      const f = exports[name];
      if (typeof f !== 'function') throw new Error(`the dense module has no ${name}`);
      return f as KernelFn;
    };
    const view = (ptr: number, length: number) => new Float32Array(memory.buffer, ptr, length);
    this.layers = plans.map((p, l) => {
      const storesGrad = p.activation === 'softplus' || p.activation === 'sine';
      const below = l > 0 ? plans[l - 1]!.activation : null;
      const bView = view(p.b, p.jp);
      // A padded unit must have activation exactly 0 (so no gradient reaches it): for
      // activations with act(0) != 0 a bias of -∞ gives z = -∞ (its weight column is 0).
      bView.fill(activate(p.activation, 0) === 0 ? 0 : -Infinity);
      return {
        ...p,
        stored: storesGrad ? p.deriv : p.out,
        storesGrad,
        forward: fn(forwardName(p.activation)),
        delta: below === null ? null : fn(backwardName(below)),
        wfView: view(p.wf, p.kp * p.jp),
        bView,
        gView: view(p.g, p.kp * p.jp),
        gbView: view(p.gb, p.jp),
        state: layerState(view, p.stateAt, p),
        dzView: view(p.dz, panelLength(n, p.outDim, DENSE_BLOCK)),
        gridOutView: view(p.gridOut, panelLength(gn, p.outDim, DENSE_BLOCK)),
      };
    });
    this.grad = fn('dense_weight_grad');
    this.transpose = fn('dense_transpose');
    this.updates = updateFns(fn);
    this.floats = new Float32Array(memory.buffer);
    this.linear = fn(forwardName('none'));
    const top = this.layers[this.layers.length - 1]!;
    const blocks = padTo(Math.max(n, 1), DENSE_BLOCK) / DENSE_BLOCK;
    this.xs = view(px, panelLength(n, 1, DENSE_BLOCK));
    this.out = view(top.out, panelLength(n, 1, DENSE_BLOCK));
    this.dOut = view(top.dz, panelLength(n, 1, DENSE_BLOCK));
    this.gridOut = view(top.gridOut, panelLength(gn, 1, DENSE_BLOCK));
    this.gridBlocks = padTo(Math.max(gn, 1), DENSE_BLOCK) / DENSE_BLOCK;
    this.outAt = Int32Array.from({ length: blocks * DENSE_BLOCK }, (_, i) =>
      panelIndex(i, 0, PANEL, DENSE_BLOCK),
    );
    this.gridAt = Int32Array.from({ length: gn }, (_, i) => panelIndex(i, 0, PANEL, DENSE_BLOCK));
    packPanels(grid, gn, 1, DENSE_BLOCK, view(pgx, panelLength(gn, 1, DENSE_BLOCK)));
  }

  /** The weights and biases of `layers` (row-major) into the kernel's panels and Wᵀ. */
  setWeights(layers: readonly DenseLayer[]): void {
    for (let l = 0; l < this.layers.length; l++) {
      const r = this.layers[l]!;
      const { w, b } = layers[l]!;
      const wf = r.wfView;
      const { inDim, outDim, kp } = r;
      for (let k = 0; k < inDim; k++) {
        const row = k * outDim;
        for (let j = 0; j < outDim; j++) wf[((j >> 2) * kp + k) * PANEL + (j & 3)] = w[row + j]!;
      }
      r.bView.set(b);
      this.transpose(r.wf, r.wb, r.kp, r.jp);
    }
  }

  /** The training inputs in order (x[i] is sample i). */
  setInputs(x: Float32Array): void {
    const { xs, outAt } = this;
    for (let i = 0; i < x.length; i++) xs[outAt[i]!] = x[i]!;
  }

  /** The inputs of a batch: x at `indices`, in that order, into the first samples. */
  gatherInputs(x: Float32Array, indices: Int32Array): void {
    const { xs, outAt } = this;
    for (let i = 0; i < indices.length; i++) xs[outAt[i]!] = x[indices[i]!]!;
  }

  /** The forward over the blocks holding the first `count` samples. */
  forward(count: number): void {
    const used = Math.ceil(count / DENSE_BLOCK);
    for (let l = 0; l < this.layers.length; l++) {
      const r = this.layers[l]!;
      // Each export called with exactly its parameters: an extra argument costs V8 a
      // slower call path that allocates now and then.
      if (r.storesGrad) r.forward(r.input, r.wf, r.b, r.out, r.kp, r.jp, used, r.deriv);
      else r.forward(r.input, r.wf, r.b, r.out, r.kp, r.jp, used);
    }
  }

  /**
   * After forward(count): the mean squared error against y[0..count) into lossOut[index],
   * dz = -2 (o - y) at the output (0 for the rest of the last block), then the backward:
   * the tutorial's summed gradients (gw = Aᵀ dZ) into each layer's G and gb.
   */
  lossAndBackward(count: number, y: Float32Array, lossOut: Float32Array, index: number): void {
    const { out, dOut, outAt } = this;
    const used = Math.ceil(count / DENSE_BLOCK);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const at = outAt[i]!;
      const e = out[at]! - y[i]!;
      sum += e * e;
      dOut[at] = -2 * e;
    }
    for (let i = count; i < used * DENSE_BLOCK; i++) dOut[outAt[i]!] = 0;
    lossOut[index] = sum / count;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const r = this.layers[l]!;
      this.grad(r.input, r.dz, r.g, r.gb, r.kp, r.jp, used);
      if (r.delta) {
        const below = this.layers[l - 1]!;
        r.delta(r.dz, r.wb, below.stored, below.dz, r.jp, r.kp, used);
      }
    }
  }

  /**
   * After forward(count): each unit's smallest and largest pre-activation z = a W + b of
   * layer l over the first `count` samples, into zMin and zMax (length outDim; a NaN is kept,
   * as Math.min keeps it). z is computed into layer l's dz region, free between steps.
   */
  zRange(l: number, count: number, zMin: Float64Array, zMax: Float64Array): void {
    const r = this.layers[l]!;
    const used = Math.ceil(count / DENSE_BLOCK);
    this.linear(r.input, r.wf, r.b, r.dz, r.kp, r.jp, used);
    zMin.fill(Infinity);
    zMax.fill(-Infinity);
    const z = r.dzView;
    const { jp, outDim } = r;
    for (let b = 0; b < used; b++) {
      const samples = Math.min(DENSE_BLOCK, count - b * DENSE_BLOCK);
      for (let p = 0; p < jp / PANEL; p++) {
        const lanes = Math.min(PANEL, outDim - p * PANEL);
        const base = b * jp * DENSE_BLOCK + p * DENSE_BLOCK * PANEL;
        for (let s = 0; s < samples; s++) {
          const at = base + s * PANEL;
          for (let q = 0; q < lanes; q++) {
            const j = p * PANEL + q;
            zMin[j] = Math.min(zMin[j]!, z[at + q]!);
            zMax[j] = Math.max(zMax[j]!, z[at + q]!);
          }
        }
      }
    }
  }

  /** The mean squared error of the first `count` outputs of the last forward against y. */
  loss(count: number, y: Float32Array): number {
    const { out, outAt } = this;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const e = out[outAt[i]!]! - y[i]!;
      sum += e * e;
    }
    return sum / count;
  }

  /** Layer l's gradients from the last backward, row-major, into gw [inDim][outDim] and gb. */
  readGradients(l: number, gw: Float64Array, gb: Float64Array): void {
    const r = this.layers[l]!;
    const g = r.gView;
    const { inDim, outDim, kp } = r;
    for (let k = 0; k < inDim; k++) {
      const row = k * outDim;
      for (let j = 0; j < outDim; j++) gw[row + j] = g[((j >> 2) * kp + k) * PANEL + (j & 3)]!;
    }
    const gbv = r.gbView;
    for (let j = 0; j < outDim; j++) gb[j] = gbv[j]!;
  }

  /** After curve(): layer l's activations at the grid's points, row-major [point][unit], into out. */
  gridActivations(l: number, out: Float32Array): void {
    const r = this.layers[l]!;
    unpackPanels(r.gridOutView, this.gridAt.length, r.outDim, DENSE_BLOCK, out);
  }

  /** The network's output at each grid point into out (the weights set last). */
  curve(out: Float32Array): void {
    for (let l = 0; l < this.layers.length; l++) {
      const r = this.layers[l]!;
      const blocks = this.gridBlocks;
      if (r.storesGrad)
        r.forward(r.gridInput, r.wf, r.b, r.gridOut, r.kp, r.jp, blocks, r.gridDeriv);
      else r.forward(r.gridInput, r.wf, r.b, r.gridOut, r.kp, r.jp, blocks);
    }
    const { gridOut, gridAt } = this;
    for (let i = 0; i < out.length; i++) out[i] = gridOut[gridAt[i]!]!;
  }

  // The state kept across steps (denseState.ts, which also converts it to and from the
  // TypeScript core's arrays, over `layers`): the update in the kernel.

  /**
   * The optimizer's update of every layer from the last backward's gradients (step count t
   * after it, batch of `batch` points), then Wb. `keepPrevious` copies the weights aside
   * first, for readApplied.
   */
  update(options: StepOptions, lr: number, batch: number, t: number, keepPrevious: boolean): void {
    const { layers, updates, floats, transpose } = this;
    updateLayers(layers, updates, floats, transpose, options, lr, batch, t, keepPrevious);
  }
}
