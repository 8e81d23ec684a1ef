import { describe, expect, it } from 'vitest';
import { activate, activateDerivative, type ActivationName } from '../../core/activations';
import { layerViews, paramLayout } from '../../core/paramLayout';
import { NumpyRandom } from '../../core/rng';
import { layerBatchGradients as batchSums, layerPass as pointPass } from '../../core/inspect';
import { inspect, MAX_ROWS } from './inspectorModel';

/** An independent float64 pass of a 1 -> widths -> 1 network in the tutorial's conventions. */
function reference(
  flat: Float64Array,
  widths: number[],
  act: ActivationName,
  x: number,
  y: number,
) {
  const sizes = [1, ...widths, 1];
  const W: number[][][] = [];
  const B: number[][] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [n, m] = [sizes[l]!, sizes[l + 1]!];
    W.push(
      Array.from({ length: n }, (_, i) =>
        Array.from({ length: m }, (_, j) => flat[at + i * m + j]!),
      ),
    );
    at += n * m;
    B.push(Array.from({ length: m }, (_, j) => flat[at + j]!));
    at += m;
  }
  const a: number[][] = [[x]];
  const z: number[][] = [];
  for (let l = 0; l < W.length; l++) {
    const zl = B[l]!.map((b, j) => b + a[l]!.reduce((s, v, i) => s + v * W[l]![i]![j]!, 0));
    z.push(zl);
    a.push(l === W.length - 1 ? zl : zl.map((v) => activate(act, v)));
  }
  const out = a[W.length]![0]!;
  const dz: number[][] = Array.from({ length: W.length }, () => []);
  dz[W.length - 1] = [-2 * (out - y)];
  for (let l = W.length - 2; l >= 0; l--)
    dz[l] = z[l]!.map(
      (v, j) =>
        activateDerivative(act, v) * dz[l + 1]!.reduce((s, d, k) => s + d * W[l + 1]![j]![k]!, 0),
    );
  const gw = W.map((w, l) => w.map((row, i) => row.map((_, j) => a[l]![i]! * dz[l]![j]!)));
  return { z, a: a.slice(1), dz, gw, out };
}

describe('the inspector at depth', () => {
  const widths = [12, 5];
  const layout = paramLayout(widths);
  const rng = new NumpyRandom(7);
  const flat = Float32Array.from({ length: layout.length }, () => rng.normal(0, 0.6));
  const net = layerViews(layout, flat);
  const f64 = Float64Array.from(flat);
  const xs = Float32Array.from({ length: 9 }, (_, i) => -1 + i / 4);
  const ys = Float32Array.from(xs, (x) => x * x);

  for (const act of ['relu', 'tanh'] as const) {
    it(`follows a point through both layers and sums over all points as a float64 reference does (${act})`, () => {
      const x = xs[3]!;
      const y = ys[3]!;
      const ref = reference(f64, widths, act, x, y);
      const all = Array.from(xs, (px, i) => reference(f64, widths, act, px, ys[i]!));
      const seen = inspect(net, pointPass(net, act, x, y), batchSums(net, act, xs, ys), null);
      const close = (got: number, want: number, what: string) =>
        expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(want)),
        );
      close(seen.output, ref.out, 'output');
      close(seen.error, ref.out - y, 'error');
      close(seen.dzOut, -2 * (ref.out - y), 'dz out');
      expect(seen.layers.map((l) => l.rows.length)).toEqual([MAX_ROWS, 5]);
      for (const layer of seen.layers) {
        const l = layer.layer - 1;
        for (const r of layer.rows) {
          const j = r.unit;
          close(r.o, ref.z[l]![j]!, `o${l + 1}[${j}]`);
          close(r.a, ref.a[l]![j]!, `a${l + 1}[${j}]`);
          close(r.gb.point, ref.dz[l]![j]!, `dz${l + 1}[${j}]`);
          close(
            r.gb.sum,
            all.reduce((s, p) => s + p.dz[l]![j]!, 0),
            `Σ gb${l + 1}[${j}]`,
          );
          const col = (g: number[][][]) => Math.hypot(...g[l]!.map((row) => row[j]!));
          const sumCol = Math.hypot(
            ...ref.gw[l]!.map((_, i) => all.reduce((s, p) => s + p.gw[l]![i]![j]!, 0)),
          );
          if (l === 0) close(r.gw.point, ref.gw[0]![0]![j]!, `gw1[${j}]`);
          else {
            close(r.gw.point, col(ref.gw), `‖gw2‖[${j}]`);
            close(r.gw.sum, sumCol, `Σ ‖gw2‖[${j}]`);
          }
        }
        // Layer 1 is wider than the table: the listed units are those with the largest |dz|.
        if (l === 0) {
          const sizes = ref.dz[0]!.map(Math.abs).sort((p, q) => q - p);
          expect(Math.min(...layer.rows.map((r) => Math.abs(ref.dz[0]![r.unit]!)))).toBe(
            sizes[MAX_ROWS - 1],
          );
        }
      }
      // The last hidden layer holds the output weights' cells: w3 a2 and gw3 = a2 dz3.
      for (const r of seen.layers[1]!.rows) {
        close(r.out!.wa, f64[layout.layers[2]!.w + r.unit]! * ref.a[1]![r.unit]!, 'w3 a2');
        close(r.out!.gw.point, ref.a[1]![r.unit]! * ref.dz[2]![0]!, 'gw3');
      }
      close(
        seen.outputBiasGrad.sum,
        all.reduce((s, p) => s + p.dz[2]![0]!, 0),
        'Σ gb3',
      );
    });
  }

  it('reports how far each parameter moved since the step before', () => {
    const before = layerViews(
      layout,
      flat.map((v) => v - 0.25),
    );
    const seen = inspect(
      net,
      pointPass(net, 'relu', 0.5, 1),
      batchSums(net, 'relu', xs, ys),
      before,
    );
    const r = seen.layers[1]!.rows[0]!;
    expect(r.gb.moved).toBeCloseTo(0.25, 6);
    // A column of 12 weights, each moved by 0.25.
    expect(r.gw.moved).toBeCloseTo(0.25 * Math.sqrt(12), 6);
    expect(seen.outputBiasGrad.moved).toBeCloseTo(0.25, 6);
  });
});
