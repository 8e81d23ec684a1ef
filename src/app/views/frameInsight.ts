/**
 * What the fit plot's views and the network panel read of one frame: the worker's picture
 * (core/protocol NetworkPicture) and, at one hidden layer, the units' own parameters (every
 * frame of a 1 -> H -> 1 network carries them, see core/framePolicy). Derived values are
 * computed lazily and at most once per frame however many views ask.
 */
import type { ActivationName } from '../../core/activations';
import { sameSetting } from '../../core/config';
import type { Dataset } from '../../core/dataset';
import { kinkPositions, unpackParams, type UnitParams } from '../../core/insight';
import type { NetworkPicture, Frame } from '../../core/protocol';
import type { UnitHealth } from '../../core/unitHealth';
import { interpolateOnGrid } from './gridLookup';

export interface UnitLines {
  /** Units drawn (0-based), largest first. */
  shown: Int32Array;
  /** Their contributions on the grid, one row each. */
  rows: Float32Array;
  /** Sum of every other unit's contribution on the grid, or null when all are shown. */
  others: Float64Array | null;
}

export class FrameInsight {
  readonly picture: NetworkPicture;
  /** Hidden layers. */
  readonly depth: number;
  /** At one hidden layer, the frame's parameters and gradients as units; otherwise null. */
  readonly params: UnitParams | null;
  readonly grads: UnitParams | null;
  private outputs: { at: Float32Array; out: Float64Array } | null = null;
  private kinkXs: Float64Array | null = null;

  constructor(
    readonly frame: Frame,
    readonly activation: ActivationName,
    readonly data: Dataset,
    readonly grid: Float32Array,
  ) {
    this.picture = frame.picture;
    this.depth = frame.layers.length;
    const one = this.depth === 1 && frame.params !== null && frame.grads !== null;
    this.params = one ? unpackParams(frame.params!) : null;
    this.grads = one ? unpackParams(frame.grads!) : null;
  }

  /** Units of the last hidden layer (the ones Show units draws). */
  get hidden(): number {
    return this.frame.layers[this.depth - 1]!;
  }

  /** Show units: the worker's largest units of the last hidden layer, or null when it was not asked for them. */
  unitLines(): UnitLines | null {
    const u = this.picture.units;
    return u && { shown: u.units, rows: u.rows, others: u.others };
  }

  /**
   * The fit at the given xs, read off the curve between its grid points as the plot draws
   * it (memoised for the same array): a residual ends on the drawn line, at any depth, with
   * no parameters needed.
   */
  outputsAt(xs: Float32Array): Float64Array {
    if (!this.outputs || this.outputs.at !== xs) {
      const out = new Float64Array(xs.length);
      interpolateOnGrid(this.grid, this.frame.curve, xs, out);
      this.outputs = { at: xs, out };
    }
    return this.outputs.out;
  }

  /** At one hidden layer, where each unit's kink sits (x = -b1 / w1, NaN for a flat unit); null at depth. */
  kinks(): Float64Array | null {
    if (!this.params) return null;
    if (!this.kinkXs) {
      this.kinkXs = new Float64Array(this.params.hidden);
      kinkPositions(this.params, this.kinkXs);
    }
    return this.kinkXs;
  }

  /** Health of the last hidden layer's units, as the worker counted it. */
  health(): UnitHealth {
    return this.picture.layers[this.depth - 1]!.health;
  }
}

let last: FrameInsight | null = null;

/**
 * The insight of this frame, shared by every caller in the same animation frame. Null
 * when the frame is of other widths than the settings (a frame racing a settings change).
 */
export function insightFor(
  frame: Frame | null,
  activation: ActivationName,
  layers: readonly number[],
  data: Dataset,
  grid: Float32Array,
): FrameInsight | null {
  if (!frame || !sameSetting(frame.layers, layers) || frame.curve.length !== grid.length)
    return null;
  if (
    last &&
    last.frame === frame &&
    last.activation === activation &&
    last.data === data &&
    last.grid === grid
  )
    return last;
  last = new FrameInsight(frame, activation, data, grid);
  return last;
}
