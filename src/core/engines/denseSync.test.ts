/**
 * The dense engine keeps the weights, the gradients and the optimizer's moments in the
 * kernel across steps (denseEngine.ts, "Who owns what"). Here: its steps over many steps
 * against the TypeScript engine (the reference) for every optimizer, reduction, penalty and
 * batch; reading everything between steps (as frames do) changes nothing, bit for bit; and
 * what is written from outside (the optimizer's restore and reset, the parameters'
 * restore, a rewind, new options) is what the next step trains on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildModel } from '../buildModel';
import { DEFAULT_CONFIG, type RunConfig } from '../config';
import { createEngine } from '../engine';
import { curveGrid } from '../grid';
import type { Network } from '../network';
import { OptimizerState, type StepOptions } from '../optimizers';
import { NumpyRandom } from '../rng';
import { TrainingRun } from '../run';
import { OPTIMIZERS, REDUCTIONS, type TrainingOptions } from '../trainingOptions';
import type { BatchTrainingEngine } from './engine';
import { TsEngine } from './tsEngine';

const N = 40;
/** Steps compared with the TS engine: long enough for Adam's bias corrections to fade. */
const STEPS = 300;
/**
 * Step losses, relative to the TS engine's: the kernels sum in float32, round every
 * operation of the update to float32 and keep float32 moments (the TS core: float64);
 * RMSProp and Adam divide by √v, so a gradient near 0 moves its weight by up to lr either
 * way. Over 300 steps at these rates the runs stay within (observed worst in the log:
 * 1.5e-6 for the losses, 3.6e-5 for the parameters).
 */
const LOSS_RTOL = 2e-5;
/** Final parameters, relative to each array's largest magnitude. */
const PARAM_TOL = 5e-4;
/**
 * RMSProp on the full batch reaches the optimum within these steps and then steps by
 * lr g / √s ≈ ±lr whatever g's size, so a rounding of g that flips a tiny gradient's sign
 * moves the trajectory: its runs part by a few 1e-2 of the largest weight (the engine
 * before the update moved into the kernel, float64 update on the same float32 gradients,
 * parted as far: 3.3e-2). Its own tolerances, looser.
 */
const RMSPROP_LOSS_RTOL = 1e-2;
const RMSPROP_PARAM_TOL = 5e-2;

const worst = { loss: 0, param: 0 };

function cfg(layers: number[]): RunConfig {
  return {
    ...DEFAULT_CONFIG,
    dataset: 'sine',
    points: N,
    seed: 9,
    layers,
    activation: 'tanh',
    init: 'glorot',
  };
}

function rate(o: StepOptions): number {
  const adaptive = o.optimizer === 'adam' || o.optimizer === 'rmsprop';
  const base = adaptive ? 0.002 : 0.01;
  return (
    (o.reduction === 'sum' && !adaptive ? base / 10 : base) / (o.optimizer === 'momentum' ? 5 : 1)
  );
}

/** Batch indices of each step, from a seeded generator: the same for both engines. */
function batches(batch: number, steps: number): Int32Array[] {
  const rng = new NumpyRandom(3);
  return Array.from({ length: steps }, () => {
    const perm = rng.permutation(N);
    return Int32Array.from(perm.subarray(0, batch));
  });
}

/** A dense and a TS engine on the same weights and data, each with its own optimizer state. */
function pair(layers: number[]) {
  const grid = curveGrid();
  const a = buildModel(cfg(layers));
  const b = buildModel(cfg(layers));
  const dense = createEngine(a.net, a.data, grid, {
    engine: 'wasm',
    kernel: 'dense',
    kernelBuild: 'relaxed',
  }) as BatchTrainingEngine;
  const ts = new TsEngine(b.net, b.data, grid);
  return {
    dense,
    ts,
    denseState: OptimizerState.forLayers(a.net.layers),
    tsState: OptimizerState.forLayers(b.net.layers),
  };
}

