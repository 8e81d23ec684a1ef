/**
 * The update rules of issue #20, PyTorch's torch.optim rules with their default
 * hyper-parameters (state starting at zero, t counting from 1):
 *   sgd       w -= lr g
 *   momentum  v = m v + g;  w -= lr v
 *   rmsprop   s = 0.99 s + 0.01 g^2;  w -= lr g / (sqrt(s) + 1e-8)
 *   adam      m = 0.9 m + 0.1 g;  v = 0.999 v + 0.001 g^2;
 *             w -= lr (m / (1 - 0.9^t)) / (sqrt(v / (1 - 0.999^t)) + 1e-8)
 * where g is the loss gradient: minus the tutorial's summed gw, gb (divided by the batch's
 * size under 'mean'), plus l2 w + l1 sign(w) on the weights only. The arithmetic follows
 * torch's order (1 - 0.99 computed, not written 0.01; Adam's step as lr / (1 - 0.9^t) times
 * m over sqrt(v) / sqrt(1 - 0.999^t) + eps), so a float64 torch run agrees to rounding.
 * Every rule ends with train.ts's flush of tiny parameters to 0 (PARAM_FLUSH_BELOW), so sgd
 * with no penalty under 'sum' is the tutorial's update bit for bit.
 */
import { PARAM_FLUSH_BELOW } from './train';
import type { OptimizerName, TrainingOptions } from './trainingOptions';

export const RMSPROP_ALPHA = 0.99;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const OPTIMIZER_EPS = 1e-8;

/** A layer's parameters as the optimizer sees them. */
export interface LayerParams {
  readonly w: Float32Array;
  readonly b: Float32Array;
}

/** What a step reads from the options. */
export type StepOptions = Pick<
  TrainingOptions,
  'reduction' | 'optimizer' | 'momentum' | 'l1' | 'l2'
>;

/** v, or 0 when |v| < PARAM_FLUSH_BELOW (NaN and infinities stay), as train.ts's applyUpdate. */
const flushed = (v: number) => (Math.abs(v) < PARAM_FLUSH_BELOW ? 0 : v);

/**
 * One parameter array's slices of the state: the first moment (momentum's v, Adam's m) and
 * the second (RMSProp's s, Adam's v); and the update the last step applied (not state).
 */
interface Slot {
  first: Float64Array;
  second: Float64Array;
  applied: Float64Array;
}

/** A layer's last applied updates, w_after - w_before, laid out as LayerParams. */
export interface LayerUpdates {
  readonly w: Float64Array;
  readonly b: Float64Array;
}

/**
 * An engine that keeps a state's moments in its own memory while it trains (the dense
 * kernels, core/engines/denseEngine.ts), borrowed with OptimizerState.lend.
 */
export interface StateKeeper {
  /** Takes a copy of the moments (save()'s layout after the step count) to update in its memory. */
  take(state: OptimizerState, moments: Float64Array): void;
  /**
   * Writes its moments back into `moments`, and into `applied` (laid out the same) what its
   * updates since take() last did to each parameter (nothing when it took no step); then it
   * keeps nothing of the state.
   */
  giveBack(moments: Float64Array, applied: Float64Array): void;
  /** Writes its moments into out[at..] (take()'s layout) and keeps them (a checkpoint mid-run). */
  copyMoments(out: Float64Array, at: number): void;
}

/**
 * The optimizer's state for one network, allocated once: two float64 moments per
 * parameter, laid out as the parameters are (layer by layer, w then b), and the step count.
 * A step allocates nothing.
 *
 * An engine may borrow the moments (lend) and update them in its own memory, counting
 * `steps` here itself. Every method that writes them, and `updates`, takes them back first
 * (reclaim); save and saveAt copy them from the engine, which keeps them (a checkpoint every
 * epoch costs no reload). So outside the engine the state is always exact; the engine
 * borrows them again at its next step.
 */
