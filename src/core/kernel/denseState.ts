/**
 * What the dense kernels keep across steps besides the weights (core/kernel/denseNet.ts):
 * per layer the optimizer's two moments and the weights before the last update, in the
 * weights' own panel layout (the update is elementwise: scripts/kernel/denseUpdate.mjs),
 * and the conversions to and from the TypeScript core's row-major arrays (core/network.ts's
 * weights, core/optimizers.ts's float64 moments and applied updates). The conversions run
 * when the engine hands the run's state back (core/engines/denseEngine.ts), not per step.
 */
import type { DenseLayer } from '../network';
import { ADAM_BETA1, ADAM_BETA2, type StepOptions } from '../optimizers';
import type { OptimizerName } from '../trainingOptions';
import { PANEL } from './denseLayout';

type KernelFn = (...args: number[]) => void;

/** One layer's moments and previous parameters: byte offsets, and views made once. */
export interface LayerState {
  readonly m1w: number;
  readonly m2w: number;
  readonly prevW: number;
  readonly m1b: number;
  readonly m2b: number;
  readonly prevB: number;
  readonly m1wView: Float32Array;
  readonly m2wView: Float32Array;
  readonly prevWView: Float32Array;
  readonly m1bView: Float32Array;
  readonly m2bView: Float32Array;
  readonly prevBView: Float32Array;
  /** The panel offset of each row-major weight w[k][j], k * outDim + j (conversions). */
  readonly order: Int32Array;
}

/** The panel offset of row-major w[k][j] in a layer of kp padded inputs. */
const panelAt = (k: number, j: number, kp: number) => ((j >> 2) * kp + k) * PANEL + (j & 3);

/** The layer's state in the 3 (w + b) floats at byte `at`: moments of W, of b, then the previous W, b. */
export function layerState(
  view: (ptr: number, length: number) => Float32Array,
  at: number,
  dims: { inDim: number; outDim: number; kp: number; jp: number },
): LayerState {
  const w = dims.kp * dims.jp;
  const b = dims.jp;
  const order = new Int32Array(dims.inDim * dims.outDim);
  for (let k = 0; k < dims.inDim; k++)
    for (let j = 0; j < dims.outDim; j++) order[k * dims.outDim + j] = panelAt(k, j, dims.kp);
  const m1w = at;
  const m2w = m1w + 4 * w;
  const prevW = m2w + 4 * w;
  const m1b = prevW + 4 * w;
  const m2b = m1b + 4 * b;
  const prevB = m2b + 4 * b;
  return {
    m1w,
    m2w,
    prevW,
    m1b,
    m2b,
    prevB,
    m1wView: view(m1w, w),
    m2wView: view(m2w, w),
    prevWView: view(prevW, w),
    m1bView: view(m1b, b),
    m2bView: view(m2b, b),
    prevBView: view(prevB, b),
    order,
  };
}

/** What the conversions and the update read of a layer's regions (denseNet.ts's LayerRegions). */
export interface StateLayer {
  readonly inDim: number;
  readonly outDim: number;
  readonly kp: number;
  readonly jp: number;
  readonly wf: number;
  readonly wb: number;
  readonly g: number;
  readonly b: number;
  readonly gb: number;
  readonly wfView: Float32Array;
  readonly bView: Float32Array;
  readonly state: LayerState;
}

/** The weights and biases in the panels (the last update's) into row-major `layers`. */
export function readWeights(regions: readonly StateLayer[], layers: readonly DenseLayer[]): void {
  for (let l = 0; l < regions.length; l++) {
    const r = regions[l]!;
    const { w, b } = layers[l]!;
    const wf = r.wfView;
    const order = r.state.order;
    for (let i = 0; i < order.length; i++) w[i] = wf[order[i]!]!;
    const bv = r.bView;
    for (let j = 0; j < r.outDim; j++) b[j] = bv[j]!;
  }
}

/** The weights and biases in the panels into a flat vector laid out as core/paramLayout.ts lays them out. */
export function readParams(regions: readonly StateLayer[], out: Float32Array): void {
  let at = 0;
  for (const r of regions) {
    const wf = r.wfView;
    const order = r.state.order;
    for (let i = 0; i < order.length; i++, at++) out[at] = wf[order[i]!]!;
    const bv = r.bView;
    for (let j = 0; j < r.outDim; j++, at++) out[at] = bv[j]!;
  }
}

/**
 * Copies between core/optimizers.ts's moments ([first of every parameter, second of every
 * parameter], each layer by layer as w then b, row-major) and the panels; `into` says which way.
 */
function copyMoments(
  regions: readonly StateLayer[],
  moments: Float64Array,
  into: boolean,
  from = 0,
): void {
  let half = 0;
  for (const r of regions) half += r.state.order.length + r.outDim;
  let base = from;
  for (const r of regions) {
    const s = r.state;
    const { order } = s;
    const n = order.length;
    const outDim = r.outDim;
    copyArray(moments, base, s.m1wView, order, n, into);
    copyArray(moments, base + half, s.m2wView, order, n, into);
    copyArray(moments, base + n, s.m1bView, null, outDim, into);
    copyArray(moments, base + n + half, s.m2bView, null, outDim, into);
    base += n + outDim;
  }
}

