/**
 * The numpy script's text at depth: the tutorial's code for one hidden layer (exactly as
 * before the layer list with the tutorial's init), a list of layers beyond. The scripts are
 * run by python in numpyScriptDepth.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { numpyScript } from './numpyScript';
import { TrainingRun } from './run';
import { testMask } from './split';

const base = { points: 30, noise: 0.1 } as const;

describe('numpyScript text at depth', () => {
  it("one layer with the tutorial's init is exactly the script written before the layer list", () => {
    // The fixture was written by the one-layer exporter, for this run: loaded weights, three
    // rates, own points with some held out, a divergence note.
    const golden = readFileSync(
      new URL('./fixtures/numpy-script-depth1.py', import.meta.url),
      'utf8',
    );
    const config: ModelConfig = {
      dataset: 'quadratic',
      points: 30,
      noise: 0.2,
      seed: 0,
      layers: [10],
      init: 'tutorial',
      activation: 'relu',
    };
    const source = new TrainingRun({ ...config, seed: 9 }, undefined, { engine: 'ts' });
    source.train(75, 0.01, new Float32Array(75), 0);
    const params = new Float32Array(source.paramLength());
    source.snapshotParams(params);
    const run = new TrainingRun(config, undefined, { engine: 'ts' });
    run.load(params, 75);
    run.train(20, 0.01, new Float32Array(20), 0);
    run.train(20, 0.03, new Float32Array(20), 0);
    const x = Array.from({ length: 12 }, (_, i) => -1 + i / 6);
    run.setData({
      x: Float32Array.from(x),
      y: Float32Array.from(x, (v) => Math.sin(3 * v)),
      test: testMask(12, 0.25, 4),
    });
    run.train(30, 0.02, new Float32Array(30), 0);
    const text = numpyScript({
      config,
      learningRate: 0.5,
      steps: run.step,
      history: run.history,
      divergedAt: 77,
      title: 'a replayed run',
    });
    expect(text).toBe(golden);
  });

  it("a deep network is a list of layers made by the init's layer(), trained by a loop over backprop", () => {
    const text = numpyScript({
      config: {
        ...base,
        dataset: 'quadratic',
        seed: 0,
        layers: [32, 16, 8],
        activation: 'relu',
        init: 'he',
      },
      learningRate: 0.01,
      steps: 10,
    });
    expect(text).toContain('1 -> 32 -> 16 -> 8 -> 1, activation relu, init he,');
    expect(text).toContain(
      '    weights = np.random.normal(loc=0, scale=np.sqrt(2 / in_dim), size=[in_dim, out_dim])',
    );
    expect(text).toContain('    bias = np.full([1, out_dim], 0.0)');
    expect(text).toContain('sizes = [1, 32, 16, 8, 1]');
    expect(text).toContain(
      'layers = [layer(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:])]',
    );
    expect(text).toContain('        dz = backprop(dz, layers[k], a[k], learning_rate)');
    expect(text).toContain('            dz *= relu_derivative(o[k - 1])');
    // The data's draws come before the weights'.
    expect(text.indexOf('y = np.random.normal')).toBeLessThan(text.indexOf('layers = [layer('));
  });

  it("one layer keeps the tutorial's l1, l2 code, with the init's layer()", () => {
    const text = numpyScript({
      config: {
        ...base,
        dataset: 'quadratic',
        seed: 0,
        layers: [10],
        activation: 'tanh',
        init: 'glorot',
      },
      learningRate: 0.01,
      steps: 10,
    });
    expect(text).toContain('scale=np.sqrt(2 / (in_dim + out_dim))');
    expect(text).toContain('l1 = layer(1, 10)\nl2 = layer(10, 1)');
    expect(text).toContain('    dz1 *= tanh_derivative(o1)');
    expect(text).not.toContain('sizes = ');
  });
});
