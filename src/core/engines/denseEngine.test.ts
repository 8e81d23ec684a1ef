/**
 * The dense WebAssembly kernels (DenseEngine) against the TypeScript engine, through
 * TrainingRun, for issue #21's combinations: the eight activations, the four optimizers,
 * sum and mean, L1 and L2, the full batch and mini-batches, depths 1 to 4, widths 1, 3, 17,
 * 255 and 1024. Both runs draw the same weights and batches; they differ only in rounding
 * (the kernels sum gradients in float32, the TS engine in float64; the kernels' smooth
 * activations are approximations, approximations.test.ts), so the step losses must agree
 * within LOSS_RTOL and the weights at the end within PARAM_TOL of each layer's largest.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from '../activations';
import { DEFAULT_CONFIG, type RunConfig } from '../config';
import { TrainingRun } from '../run';
import { OPTIMIZERS, REDUCTIONS, type TrainingOptions } from '../trainingOptions';
import { createEngine } from '../engine';
import { buildModel } from '../buildModel';
import { curveGrid } from '../grid';
import { TsEngine } from './tsEngine';
import { createWorkspace, forward } from '../network';

/**
 * Step losses, relative: a float32 sum of N products is within N·2⁻²⁴ of the float64 one
 * (a few 1e-6 at N = 40) of the sum's size, mostly cancelling in the loss; observed worst below.
 */
const LOSS_RTOL = 5e-6;
/**
 * Final weights and biases, relative to each array's largest magnitude. RMSProp and Adam
 * step by g / sqrt(s): a gradient near 0 with a rounding error of its own size moves its
 * weight by up to lr either way, so their differences reach a few 1e-4 (observed below).
 */
const PARAM_TOL = 1e-3;
const N = 40;
const STEPS = 40;

/** Largest differences seen, reported at the end. */
const worst = { loss: 0, param: 0 };

function config(layers: number[], activation: ActivationName): RunConfig {
  return {
    ...DEFAULT_CONFIG,
    dataset: 'sine',
    points: N,
    seed: 5,
    layers,
    activation,
    init: 'glorot',
  };
}

/** A rate each rule trains with steadily here. */
function rateFor(o: TrainingOptions, width: number): number {
  const base = o.optimizer === 'adam' || o.optimizer === 'rmsprop' ? 0.003 : 0.01;
  const summed = o.reduction === 'sum' && o.optimizer !== 'adam' && o.optimizer !== 'rmsprop';
  return (
    (summed ? base / 10 : base) / (o.optimizer === 'momentum' ? 5 : 1) / Math.sqrt(width / 3 + 1)
  );
}

/** The same run on both engines, trained alike; the worst relative differences. */
function compare(cfg: RunConfig, options: TrainingOptions | null, steps = STEPS) {
  const dense = new TrainingRun(cfg, undefined, { engine: 'wasm' });
  const ts = new TrainingRun(cfg, undefined, { engine: 'ts' });
  if (options) {
    dense.setTrainingOptions(options);
    ts.setTrainingOptions(options);
  }
  const width = Math.max(...cfg.layers);
  const lr = options ? rateFor(options, width) : 0.001 / Math.sqrt(width / 3 + 1);
  const a = new Float32Array(steps);
  const b = new Float32Array(steps);
  expect(dense.train(steps, lr, a, 0)).toBe(steps);
  expect(ts.train(steps, lr, b, 0)).toBe(steps);
  return { dense, ts, ...differences(dense, ts, a, b) };
}

function differences(dense: TrainingRun, ts: TrainingRun, a: Float32Array, b: Float32Array) {
  let loss = 0;
  for (let i = 0; i < a.length; i++)
    loss = Math.max(loss, Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), 1e-12));
  let param = 0;
  dense.net.layers.forEach((layer, l) => {
    const other = ts.net.layers[l]!;
    for (const key of ['w', 'b'] as const) {
      const x = layer[key];
      const y = other[key];
      const scale = largest(y);
      for (let i = 0; i < x.length; i++) param = Math.max(param, Math.abs(x[i]! - y[i]!) / scale);
    }
  });
  worst.loss = Math.max(worst.loss, loss);
  worst.param = Math.max(worst.param, param);
  return { loss, param, lossesDense: a, lossesTs: b };
}