/** moments[at + i] and panel[order[i]] (or panel[i]) for i < n, one way or the other. */
function copyArray(
  moments: Float64Array,
  at: number,
  panel: Float32Array,
  order: Int32Array | null,
  n: number,
  into: boolean,
): void {
  if (order === null) {
    if (into) for (let i = 0; i < n; i++) panel[i] = moments[at + i]!;
    else for (let i = 0; i < n; i++) moments[at + i] = panel[i]!;
  } else if (into) for (let i = 0; i < n; i++) panel[order[i]!] = moments[at + i]!;
  else for (let i = 0; i < n; i++) moments[at + i] = panel[order[i]!]!;
}

/** The optimizer's float64 moments into the kernel's float32 ones (rounded). */
export function setMoments(regions: readonly StateLayer[], moments: Float64Array): void {
  copyMoments(regions, moments, true);
}

/** The kernel's moments into the optimizer's layout at moments[at..] (exact: float32 in float64). */
export function readMoments(regions: readonly StateLayer[], moments: Float64Array, at = 0): void {
  copyMoments(regions, moments, false, at);
}

/**
 * What the last update did, w_after - w_before per parameter, into `applied` laid out as the
 * optimizer's moments (core/optimizers.ts's updates): exactly the TS engine's difference of
 * two float32 values.
 */
export function readApplied(regions: readonly StateLayer[], applied: Float64Array): void {
  let at = 0;
  for (const r of regions) {
    const { wfView, bView } = r;
    const { prevWView, prevBView, order } = r.state;
    for (let i = 0; i < order.length; i++, at++) {
      const p = order[i]!;
      applied[at] = wfView[p]! - prevWView[p]!;
    }
    for (let j = 0; j < r.outDim; j++, at++) applied[at] = bView[j]! - prevBView[j]!;
  }
}

/** Whether every weight and (unpadded) bias in the panels is finite. */
export function panelsFinite(regions: readonly StateLayer[]): boolean {
  // v * 0 is 0 for a finite v and NaN otherwise: sums, one test. Four sums, as the
  // panels are whole vectors: one chain of dependent adds would be bound by their latency.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let l = 0; l < regions.length; l++) {
    const r = regions[l]!;
    const wf = r.wfView;
    for (let i = 0; i < wf.length; i += 4) {
      s0 += wf[i]! * 0;
      s1 += wf[i + 1]! * 0;
      s2 += wf[i + 2]! * 0;
      s3 += wf[i + 3]! * 0;
    }
    const b = r.bView;
    for (let j = 0; j < r.outDim; j++) s0 += b[j]! * 0;
  }
  return s0 + s1 + s2 + s3 === 0;
}

/** The generated update exports by optimizer, without and with the penalties. */
export interface UpdateFns {
  readonly plain: Readonly<Record<OptimizerName, KernelFn>>;
  readonly penalized: Readonly<Record<OptimizerName, KernelFn>>;
}

const OPTIMIZER_NAMES: readonly OptimizerName[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

/** The update exports (names as scripts/kernel/denseUpdate.mjs's updateName gives them). */
export function updateFns(fn: (name: string) => KernelFn): UpdateFns {
  const table = (suffix: string) =>
    Object.fromEntries(OPTIMIZER_NAMES.map((o) => [o, fn(`dense_update_${o}${suffix}`)])) as Record<
      OptimizerName,
      KernelFn
    >;
  return { plain: table(''), penalized: table('_penalized') };
}

/**
 * One optimizer step on every layer from the gradients of the last backward (G, gb), as
 * OptimizerState.step at step count t (the count after this step), then Wb for the next
 * delta. With `keepPrevious` the weights before it are copied aside first (readApplied).
 */
export function updateLayers(
  regions: readonly StateLayer[],
  fns: UpdateFns,
  memory: Float32Array,
  transpose: KernelFn,
  options: StepOptions,
  lr: number,
  batch: number,
  t: number,
  keepPrevious: boolean,
): void {
  const gscale = options.reduction === 'mean' ? -1 / batch : -1;
  const adamStep = lr / (1 - ADAM_BETA1 ** t);
  const bias2Sqrt = Math.sqrt(1 - ADAM_BETA2 ** t);
  const { l1, l2, momentum } = options;
  const onB = fns.plain[options.optimizer];
  const onW = l1 !== 0 || l2 !== 0 ? fns.penalized[options.optimizer] : onB;
  for (let l = 0; l < regions.length; l++) {
    const r = regions[l]!;
    const s = r.state;
    const w = r.kp * r.jp;
    if (keepPrevious) {
      memory.copyWithin(s.prevW >> 2, r.wf >> 2, (r.wf >> 2) + w);
      memory.copyWithin(s.prevB >> 2, r.b >> 2, (r.b >> 2) + r.jp);
    }
    onW(r.wf, r.g, s.m1w, s.m2w, w, gscale, lr, l1, l2, momentum, adamStep, bias2Sqrt);
    onB(r.b, r.gb, s.m1b, s.m2b, r.jp, gscale, lr, 0, 0, momentum, adamStep, bias2Sqrt);
    transpose(r.wf, r.wb, r.kp, r.jp);
  }
}