export class OptimizerState {
  /** Steps taken so far; Adam's t of the next step is steps + 1. */
  steps = 0;
  /** Both moments of every parameter: [first of all params, second of all params]. */
  private readonly moments: Float64Array;
  private readonly slots: { w: Slot; b: Slot }[];
  private readonly applied: Float64Array;
  private readonly layerUpdates: readonly LayerUpdates[];
  /** The engine holding the moments now, or null: they are this object's own. */
  private keeper: StateKeeper | null = null;

  /** sizes: each layer's weight and bias counts, from the input up. */
  constructor(sizes: readonly { w: number; b: number }[]) {
    const count = sizes.reduce((n, s) => n + s.w + s.b, 0);
    this.moments = new Float64Array(2 * count);
    const applied = new Float64Array(count);
    this.applied = applied;
    let at = 0;
    const slot = (n: number): Slot => {
      const s = {
        first: this.moments.subarray(at, at + n),
        second: this.moments.subarray(count + at, count + at + n),
        applied: applied.subarray(at, at + n),
      };
      at += n;
      return s;
    };
    this.slots = sizes.map((s) => ({ w: slot(s.w), b: slot(s.b) }));
    this.layerUpdates = this.slots.map((s) => ({ w: s.w.applied, b: s.b.applied }));
  }

  /**
   * What the last step did to each parameter, w_after - w_before exactly (the float32
   * weights' difference, flush included), per layer: what the network panel shows beside
   * the gradient. Not part of the state: save and restore leave it alone.
   */
  get updates(): readonly LayerUpdates[] {
    this.reclaim();
    return this.layerUpdates;
  }

  /** Lends the moments to `keeper` (taking them back from another engine first); a no-op when it has them. */
  lend(keeper: StateKeeper): void {
    if (this.keeper === keeper) return;
    this.reclaim();
    keeper.take(this, this.moments);
    this.keeper = keeper;
  }

  /** Takes the moments (and the applied updates) back from the engine holding them, if one does. */
  reclaim(): void {
    const keeper = this.keeper;
    if (keeper === null) return;
    this.keeper = null;
    keeper.giveBack(this.moments, this.applied);
  }

  static forLayers(layers: readonly LayerParams[]): OptimizerState {
    return new OptimizerState(layers.map((l) => ({ w: l.w.length, b: l.b.length })));
  }

  /** Length of the flat array save() writes: the step count, then both moments. */
  get savedLength(): number {
    return 1 + this.moments.length;
  }

  /** Back to the start: zero moments, no steps taken (Reset, or a new run). */
  reset(): void {
    this.reclaim();
    this.steps = 0;
    this.moments.fill(0);
  }

  /** The whole state as [steps, first moments..., second moments...] (a checkpoint keeps it). */
  save(into: Float64Array = new Float64Array(this.savedLength)): Float64Array {
    if (into.length !== this.savedLength)
      throw new RangeError(`optimizer state needs ${this.savedLength} numbers, got ${into.length}`);
    into[0] = this.steps;
    if (this.keeper) this.keeper.copyMoments(into, 1);
    else into.set(this.moments, 1);
    return into;
  }

  /** save() into out[at..at + savedLength) without a view (a checkpoint every step allocates nothing). */
  saveAt(out: Float64Array, at: number): void {
    out[at] = this.steps;
    // Straight from the engine that keeps them, which goes on keeping them.
    if (this.keeper) this.keeper.copyMoments(out, at + 1);
    else out.set(this.moments, at + 1);
  }

  /** Restores what saveAt wrote at `at`. */
  restoreAt(saved: Float64Array, at: number): void {
    this.reclaim();
    this.steps = saved[at]!;
    const m = this.moments;
    for (let i = 0; i < m.length; i++) m[i] = saved[at + 1 + i]!;
  }

  /** Restores what save() wrote for a network of the same shape. */
  restore(saved: Float64Array): void {
    if (saved.length !== this.savedLength)
      throw new RangeError(
        `optimizer state needs ${this.savedLength} numbers, got ${saved.length}`,
      );
    const steps = saved[0]!;
    if (!Number.isInteger(steps) || steps < 0)
      throw new RangeError(`optimizer step count must be a whole number >= 0, got ${steps}`);
    this.reclaim();
    this.steps = steps;
    this.moments.set(saved.subarray(1));
  }

