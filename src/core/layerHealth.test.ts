import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activate, type ActivationName } from './activations';
import { DEFAULT_CONFIG } from './config';
import { unpackParams } from './insight';
import { layerHealth } from './layerHealth';
import { createWorkspace, type DenseLayer, type Network } from './network';
import { NumpyRandom } from './rng';
import { TrainingRun } from './run';
import { SATURATION_Z, unitHealth } from './unitHealth';

const { learningRate: _lr, speed: _speed, ...MODEL } = DEFAULT_CONFIG;

/** Units whose float64 z comes this close to a count's threshold are left out of the comparison (float32 vs float64). */
const MARGIN = 1e-4;

/** A seeded network whose weights are large enough to saturate, kill and turn units. */
function randomNet(seed: number, act: ActivationName, widths: number[]): Network {
  const rng = new NumpyRandom(seed);
  const sizes = [1, ...widths, 1];
  const layers: DenseLayer[] = sizes.slice(1).map((outDim, l) => {
    const inDim = sizes[l]!;
    return {
      inDim,
      outDim,
      activation: l + 2 === sizes.length ? 'none' : act,
      w: Float32Array.from({ length: inDim * outDim }, () => rng.normal(0, 3 / Math.sqrt(inDim))),
      b: Float32Array.from({ length: outDim }, () => rng.normal(0, 2.5)),
    };
  });
  return { layers };
}

/**
 * The float64 reference: every hidden layer's z at every point by a forward pass written out
 * here, then each unit judged point by point (every point beyond the threshold), or for sine
 * by trying every peak pi/2 + k pi against the range of its z.
 */
function reference(net: Network, xs: ArrayLike<number>) {
  const act = net.layers[0]!.activation;
  const zs: number[][][] = net.layers.slice(0, -1).map(() => []); // [layer][point][unit]
  for (const x of Array.from(xs)) {
    let a = [x];
    net.layers.slice(0, -1).forEach((layer, l) => {
      const z = Array.from({ length: layer.outDim }, (_, j) =>
        a.reduce((s, ai, i) => s + ai * layer.w[i * layer.outDim + j]!, layer.b[j]!),
      );
      zs[l]!.push(z);
      a = z.map((v) => activate(act, v));
    });
  }
  return zs.map((layer) => {
    const units = layer[0]!.length;
    const counted: boolean[] = [];
    const near: boolean[] = [];
    for (let j = 0; j < units; j++) {
      const z = layer.map((row) => row[j]!);
      const lo = Math.min(...z);
      const hi = Math.max(...z);
      const every = (f: (v: number) => boolean) => z.every(f);
      let c = false;
      let thresholds: number[] = [];
      switch (act) {
        case 'none':
          break;
        case 'relu':
        case 'leaky-relu':
          c = every((v) => v <= 0);
          thresholds = [0];
          break;
        case 'tanh':
        case 'sigmoid':
          c = every((v) => v > SATURATION_Z) || every((v) => v < -SATURATION_Z);
          thresholds = [SATURATION_Z, -SATURATION_Z];
          break;
        case 'elu':
        case 'softplus':
          c = every((v) => v < -SATURATION_Z);
          thresholds = [-SATURATION_Z];
          break;
        case 'sine':
          for (let k = -3000; k <= 3000 && !c; k++) {
            const peak = Math.PI / 2 + k * Math.PI;
            c = peak >= lo && peak <= hi;
          }
          for (let k = -3000; k <= 3000; k++) thresholds.push(Math.PI / 2 + k * Math.PI);
          break;
      }
      counted.push(c);
      near.push(thresholds.some((t) => Math.abs(lo - t) < MARGIN || Math.abs(hi - t) < MARGIN));
    }
    return { counted, near };
  });
}

describe('layer health', () => {
  for (const activation of ACTIVATIONS) {
    it(`at depth 1 it is unitHealth (${activation})`, () => {
      for (const seed of [0, 7]) {
        const run = new TrainingRun({ ...MODEL, layers: [40], activation, seed, init: 'he' });
        run.train(200, 0.01, new Float32Array(200), 0);
        const flat = new Float32Array(run.paramLength());
        run.snapshotParams(flat);
        const [deep] = layerHealth(run.net, run.data.x);
        expect(deep).toEqual(unitHealth(unpackParams(flat), activation, run.data.x));
      }
    });
  }

  for (const activation of ACTIVATIONS) {
    it(`at depths 2 to 4 each layer counts what a float64 forward pass finds (${activation})`, () => {
      let counted = 0;
      let compared = 0;
      for (let depth = 2; depth <= 4; depth++) {
        const net = randomNet(
          depth * 13 + activation.length,
          activation,
          [12, 10, 9, 8].slice(0, depth),
        );
        const xs = Float32Array.from({ length: 50 }, (_, i) => -2 + (4 * i) / 49);
        const ws = createWorkspace(net, 64);
        const health = layerHealth(net, xs, ws);
        expect(layerHealth(net, xs)).toEqual(health);
        const ref = reference(net, xs);
        expect(health.length).toBe(depth);
        health.forEach((h, l) => {
          expect(h.stuck.length).toBe(net.layers[l]!.outDim);
          let count = 0;
          ref[l]!.counted.forEach((c, j) => {
            if (c) count++;
            if (ref[l]!.near[j]) return;
            compared++;
            const isCounted = activation === 'sine' ? c : h.stuck[j] === 1;
            expect(isCounted, `layer ${l} unit ${j}`).toBe(c);
            if (activation === 'sine') expect(h.stuck[j]).toBe(0);
          });
          expect(h.count).toBe(count);
          counted += h.count;
        });
      }
      if (activation !== 'none') expect(counted).toBeGreaterThan(0);
      if (process.env.HEALTH_REPORT) console.log(activation, { counted, compared });
    });
  }

  for (const activation of ACTIVATIONS) {
    it(`from the dense kernels' forward, each layer counts what a float64 forward pass finds (${activation})`, () => {
      // Odd widths and a point count that leaves the kernel's last block part-filled.
      const widths = [17, 5, 33];
      const run = new TrainingRun(
        { ...MODEL, layers: widths, activation, points: 45, seed: 3 },
        undefined,
        { engine: 'wasm' },
      );
      expect(run.engineName).toMatch(/^wasm-dense-/);
      const net = randomNet(11 + activation.length, activation, widths);
      run.net.layers.forEach((layer, l) => {
        layer.w.set(net.layers[l]!.w);
        layer.b.set(net.layers[l]!.b);
      });
      const zRanges = run.zRanges;
      expect(zRanges).not.toBeNull();
      const xs = run.data.x;
      const health = layerHealth(run.net, xs, undefined, zRanges!);
      const ref = reference(run.net, xs);
      let counted = 0;
      health.forEach((h, l) => {
        ref[l]!.counted.forEach((c, j) => {
          if (ref[l]!.near[j]) return;
          const isCounted = activation === 'sine' ? c : h.stuck[j] === 1;
          expect(isCounted, `layer ${l} unit ${j}`).toBe(c);
        });
        counted += h.count;
      });
      if (activation !== 'none') expect(counted).toBeGreaterThan(0);
    });
  }

  it('a run on the TypeScript engine has no z ranges of its own: health takes the TS forward', () => {
    const run = new TrainingRun({ ...MODEL, layers: [8, 8] }, undefined, { engine: 'ts' });
    expect(run.zRanges).toBeNull();
  });
});