/** The largest magnitude in v (a loop: a spread of a million arguments overflows the stack). */
function largest(v: ArrayLike<number>): number {
  let m = 1e-30;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

function expectClose(r: { loss: number; param: number }) {
  expect(r.loss).toBeLessThan(LOSS_RTOL);
  expect(r.param).toBeLessThan(PARAM_TOL);
}

const WIDTHS = [1, 3, 17];

describe("every activation at depths 1 to 4, the tutorial's step", () => {
  const cases = ACTIVATIONS.flatMap((act, i) =>
    [2, 3, 4].map((depth) => {
      const layers = Array.from({ length: depth }, (_, l) => WIDTHS[(i + l) % WIDTHS.length]!);
      return [act, layers] as const;
    }),
  );
  it.each(cases)('%s, layers %j', (act, layers) => {
    const r = compare(config([...layers], act), null);
    expect(r.dense.engineName).toMatch(/^wasm-dense-/);
    expectClose(r);
  });

  // Depth 1 with the default options is the fused kernel's: the dense engine alone here.
  it.each(ACTIVATIONS.map((a) => [a] as const))('%s, depth 1, the dense engine itself', (act) => {
    const cfg = config([17], act);
    const grid = curveGrid();
    const a = buildModel(cfg);
    const b = buildModel(cfg);
    const dense = createEngine(a.net, a.data, grid, {
      engine: 'wasm',
      kernel: 'dense',
      kernelBuild: 'relaxed',
    });
    const ts = new TsEngine(b.net, b.data, grid);
    const la = new Float32Array(STEPS);
    const lb = new Float32Array(STEPS);
    for (let s = 0; s < STEPS; s++) {
      dense.step(0.002, la, s);
      ts.step(0.002, lb, s);
    }
    for (let s = 0; s < STEPS; s++)
      expect(Math.abs(la[s]! - lb[s]!) / lb[s]!).toBeLessThan(LOSS_RTOL);
    const ca = new Float32Array(grid.length);
    const cb = new Float32Array(grid.length);
    dense.curve(ca);
    ts.curve(cb);
    for (let i = 0; i < grid.length; i++) expect(Math.abs(ca[i]! - cb[i]!)).toBeLessThan(1e-4);
    expect(Math.abs(dense.loss() - ts.loss()) / ts.loss()).toBeLessThan(LOSS_RTOL);
  });
});

describe('every optimizer, reduction, penalty and batch', () => {
  const cases: [string, number[], ActivationName, TrainingOptions][] = [];
  for (const optimizer of OPTIMIZERS)
    for (const reduction of REDUCTIONS)
      for (const [l1, l2] of [
        [0, 0],
        [0.001, 0],
        [0, 0.01],
        [0.001, 0.01],
      ] as const)
        for (const batchSize of [null, 7]) {
          const k = cases.length;
          const act = ACTIVATIONS[k % ACTIVATIONS.length]!;
          const depth = 1 + (k % 4);
          const layers = Array.from({ length: depth }, (_, l) => WIDTHS[(k + l) % 3]!);
          const options = { batchSize, reduction, optimizer, momentum: 0.9, l1, l2 };
          const name = `${optimizer} ${reduction} l1=${l1} l2=${l2} B=${batchSize ?? 'N'} ${act} ${layers.join('x')}`;
          cases.push([name, layers, act, options]);
        }
  it.each(cases)('%s', (name, layers, act, options) => {
    const r = compare(config(layers, act), options);
    // The tutorial's options at depth 1 stay on the fused kernel.
    const tutorial = layers.length === 1 && name.startsWith('sgd sum l1=0 l2=0 B=N');
    expect(r.dense.engineName).toMatch(tutorial ? /^wasm-(relaxed|simd128)$/ : /^wasm-dense-/);
    expectClose(r);
    // What a frame shows of the last step: the gradients and the applied updates.
    const length = r.dense.paramLength();
    const [ga, gb, ua, ub] = [0, 0, 0, 0].map(() => new Float32Array(length));
    r.dense.lastGradients(ga!);
    r.ts.lastGradients(gb!);
    r.dense.lastUpdates(ua!);
    r.ts.lastUpdates(ub!);
    const scale = largest;
    for (let i = 0; i < length; i++) {
      expect(Math.abs(ga![i]! - gb![i]!)).toBeLessThan(1e-3 * scale(gb!));
      expect(Math.abs(ua![i]! - ub![i]!)).toBeLessThan(1e-3 * scale(ub!));
    }
    expect(r.dense.lastBatch()).toEqual(r.ts.lastBatch());
  });
});

describe('wide layers', () => {
  const adam: TrainingOptions = {
    batchSize: 7,
    reduction: 'mean',
    optimizer: 'adam',
    momentum: 0.9,
    l1: 0,
    l2: 0.01,
  };
  it.each([
    ['relu', [255]],
    ['tanh', [255, 3]],
    ['sigmoid', [17, 255, 1]],
  ] as const)('%s, layers %j, Adam on batches of 7', (act, layers) => {
    expectClose(compare(config([...layers], act), adam, 20));
  });
  it('relu, 1024 x 1024, the full batch with momentum', () => {
    const momentum = { ...adam, batchSize: null, optimizer: 'momentum' as const };
    expectClose(compare(config([1024, 1024], 'relu'), momentum, 4));
  }, 60_000);
});

describe('a run on the dense engine', () => {
  const options: TrainingOptions = {
    batchSize: 5,
    reduction: 'mean',
    optimizer: 'adam',
    momentum: 0.9,
    l1: 0.001,
    l2: 0,
  };

  it('rewinds to the kept step and trains the same steps again', () => {
    const run = new TrainingRun(config([17, 3], 'tanh'), undefined, { engine: 'wasm' });
    run.setTrainingOptions(options);
    const first = new Float32Array(50);
    run.train(50, 0.01, first, 0);
    const kept = run.checkpointStep;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(50);
    run.rewind();
    expect(run.step).toBe(kept);
    const again = new Float32Array(50 - kept);
    run.train(50 - kept, 0.01, again, 0);
    // Bit for bit: the same weights, optimizer state and batches from the kept step.
    expect(Array.from(again)).toEqual(Array.from(first.subarray(kept)));
  });

  it('takes live option changes as the TS engine does, from the fused kernel on', () => {
    const cfg = config([17], 'relu');
    const dense = new TrainingRun(cfg, undefined, { engine: 'wasm' });
    const ts = new TrainingRun(cfg, undefined, { engine: 'ts' });
    expect(dense.engineName).toMatch(/^wasm-(relaxed|simd128)$/);
    const a = new Float32Array(90);
    const b = new Float32Array(90);
    const both = (o: TrainingOptions | null, from: number, lr: number) => {
      if (o) {
        dense.setTrainingOptions(o);
        ts.setTrainingOptions(o);
      }
      dense.train(30, lr, a, from);
      ts.train(30, lr, b, from);
    };
    both(null, 0, 0.002);
    both(options, 30, 0.005);
    expect(dense.engineName).toMatch(/^wasm-dense-/);
    both({ ...options, optimizer: 'momentum', batchSize: null }, 60, 0.005);
    // The first 30 steps are the fused kernel's, which rounds its own way too.
    expectClose(differences(dense, ts, a, b));
  });

  it('loads a model file and trains on from it', () => {
    const cfg = config([3, 17], 'softplus');
    const from = new TrainingRun(cfg, undefined, { engine: 'ts' });
    from.train(10, 0.001, new Float32Array(10), 0);
    const params = new Float32Array(from.paramLength());
    from.snapshotParams(params);
    const dense = new TrainingRun(cfg, undefined, { engine: 'wasm' });
    const ts = new TrainingRun(cfg, undefined, { engine: 'ts' });
    expect(dense.load(params, 10)).toBe(true);
    expect(ts.load(params, 10)).toBe(true);
    expect(Math.abs(dense.currentLoss() - ts.currentLoss()) / ts.currentLoss()).toBeLessThan(1e-6);
    const a = new Float32Array(20);
    const b = new Float32Array(20);
    dense.train(20, 0.001, a, 0);
    ts.train(20, 0.001, b, 0);
    expectClose(differences(dense, ts, a, b));
  });

  it('takes new data (some held out, an odd count) and trains on from the same weights', () => {
    const cfg = config([17, 3], 'elu');
    const dense = new TrainingRun(cfg, undefined, { engine: 'wasm' });
    const ts = new TrainingRun(cfg, undefined, { engine: 'ts' });
    for (const run of [dense, ts]) {
      run.setTrainingOptions(options);
      run.train(10, 0.003, new Float32Array(10), 0);
    }
    const n = 71;
    const x = Float32Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
    const y = x.map((v) => Math.sin(3 * v));
    const test = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0));
    dense.setData({ x, y, test });
    ts.setData({ x, y, test });
    expect(dense.data.x.length).toBe(56);
    expect(Math.abs(dense.testLoss()! - ts.testLoss()!) / ts.testLoss()!).toBeLessThan(1e-5);
    const a = new Float32Array(20);
    const b = new Float32Array(20);
    dense.train(20, 0.003, a, 0);
    ts.train(20, 0.003, b, 0);
    expectClose(differences(dense, ts, a, b));
  });

  it('holds no training points (all held out) without failing: no steps, a curve, no loss', () => {
    const run = new TrainingRun(config([3, 3], 'sigmoid'), undefined, { engine: 'wasm' });
    const x = Float32Array.of(-0.5, 0, 0.5);
    run.setData({ x, y: Float32Array.of(1, 0, 1), test: Uint8Array.of(1, 1, 1) });
    expect(run.train(5, 0.01, new Float32Array(5), 0)).toBe(0);
    expect(run.currentLoss()).toBeNaN();
    const curve = new Float32Array(run.grid.length);
    run.curve(curve);
    expect(curve.every(Number.isFinite)).toBe(true);
  });

  it('reports the worst differences', () => {
    console.log(
      `dense vs TS engine: worst step loss ${worst.loss.toExponential(2)} relative, ` +
        `worst final parameter ${worst.param.toExponential(2)} of the array's largest`,
    );
  });
});