  /**
   * One step over the whole network: counts the step (t = steps + 1 for Adam), then updates
   * every layer from its tutorial-sign gradients gw[l], gb[l] summed over `batch` points.
   */
  step(
    layers: readonly LayerParams[],
    gw: readonly Float64Array[],
    gb: readonly Float64Array[],
    batch: number,
    lr: number,
    options: StepOptions,
  ): void {
    this.reclaim();
    this.steps++;
    for (let l = 0; l < layers.length; l++)
      this.updateLayer(l, layers[l]!, gw[l]!, gb[l]!, batch, lr, options);
  }

  /**
   * Updates one layer with the current step count (call step(), or count the step
   * yourself by incrementing `steps` first, once per network step).
   */
  updateLayer(
    index: number,
    layer: LayerParams,
    gw: Float64Array,
    gb: Float64Array,
    batch: number,
    lr: number,
    options: StepOptions,
  ): void {
    this.reclaim();
    const slot = this.slots[index];
    if (!slot) throw new RangeError(`no optimizer state for layer ${index}`);
    if (this.steps < 1) throw new RangeError('count the step (steps += 1) before updating');
    updateArray(layer.w, gw, slot.w, true, batch, lr, options, this.steps);
    updateArray(layer.b, gb, slot.b, false, batch, lr, options, this.steps);
  }
}

/**
 * One parameter array's update; the penalties only on weights. The floats it derives (the
 * scale, the bias corrections) are computed here rather than passed in, since V8 may box a
 * computed float passed to a call it does not inline.
 */
function updateArray(
  p: Float32Array,
  tutorialGrad: Float64Array,
  slot: Slot,
  isWeight: boolean,
  batch: number,
  lr: number,
  options: StepOptions,
  t: number,
): void {
  const { first, second, applied } = slot;
  const scale = options.reduction === 'mean' ? 1 / batch : 1;
  const l1 = isWeight ? options.l1 : 0;
  const l2 = isWeight ? options.l2 : 0;
  const optimizer: OptimizerName = options.optimizer;
  const m = options.momentum;
  const bias1 = 1 - ADAM_BETA1 ** t;
  const adamStep = lr / bias1;
  const bias2Sqrt = Math.sqrt(1 - ADAM_BETA2 ** t);
  for (let i = 0; i < p.length; i++) {
    const w = p[i]!;
    // Under 'sum' g is exactly -gw (no division), so sgd is the tutorial's w + lr gw.
    let g = scale === 1 ? -tutorialGrad[i]! : -tutorialGrad[i]! * scale;
    // Each term only when set: 0 * w would turn an infinite weight's gradient into NaN.
    if (l1 !== 0) g += l1 * Math.sign(w);
    if (l2 !== 0) g += l2 * w;
    // Initialised, not just declared: an undefined on some path would make V8 box every value.
    let next = w;
    switch (optimizer) {
      case 'sgd':
        next = w - lr * g;
        break;
      case 'momentum': {
        const v = m * first[i]! + g;
        first[i] = v;
        next = w - lr * v;
        break;
      }
      case 'rmsprop': {
        const s = RMSPROP_ALPHA * second[i]! + (1 - RMSPROP_ALPHA) * g * g;
        second[i] = s;
        next = w - (lr * g) / (Math.sqrt(s) + OPTIMIZER_EPS);
        break;
      }
      case 'adam': {
        const mt = ADAM_BETA1 * first[i]! + (1 - ADAM_BETA1) * g;
        const vt = ADAM_BETA2 * second[i]! + (1 - ADAM_BETA2) * g * g;
        first[i] = mt;
        second[i] = vt;
        next = w - (adamStep * mt) / (Math.sqrt(vt) / bias2Sqrt + OPTIMIZER_EPS);
        break;
      }
    }
    // Rounded as the float32 array stores it: the update as applied, flush included.
    const stored = Math.fround(flushed(next));
    p[i] = stored;
    applied[i] = stored - w;
  }
}
