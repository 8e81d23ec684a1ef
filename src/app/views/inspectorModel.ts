/**
 * What the step inspector lists for one point at any depth, from core's per-layer pass
 * (core/inspect: layerPass and the full-batch sums): per hidden layer its units' forward
 * values o and a, their deltas (a unit's share of gb is its dz), their gradient shares
 * and sums, and a summary that stays readable when the layer is wide. A first-layer unit
 * has one incoming weight; a deeper unit's incoming weights are a column, shown by size.
 */
import type { LayerParams } from '../../core/paramLayout';

/** Most unit rows listed per layer; beyond this, the units that matter most to this point. */
export const MAX_ROWS = 10;

/** One layer's per-point pass, as core's layerPass gives it. */
export interface PassLayer {
  z: Float64Array;
  a: Float64Array;
  delta: Float64Array;
  shareW: Float64Array;
  shareB: Float64Array;
}

/** One layer's gradient sums over every training point, in the layer's w and b shapes. */
export interface SumLayer {
  w: Float64Array;
  b: Float64Array;
}

/** A gradient cell: this point's share, the sum over all points, how far the last step moved it. */
export interface GradValues {
  point: number;
  sum: number;
  moved: number | null;
}

export interface UnitRow {
  unit: number;
  o: number;
  a: number;
  /** Incoming weights' gradient: the value itself in layer 1, the column's size deeper. */
  gw: GradValues;
  gb: GradValues;
  /** Last hidden layer only: w_out · a and the output weight's gradient. */
  out: { wa: number; gw: GradValues } | null;
}

export interface LayerSummary {
  o: { min: number; max: number };
  a: { min: number; max: number };
  dz: { min: number; max: number };
  /** Size of this point's share of the layer's gradient (w and b), and of the sum over all points. */
  shareNorm: number;
  sumNorm: number;
}

export interface InspectedLayer {
  /** 1-based from the input. */
  layer: number;
  width: number;
  fanIn: number;
  rows: UnitRow[];
  summary: LayerSummary;
}

export interface Inspected {
  layers: InspectedLayer[];
  output: number;
  error: number;
  /** dz of the output: -2 (o - y). */
  dzOut: number;
  outputBias: number;
  outputBiasGrad: GradValues;
  /** The output layer's summary (its weights and bias). */
  outputShareNorm: number;
  outputSumNorm: number;
}

function range(v: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const x of v) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { min, max };
}

function norm(...arrays: ArrayLike<number>[]): number {
  let s = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}

/** Norm of column j of a row-major [rows][cols] matrix (of a - b when b is given). */
function columnNorm(
  m: ArrayLike<number>,
  rows: number,
  cols: number,
  j: number,
  minus?: ArrayLike<number>,
): number {
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const v = m[i * cols + j]! - (minus ? minus[i * cols + j]! : 0);
    s += v * v;
  }
  return Math.sqrt(s);
}

/**
 * The units listed for a layer: all when it has at most MAX_ROWS; otherwise, in the last
 * hidden layer those whose w_out · a matters most to this point's output, and deeper
 * those whose delta (the pull of this point's loss on them) is largest.
 */
export function listedUnits(width: number, weight: (j: number) => number): number[] {
  const order = Array.from({ length: width }, (_, j) => j);
  if (width <= MAX_ROWS) return order;
  return order.sort((p, q) => weight(q) - weight(p) || p - q).slice(0, MAX_ROWS);
}

/**
 * The inspector's view of one point: `net` the parameters in force, `pass` core's pass of
 * the point (hidden layers, then the output layer), `sums` the full-batch sums in the same
 * shape, `before` the parameters one step earlier when known.
 */
export function inspect(
  net: readonly LayerParams[],
  pass: { layers: readonly PassLayer[]; output: number; error: number },
  sums: readonly SumLayer[],
  before: readonly LayerParams[] | null,
): Inspected {
  const depth = net.length - 1;
  const outNet = net[depth]!;
  const outPass = pass.layers[depth]!;
  const outSum = sums[depth]!;
  const dzOut = outPass.delta[0]!;
  const cell = (point: number, sum: number, now: number, old: number | undefined): GradValues => ({
    point,
    sum,
    moved: old === undefined ? null : now - old,
  });
  const layers: InspectedLayer[] = [];
  for (let l = 0; l < depth; l++) {
    const p = pass.layers[l]!;
    const s = sums[l]!;
    const w = net[l]!;
    const old = before?.[l];
    const width = w.b.length;
    const fanIn = w.w.length / width;
    const last = l === depth - 1;
    const rows = listedUnits(width, (j) =>
      last ? Math.abs(outNet.w[j]! * p.a[j]!) : Math.abs(p.delta[j]!),
    ).map((j): UnitRow => {
      const gw: GradValues =
        fanIn === 1
          ? cell(p.shareW[j]!, s.w[j]!, w.w[j]!, old?.w[j])
          : {
              point: columnNorm(p.shareW, fanIn, width, j),
              sum: columnNorm(s.w, fanIn, width, j),
              moved: old ? columnNorm(w.w, fanIn, width, j, old.w) : null,
            };
      return {
        unit: j,
        o: p.z[j]!,
        a: p.a[j]!,
        gw,
        gb: cell(p.shareB[j]!, s.b[j]!, w.b[j]!, old?.b[j]),
        out: last
          ? {
              wa: outNet.w[j]! * p.a[j]!,
              gw: cell(outPass.shareW[j]!, outSum.w[j]!, outNet.w[j]!, before?.[depth]?.w[j]),
            }
          : null,
      };
    });
    layers.push({
      layer: l + 1,
      width,
      fanIn,
      rows,
      summary: {
        o: range(p.z),
        a: range(p.a),
        dz: range(p.delta),
        shareNorm: norm(p.shareW, p.shareB),
        sumNorm: norm(s.w, s.b),
      },
    });
  }
  return {
    layers,
    output: pass.output,
    error: pass.error,
    dzOut,
    outputBias: outNet.b[0]!,
    outputBiasGrad: cell(outPass.shareB[0]!, outSum.b[0]!, outNet.b[0]!, before?.[depth]?.b[0]),
    outputShareNorm: norm(outPass.shareW, outPass.shareB),
    outputSumNorm: norm(outSum.w, outSum.b),
  };
}
