import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activate, type ActivationName } from './activations';
import { DEFAULT_CONFIG } from './config';
import { unpackParams } from './insight';
import { layerBatchGradients, layerPass, pointPass } from './inspect';
import { layerViews, type LayerParams } from './paramLayout';
import { NumpyRandom } from './rng';
import { TrainingRun } from './run';

const { learningRate: _lr, speed: _speed, ...MODEL } = DEFAULT_CONFIG;

/** Central-difference step, and the agreement asked of a share: relative to the gradient's scale. */
const FD_STEP = 1e-6;
const FD_TOLERANCE = 1e-6;
/** A summed float32 gradient's error as a fraction of the sum of its shares' sizes (see inspect.test.ts). */
const SHARE_TOLERANCE = 1e-5;

/** Seeded layers 1 -> widths -> 1 of float32 weights and biases. */
function randomLayers(seed: number, widths: number[]): LayerParams<Float32Array>[] {
  const rng = new NumpyRandom(seed);
  const sizes = [1, ...widths, 1];
  return sizes.slice(1).map((n, l) => ({
    w: Float32Array.from({ length: sizes[l]! * n }, () => rng.normal(0, 1 / Math.sqrt(sizes[l]!))),
    b: Float32Array.from({ length: n }, () => rng.normal(0, 0.3)),
  }));
}

/** The float64 reference: the output of layers given as plain number arrays, written out here. */
function output(layers: { w: number[]; b: number[] }[], act: ActivationName, x: number): number {
  let a = [x];
  layers.forEach(({ w, b }, l) => {
    const n = b.length;
    const z = b.map((bj, j) => a.reduce((s, ai, i) => s + ai * w[i * n + j]!, bj));
    a = l === layers.length - 1 ? z : z.map((v) => activate(act, v));
  });
  return a[0]!;
}

/** -d/dθ of sum over points of (o - y)^2 for every parameter, by central differences in float64. */
function finiteDifferences(
  layers: LayerParams<Float32Array>[],
  act: ActivationName,
  xs: number[],
  ys: number[],
): { w: number[]; b: number[] }[] {
  const plain = layers.map((l) => ({ w: Array.from(l.w), b: Array.from(l.b) }));
  const loss = () => xs.reduce((s, x, p) => s + (output(plain, act, x) - ys[p]!) ** 2, 0);
  const derivative = (arr: number[], i: number) => {
    const v = arr[i]!;
    arr[i] = v + FD_STEP;
    const up = loss();
    arr[i] = v - FD_STEP;
    const down = loss();
    arr[i] = v;
    return -(up - down) / (2 * FD_STEP);
  };
  return plain.map((l) => ({
    w: l.w.map((_, i) => derivative(l.w, i)),
    b: l.b.map((_, i) => derivative(l.b, i)),
  }));
}

function expectClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tolerance: number,
  scale: number,
  what: string,
): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i]! - want[i]!) / scale;
    worst = Math.max(worst, err);
    expect(err, `${what}[${i}]: ${got[i]} vs ${want[i]}`).toBeLessThanOrEqual(tolerance);
  }
  return worst;
}