describe("the dense engine's forward for the views", () => {
  for (const activation of ACTIVATIONS)
    it(`gives the TS forward's hidden activations and output over the grid (${activation}, 17 x 3 x 33)`, () => {
      const layers = [17, 3, 33];
      const wasm = new TrainingRun(config(layers, activation), undefined, { engine: 'wasm' });
      const ts = new TrainingRun(config(layers, activation), undefined, { engine: 'ts' });
      expect(wasm.engineName).toMatch(/^wasm-dense-/);
      wasm.train(5, 0.002, new Float32Array(5), 0);
      ts.net.layers.forEach((layer, l) => {
        layer.w.set(wasm.net.layers[l]!.w);
        layer.b.set(wasm.net.layers[l]!.b);
      });
      const G = wasm.grid.length;
      const acts = layers.map((h) => new Float32Array(G * h));
      const out = new Float32Array(G);
      wasm.gridForward!(acts, out);
      const ws = createWorkspace(ts.net, G);
      const tsOut = forward(ts.net, ws, ts.grid, G);
      // The kernels' smooth activations are approximations (approximations.test.ts).
      const close = (a: Float32Array, b: Float32Array) => {
        const scale = Math.max(1, ...Array.from(b, Math.abs));
        for (let i = 0; i < b.length; i++)
          expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-4 * scale);
      };
      layers.forEach((_, l) => close(acts[l]!, ws.a[l]!.subarray(0, acts[l]!.length)));
      close(out, tsOut.subarray(0, G));
      const curve = new Float32Array(G);
      wasm.curve(curve);
      expect(out).toEqual(curve);
    });
});