function largest(v: ArrayLike<number>): number {
  let m = 1e-30;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

/** Worst relative difference of the parameters (after dense.sync()). */
function paramDiff(a: Network, b: Network): number {
  let d = 0;
  a.layers.forEach((layer, l) => {
    for (const key of ['w', 'b'] as const) {
      const x = layer[key];
      const y = b.layers[l]![key];
      const s = largest(y);
      for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i]! - y[i]!) / s);
    }
  });
  return d;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the dense engine against the TS engine over many steps', () => {
  const cases: [string, number[], StepOptions, number][] = [];
  for (const optimizer of OPTIMIZERS)
    for (const reduction of REDUCTIONS)
      for (const [l1, l2] of [
        [0, 0],
        [0.001, 0.01],
      ] as const)
        for (const batch of [N, 7]) {
          const k = cases.length;
          const layers = [[5], [17, 3], [3, 17, 5], [8, 8, 8, 8]][k % 4]!;
          const o = { reduction, optimizer, momentum: 0.9, l1, l2 };
          cases.push([
            `${optimizer} ${reduction} l1=${l1} l2=${l2} B=${batch} ${layers.join('x')}`,
            layers,
            o,
            batch,
          ]);
        }
  it.each(cases)('%s', (_, layers, options, batch) => {
    const { dense, ts, denseState, tsState } = pair(layers);
    const lr = rate(options);
    const order = batches(batch, STEPS);
    const la = new Float32Array(STEPS);
    const lb = new Float32Array(STEPS);
    for (let s = 0; s < STEPS; s++) {
      dense.stepBatch(order[s]!, lr, denseState, options, la, s);
      ts.stepBatch(order[s]!, lr, tsState, options, lb, s);
    }
    let loss = 0;
    for (let s = 0; s < STEPS; s++)
      loss = Math.max(loss, Math.abs(la[s]! - lb[s]!) / Math.max(lb[s]!, 1e-12));
    dense.sync();
    const param = paramDiff(dense.net, ts.net);
    if (options.optimizer !== 'rmsprop') {
      worst.loss = Math.max(worst.loss, loss);
      worst.param = Math.max(worst.param, param);
    }
    const rms = options.optimizer === 'rmsprop';
    expect(loss).toBeLessThan(rms ? RMSPROP_LOSS_RTOL : LOSS_RTOL);
    expect(param).toBeLessThan(rms ? RMSPROP_PARAM_TOL : PARAM_TOL);
    // The state handed back: the same step count, moments near the TS engine's.
    const sa = denseState.save();
    const sb = tsState.save();
    expect(sa[0]).toBe(STEPS);
    expect(sb[0]).toBe(STEPS);
    expect(paramDiffFlat(sa, sb)).toBeLessThan(0.05);
  });

  it('reports the worst differences', () => {
    console.log(
      `dense vs TS engine over ${STEPS} steps (RMSProp aside): worst step loss ${worst.loss.toExponential(2)} ` +
        `relative, worst final parameter ${worst.param.toExponential(2)} of the array's largest`,
    );
  });
});

/** Worst difference of two saved states relative to the largest magnitude of the second. */
function paramDiffFlat(a: Float64Array, b: Float64Array): number {
  const s = largest(b.subarray(1));
  let d = 0;
  for (let i = 1; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!) / s);
  return d;
}

const ADAM: TrainingOptions = {
  batchSize: 7,
  reduction: 'mean',
  optimizer: 'adam',
  momentum: 0.9,
  l1: 0.001,
  l2: 0.01,
};