describe('the step inspector at depth', () => {
  it('at depth 1 a layer pass is the 1 -> H -> 1 point pass', () => {
    const layers = randomLayers(4, [7]);
    const flat = Float32Array.from([
      ...layers[0]!.w,
      ...layers[0]!.b,
      ...layers[1]!.w,
      ...layers[1]!.b,
    ]);
    for (const act of ACTIVATIONS) {
      const one = pointPass(unpackParams(flat), act, 0.4, -0.3);
      const deep = layerPass(layers, act, 0.4, -0.3);
      expect(Array.from(deep.layers[0]!.z)).toEqual(Array.from(one.o1));
      expect(Array.from(deep.layers[0]!.a)).toEqual(Array.from(one.a1));
      expect(deep.output).toBeCloseTo(one.o2, 14);
      expect(deep.error).toBeCloseTo(one.error, 14);
      for (let j = 0; j < 7; j++) {
        expect(deep.layers[0]!.shareW[j]).toBeCloseTo(one.share.w1[j]!, 14);
        expect(deep.layers[0]!.shareB[j]).toBeCloseTo(one.share.b1[j]!, 14);
        expect(deep.layers[1]!.shareW[j]).toBeCloseTo(one.share.w2[j]!, 14);
      }
      expect(deep.layers[1]!.shareB[0]).toBeCloseTo(one.share.b2, 14);
      expect(deep.layers[1]!.delta[0]).toBeCloseTo(-2 * one.error, 14);
    }
  });

  it('each share and the batch sums are minus the loss derivative (central differences, depths 1 to 4)', () => {
    let worst = 0;
    for (const act of ACTIVATIONS) {
      for (let depth = 1; depth <= 4; depth++) {
        const widths = [5, 4, 3, 4].slice(0, depth);
        const layers = randomLayers(depth * 31 + act.length, widths);
        const xs = [-0.83, -0.2, 0.35, 0.9];
        const ys = [0.5, -0.1, 0.2, 0.7];
        const fd = finiteDifferences(layers, act, xs, ys);
        const sum = layerBatchGradients(layers, act, xs, ys);
        const scale = Math.max(1, ...fd.flatMap((l) => [...l.w, ...l.b].map(Math.abs)));
        fd.forEach((l, i) => {
          worst = Math.max(
            worst,
            expectClose(sum[i]!.w, l.w, FD_TOLERANCE, scale, `${act} depth ${depth} gw${i}`),
            expectClose(sum[i]!.b, l.b, FD_TOLERANCE, scale, `${act} depth ${depth} gb${i}`),
          );
        });
        // One point alone: its shares are its own loss's derivative.
        const one = layerPass(layers, act, xs[2]!, ys[2]!);
        const fdOne = finiteDifferences(layers, act, [xs[2]!], [ys[2]!]);
        fdOne.forEach((l, i) => {
          expectClose(one.layers[i]!.shareW, l.w, FD_TOLERANCE, scale, `${act} share w${i}`);
          expectClose(one.layers[i]!.shareB, l.b, FD_TOLERANCE, scale, `${act} share b${i}`);
        });
      }
    }
    if (process.env.INSPECT_REPORT) console.log('worst FD error / scale', worst);
  });

  for (const act of ACTIVATIONS) {
    it(`the batch sums are what the engine's next step applies, depths 1 to 4 (${act})`, () => {
      let worst = 0;
      for (const layersOf of [[12], [8, 6], [8, 6, 4], [6, 5, 4, 3]]) {
        const run = new TrainingRun({ ...MODEL, layers: layersOf, activation: act, seed: 5 });
        run.train(30, 0.005, new Float32Array(30), 0);
        const before = new Float32Array(run.paramLength());
        run.snapshotParams(before);
        const layers = layerViews(run.layout, before);
        const sum = layerBatchGradients(layers, act, run.data.x, run.data.y);
        run.train(1, 0.005, new Float32Array(1), 0);
        // Scale of each summed gradient's rounding: the sum of its shares' sizes.
        const size = layers.map((l) => ({
          w: new Float64Array(l.w.length),
          b: new Float64Array(l.b.length),
        }));
        for (let p = 0; p < run.data.x.length; p++) {
          const pass = layerPass(layers, act, run.data.x[p]!, run.data.y[p]!);
          pass.layers.forEach((lp, l) => {
            lp.shareW.forEach((v, i) => (size[l]!.w[i]! += Math.abs(v)));
            lp.shareB.forEach((v, i) => (size[l]!.b[i]! += Math.abs(v)));
          });
        }
        run.gradients.forEach((g, l) => {
          for (const key of ['w', 'b'] as const) {
            for (let i = 0; i < g[key].length; i++) {
              const scale = Math.max(size[l]![key][i]!, 1e-30);
              const err = Math.abs(g[key][i]! - sum[l]![key][i]!) / scale;
              worst = Math.max(worst, err);
              expect(err, `${layersOf.join(',')} layer ${l} ${key}[${i}]`).toBeLessThanOrEqual(
                SHARE_TOLERANCE,
              );
            }
          }
        });
      }
      if (process.env.INSPECT_REPORT) console.log(act, 'worst engine error / share size', worst);
    });
  }
});
