/**
 * What the page derives from one frame's parameters, computed lazily and at most once
 * per frame however many views ask (the fit plot's layers, the network panel). Nothing
 * is computed for a view that is off.
 */
import type { ActivationName } from '../../core/activations';
import type { Dataset } from '../../core/dataset';
import {
  kinkPositions,
  largestUnits,
  outputsAt,
  unitRow,
  unpackParams,
  type UnitParams,
} from '../../core/insight';
import { paramLayout } from '../../core/paramLayout';
import { unitHealth, type UnitHealth } from '../../core/unitHealth';
import type { Frame } from '../../core/protocol';

export interface UnitLines {
  max: number;
  /** Units drawn, largest first. */
  shown: number[];
  /** Their contributions on the grid, one row each. */
  rows: Float32Array;
  /** Sum of every other unit's contribution on the grid, or null when all are shown. */
  others: Float64Array | null;
}

export class FrameInsight {
  readonly params: UnitParams;
  readonly grads: UnitParams;
  private units: UnitLines | null = null;
  private outputs: { at: Float32Array; out: Float64Array } | null = null;
  private kinkXs: Float64Array | null = null;
  private healthMemo: UnitHealth | null = null;

  constructor(
    readonly frame: Frame,
    readonly activation: ActivationName,
    readonly data: Dataset,
    readonly grid: Float32Array,
  ) {
    this.params = unpackParams(frame.params);
    this.grads = unpackParams(frame.grads);
  }

  get hidden(): number {
    return this.params.hidden;
  }

  /**
   * The `max` largest units' contributions on the grid (rows of grid.length), and the
   * sum of all the others when some are left out. That sum is taken as the worker's
   * curve minus b2 minus the drawn units: exactly the others' total (the core tests check
   * that units plus b2 make the curve), in O(max * grid) instead of O(H * grid) per frame.
   */
  unitLines(max: number): UnitLines {
    if (!this.units || this.units.max !== max) {
      const G = this.grid.length;
      const shown = largestUnits(
        this.params,
        this.activation,
        this.grid[0]!,
        this.grid[G - 1]!,
        max,
      );
      const rows = new Float32Array(shown.length * G);
      shown.forEach((j, r) =>
        unitRow(this.params, this.activation, j, this.grid, rows.subarray(r * G, (r + 1) * G)),
      );
      let others: Float64Array | null = null;
      if (shown.length < this.hidden && this.frame.curve.length === G) {
        others = new Float64Array(G);
        for (let i = 0; i < G; i++) {
          let s = this.frame.curve[i]! - this.params.b2;
          for (let r = 0; r < shown.length; r++) s -= rows[r * G + i]!;
          others[i] = s;
        }
      }
      this.units = { max, shown, rows, others };
    }
    return this.units;
  }

  /** The network's output at the given data xs (memoised for the same array). */
  outputsAt(xs: Float32Array): Float64Array {
    if (!this.outputs || this.outputs.at !== xs) {
      const out = new Float64Array(xs.length);
      outputsAt(this.params, this.activation, xs, out);
      this.outputs = { at: xs, out };
    }
    return this.outputs.out;
  }

  kinks(): Float64Array {
    if (!this.kinkXs) {
      this.kinkXs = new Float64Array(this.hidden);
      kinkPositions(this.params, this.kinkXs);
    }
    return this.kinkXs;
  }

  health(): UnitHealth {
    this.healthMemo ??= unitHealth(this.params, this.activation, this.data.x);
    return this.healthMemo;
  }
}

let last: FrameInsight | null = null;

/**
 * The insight of this frame, shared by every caller in the same animation frame. Null
 * when the frame's parameters do not fit the expected hidden size (a frame racing a
 * settings change).
 */
export function insightFor(
  frame: Frame | null,
  activation: ActivationName,
  layers: readonly number[],
  data: Dataset,
  grid: Float32Array,
): FrameInsight | null {
  if (
    !frame ||
    layers.length !== 1 ||
    frame.params.length !== paramLayout(layers).length ||
    frame.grads.length !== frame.params.length
  )
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