describe('what the engine hands back and takes again', () => {
  it('trains the step in the kernel: OptimizerState.step and the row-major weights are not touched per step', () => {
    const run = new TrainingRun(cfg([17, 17, 17]), undefined, { engine: 'wasm' });
    run.setTrainingOptions(ADAM);
    const step = vi.spyOn(OptimizerState.prototype, 'step');
    const before = Float32Array.from(run.net.layers[1]!.w);
    const w = run.net.layers[1]!.w;
    run.train(3, 0.01, new Float32Array(3), 0);
    expect(step).not.toHaveBeenCalled();
    // Not written during the steps (the kernel holds the weights), exact once read again.
    expect(Array.from(w)).toEqual(Array.from(before));
    expect(run.net.layers[1]!.w).toBe(w);
    expect(Array.from(w)).not.toEqual(Array.from(before));
  });

  it('gives the same steps whether or not everything is read between them (as frames do)', () => {
    const quiet = new TrainingRun(cfg([17, 3, 17]), undefined, { engine: 'wasm' });
    const read = new TrainingRun(cfg([17, 3, 17]), undefined, { engine: 'wasm' });
    const a = new Float32Array(120);
    const b = new Float32Array(120);
    for (const run of [quiet, read]) run.setTrainingOptions(ADAM);
    quiet.train(120, 0.01, a, 0);
    const length = read.paramLength();
    const scratch = new Float32Array(length);
    const curve = new Float32Array(read.grid.length);
    // The views' readers (unit health's z ranges, the layers over the grid) first: they run
    // on the kernel's weights before anything has handed them back.
    const widths = [17, 3, 17];
    const zMin = [0, ...widths].map((w) => new Float64Array(w));
    const zMax = [0, ...widths].map((w) => new Float64Array(w));
    const acts = widths.map((w) => new Float32Array(read.grid.length * w));
    for (let s = 0; s < 120; s += 5) {
      read.train(5, 0.01, b, s);
      read.zRanges!(zMin, zMax);
      read.gridForward!(acts, curve);
      read.snapshotParams(scratch);
      read.lastGradients(scratch);
      read.lastUpdates(scratch);
      read.penalty();
      read.currentLoss();
      read.curve(curve);
    }
    expect(Array.from(b)).toEqual(Array.from(a));
    const pa = new Float32Array(length);
    const pb = new Float32Array(length);
    quiet.snapshotParams(pa);
    read.snapshotParams(pb);
    expect(Array.from(pb)).toEqual(Array.from(pa));
    quiet.lastUpdates(pa);
    read.lastUpdates(pb);
    expect(Array.from(pb)).toEqual(Array.from(pa));
  });

  it('shows the applied updates of the last step exactly: the weights before and after', () => {
    const run = new TrainingRun(cfg([5, 17]), undefined, { engine: 'wasm' });
    run.setTrainingOptions(ADAM);
    run.train(10, 0.01, new Float32Array(10), 0);
    const length = run.paramLength();
    const before = new Float32Array(length);
    const after = new Float32Array(length);
    const updates = new Float32Array(length);
    run.snapshotParams(before);
    run.train(1, 0.01, new Float32Array(1), 0);
    run.snapshotParams(after);
    run.lastUpdates(updates);
    for (let i = 0; i < length; i++) expect(updates[i]).toBe(Math.fround(after[i]! - before[i]!));
  });

  it('saves and restores the optimizer state and parameters mid-run, and continues bit for bit', () => {
    const { dense, denseState } = pair([17, 3]);
    const order = batches(7, 60);
    const opts: StepOptions = ADAM;
    const loss = new Float32Array(60);
    for (let s = 0; s < 30; s++) dense.stepBatch(order[s]!, 0.01, denseState, opts, loss, s);
    const params = new Float32Array(dense.savedLength);
    dense.saveParams(params);
    const state = denseState.save();
    for (let s = 30; s < 60; s++) dense.stepBatch(order[s]!, 0.01, denseState, opts, loss, s);
    const first = loss.slice(30);
    dense.restoreParams(params);
    denseState.restore(state);
    for (let s = 30; s < 60; s++) dense.stepBatch(order[s]!, 0.01, denseState, opts, loss, s);
    expect(Array.from(loss.subarray(30))).toEqual(Array.from(first));
  });

  it('takes a reset or restored optimizer state as the TS engine does', () => {
    const { dense, ts, denseState, tsState } = pair([8, 8]);
    const order = batches(7, 90);
    const la = new Float32Array(90);
    const lb = new Float32Array(90);
    const both = (from: number, to: number, o: StepOptions) => {
      for (let s = from; s < to; s++) {
        dense.stepBatch(order[s]!, 0.005, denseState, o, la, s);
        ts.stepBatch(order[s]!, 0.005, tsState, o, lb, s);
      }
    };
    both(0, 30, ADAM);
    const saved = tsState.save();
    // A new optimizer starts from zero moments (Learning.setOptions resets the state).
    denseState.reset();
    tsState.reset();
    both(30, 60, { ...ADAM, optimizer: 'rmsprop' });
    // The dense engine's state restored from the TS engine's: the moments it trains on next.
    denseState.restore(saved);
    tsState.restore(saved);
    both(60, 90, ADAM);
    for (let s = 0; s < 90; s++)
      expect(Math.abs(la[s]! - lb[s]!) / lb[s]!, `step ${s}`).toBeLessThan(LOSS_RTOL);
    dense.sync();
    expect(paramDiff(dense.net, ts.net)).toBeLessThan(PARAM_TOL);
  });

  it('rewinds, loads a model and changes options mid-run as the TS engine does', () => {
    const dense = new TrainingRun(cfg([17, 5]), undefined, { engine: 'wasm' });
    const ts = new TrainingRun(cfg([17, 5]), undefined, { engine: 'ts' });
    const a = new Float32Array(200);
    const b = new Float32Array(200);
    const both = (f: (run: TrainingRun, out: Float32Array) => void) => {
      f(dense, a);
      f(ts, b);
    };
    both((r) => r.setTrainingOptions(ADAM));
    both((r, out) => r.train(40, 0.01, out, 0));
    both((r) => r.rewind());
    both((r, out) => r.train(40, 0.01, out, 40));
    both((r) => r.setTrainingOptions({ ...ADAM, optimizer: 'momentum', batchSize: 11, l1: 0 }));
    both((r, out) => r.train(40, 0.002, out, 80));
    const params = new Float32Array(ts.paramLength());
    ts.snapshotParams(params);
    both((r) => r.load(params, 0));
    both((r, out) => r.train(40, 0.002, out, 120));
    both((r) => r.setTrainingOptions({ ...ADAM, batchSize: null }));
    both((r, out) => r.train(40, 0.002, out, 160));
    for (let s = 0; s < 200; s++)
      expect(Math.abs(a[s]! - b[s]!) / b[s]!, `step ${s}`).toBeLessThan(LOSS_RTOL);
    expect(paramDiff(dense.net, ts.net)).toBeLessThan(PARAM_TOL);
    expect(dense.step).toBe(ts.step);
  });
});
