/**
 * The memory layout of the dense-layer kernel (scripts/kernel/dense.mjs; design in
 * docs/kernel-deep.md): per-sample values in blocks of `block` samples and panels of 4
 * units, weights as output panels. Packing and unpacking between these and the TypeScript
 * core's row-major arrays ([sample][unit], [inDim][outDim]), with zero padding.
 */

/** Floats per SIMD vector: units are padded to a multiple of it. */
export const PANEL = 4;

export const padTo = (value: number, multiple: number): number =>
  Math.ceil(value / multiple) * multiple;

/**
 * Float offset of (sample n, unit u) in the blocked panel layout of `unitsPadded` units:
 * block-major, then panel-major, then sample, then the unit's lane.
 */
export function panelIndex(n: number, u: number, unitsPadded: number, block: number): number {
  const b = Math.floor(n / block);
  const s = n % block;
  const p = Math.floor(u / PANEL);
  return b * unitsPadded * block + (p * block + s) * PANEL + (u % PANEL);
}

/** Floats the blocked panel layout of n samples by `units` units takes. */
export function panelLength(n: number, units: number, block: number): number {
  return padTo(Math.max(n, 1), block) * padTo(units, PANEL);
}

/** Writes row-major values [n][units] into `out` in the blocked panel layout (padding 0). */
export function packPanels(
  values: Float32Array,
  n: number,
  units: number,
  block: number,
  out: Float32Array,
): void {
  const up = padTo(units, PANEL);
  out.fill(0, 0, panelLength(n, units, block));
  for (let i = 0; i < n; i++)
    for (let u = 0; u < units; u++) out[panelIndex(i, u, up, block)] = values[i * units + u]!;
}

/** Reads row-major values [n][units] out of the blocked panel layout. */
export function unpackPanels(
  packed: Float32Array,
  n: number,
  units: number,
  block: number,
  out: Float32Array,
): void {
  const up = padTo(units, PANEL);
  for (let i = 0; i < n; i++)
    for (let u = 0; u < units; u++) out[i * units + u] = packed[panelIndex(i, u, up, block)]!;
}

/**
 * Writes weights w [inDim][outDim] (row-major, as core/network.ts keeps them) as output
 * panels Wf[j / 4][k][4], inDim padded to kp and outDim to jp with zeros.
 */
export function packWeights(
  w: Float32Array,
  inDim: number,
  outDim: number,
  out: Float32Array,
): void {
  const kp = padTo(inDim, PANEL);
  const jp = padTo(outDim, PANEL);
  out.fill(0, 0, kp * jp);
  for (let k = 0; k < inDim; k++)
    for (let j = 0; j < outDim; j++)
      out[(Math.floor(j / PANEL) * kp + k) * PANEL + (j % PANEL)] = w[k * outDim + j]!;
}

/** Reads output panels (packWeights' layout, inDim padded to kp) back into w [inDim][outDim]. */
export function unpackWeights(
  packed: Float32Array,
  inDim: number,
  outDim: number,
  out: Float32Array,
): void {
  const kp = padTo(inDim, PANEL);
  for (let k = 0; k < inDim; k++)
    for (let j = 0; j < outDim; j++)
      out[k * outDim + j] = packed[(Math.floor(j / PANEL) * kp + k) * PANEL + (j % PANEL)]!;
}

/** w [rows][cols] transposed into a new [cols][rows] array (the backward's Wb is Wᵀ packed). */
export function transposed(w: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = w[r * cols + c]!;
  return out;
}
