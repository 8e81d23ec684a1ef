/** The implementations of the deep table (issue #21), each built from the same DeepProblem. */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { curveGrid } from '../src/core/grid';
import { TrainingRun } from '../src/core/run';
import type { ThreadPool } from '../src/core/threads/pool';
import { createNodePool } from '../src/cli/nodeThreads';
import { DEFAULT_TRAINING_OPTIONS } from '../src/core/trainingOptions';
import { deepModelConfig, type DeepConfig, type DeepProblem } from './deepProblem';
import type { Trainer } from './problem';

export const DEEP_IMPLEMENTATIONS = [
  'wasm-dense',
  'wasm-dense-2threads',
  'ts-engine',
  'tfjs-wasm',
  'tfjs-cpu',
] as const;
export type DeepImplementation = (typeof DEEP_IMPLEMENTATIONS)[number];

/** Configurations timed on two threads as well: issue #21's full-batch SGD targets at 256 x 3 and 1024 x 2. */
export const deepThreaded = (c: DeepConfig) =>
  c.optimizer === 'sgd' && c.batchSize === null && Math.max(...c.widths) >= 256;

/**
 * The app's own run on an engine ('ts', or 'wasm': the dense kernels at these depths), with
 * the options set as the page sets them; with a pool, its large steps split across threads.
 */
function runTrainer(
  p: DeepProblem,
  engine: 'ts' | 'wasm',
  pool: ThreadPool | null = null,
): Trainer {
  const run = new TrainingRun(deepModelConfig(p), curveGrid(), { engine, pool });
  run.setTrainingOptions({
    ...DEFAULT_TRAINING_OPTIONS,
    optimizer: p.optimizer,
    batchSize: p.batchSize,
  });
  if (engine === 'wasm' && !run.engineName.startsWith('wasm-dense-'))
    throw new Error(`the run trains on ${run.engineName}, not the dense kernels`);
  const loss = new Float32Array(1);
  const threads = pool?.threads ?? 1;
  return {
    step() {
      if (run.train(1, p.learningRate, loss, 0) !== 1 || run.divergedAt !== null)
        throw new Error(`the ${engine} engine's run stopped (diverged at step ${run.divergedAt})`);
      if (run.threads !== threads)
        throw new Error(`the step ran on ${run.threads} threads, not ${threads}`);
      return loss[0]!;
    },
    dispose: () => void pool?.close(),
  };
}

let wasmPathsSet = false;

/**
 * TensorFlow.js: the same step written with tf ops over a list of layers, the tutorial's
 * summed gradient, SGD or Adam (torch's rules, as core/optimizers.ts). Mini-batches reuse
 * the first epoch's order every epoch (gathered per step); numpy and the TS run draw new ones.
 */
async function tfDeepTrainer(p: DeepProblem, backend: 'cpu' | 'wasm'): Promise<Trainer> {
  if (backend === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    setWasmPaths(
      `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
    );
    wasmPathsSet = true;
  }
  await tf.setBackend(backend);
  await tf.ready();
  const N = p.points;
  const dims = [1, ...p.widths, 1];
  const x = tf.tensor2d(p.x, [N, 1]);
  const y = tf.tensor2d(p.y, [N, 1]);
  const layers = p.layers.map((l, i) => ({
    w: tf.variable(tf.tensor2d(l.w, [dims[i]!, dims[i + 1]!])),
    b: tf.variable(tf.tensor2d(l.b, [1, dims[i + 1]!])),
    mw: tf.variable(tf.zeros([dims[i]!, dims[i + 1]!])),
    mb: tf.variable(tf.zeros([1, dims[i + 1]!])),
    vw: tf.variable(tf.zeros([dims[i]!, dims[i + 1]!])),
    vb: tf.variable(tf.zeros([1, dims[i + 1]!])),
  }));
  const lr = p.learningRate;
  const adam = p.optimizer === 'adam';
  const batch = Math.min(p.batchSize ?? N, N);
  const batches: tf.Tensor1D[] = [];
  if (p.order)
    for (let k = 0; k < N; k += batch)
      batches.push(tf.tensor1d(p.order.subarray(k, Math.min(k + batch, N)), 'int32'));
  let t = 0;
  const update = (param: tf.Variable, m: tf.Variable, v: tf.Variable, gw: tf.Tensor) => {
    if (!adam) {
      param.assign(tf.add(param, tf.mul(gw, lr)));
      return;
    }
    const g = tf.neg(gw);
    const mt = tf.add(tf.mul(m, 0.9), tf.mul(g, 1 - 0.9));
    const vt = tf.add(tf.mul(v, 0.999), tf.mul(tf.square(g), 1 - 0.999));
    m.assign(mt);
    v.assign(vt);
    const denom = tf.add(tf.div(tf.sqrt(vt), Math.sqrt(1 - 0.999 ** t)), 1e-8);
    param.assign(tf.sub(param, tf.mul(tf.div(mt, denom), lr / (1 - 0.9 ** t))));
  };
  return {
    step() {
      t++;
      const loss = tf.tidy(() => {
        const idx = batches.length ? batches[(t - 1) % batches.length]! : null;
        const xb = idx ? tf.gather(x, idx) : x;
        const yb = idx ? tf.gather(y, idx) : y;
        const ins: tf.Tensor2D[] = [];
        const outs: tf.Tensor2D[] = [];
        let a: tf.Tensor2D = xb;
        layers.forEach((l, i) => {
          ins.push(a);
          const o = tf.add<tf.Tensor2D>(tf.matMul(a, l.w), l.b);
          outs.push(o);
          a = i < layers.length - 1 ? tf.relu(o) : o;
        });
        const e = tf.sub(a, yb);
        const cost = tf.mean(tf.square(e));
        let dz = tf.mul<tf.Tensor2D>(e, -2);
        for (let i = layers.length - 1; i >= 0; i--) {
          const l = layers[i]!;
          const gw = tf.matMul(ins[i]!, dz, true, false);
          const gb = tf.sum(dz, 0, true);
          const next = i > 0 ? tf.matMul(dz, l.w, false, true) : null; // old weights
          update(l.w, l.mw, l.vw, gw);
          update(l.b, l.mb, l.vb, gb);
          if (next) dz = tf.mul<tf.Tensor2D>(next, tf.step(outs[i - 1]!, 0));
        }
        return cost;
      });
      const value = loss.dataSync()[0]!; // every step's loss is read, as the app records it
      loss.dispose();
      return value;
    },
    dispose() {
      tf.dispose([x, y, ...batches]);
      for (const l of layers) tf.dispose([l.w, l.b, l.mw, l.mb, l.vw, l.vb]);
    },
  };
}

export async function makeDeepTrainer(impl: DeepImplementation, p: DeepProblem): Promise<Trainer> {
  switch (impl) {
    case 'wasm-dense':
      return runTrainer(p, 'wasm');
    case 'wasm-dense-2threads':
      return runTrainer(p, 'wasm', createNodePool(2));
    case 'ts-engine':
      return runTrainer(p, 'ts');
    case 'tfjs-wasm':
      return tfDeepTrainer(p, 'wasm');
    case 'tfjs-cpu':
      return tfDeepTrainer(p, 'cpu');
  }
}
