/** The implementations compared by `npm run bench`, each built from the same Problem. */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createNodePool } from '../src/cli/nodeThreads';
import { FusedKernel } from '../src/core/kernel/fusedKernel';
import { SplitKernel } from '../src/core/kernel/splitKernel';
import {
  kernelBuildSupported,
  kernelModule,
  sharedMemorySupported,
  type KernelBuild,
} from '../src/core/kernel/wasmRuntime';
import { createWorkspace, type Network } from '../src/core/network';
import { trainStep } from '../src/core/train';
import { curveGrid } from '../src/core/grid';
import type { BenchConfig, Problem, Trainer } from './problem';

/**
 * Our kernel's two builds (the app runs 'wasm-relaxed' where the runtime has relaxed SIMD,
 * 'wasm-simd128' elsewhere), our TS core, TensorFlow.js's two backends.
 */
export const IMPLEMENTATIONS = [
  'wasm-relaxed',
  'wasm-relaxed-2threads',
  'wasm-simd128',
  'ts-core',
  'tfjs-wasm',
  'tfjs-cpu',
] as const;
export type Implementation = (typeof IMPLEMENTATIONS)[number];

/** Configurations timed on two threads as well (the step split by samples, docs/threads.md). */
const THREADED = (c: BenchConfig) => c.activation === 'relu' && c.points * c.hidden >= 1_000_000;

/** Whether this process runs an implementation on a configuration (relaxed SIMD needs Node 20's flag). */
export function available(impl: Implementation, config: BenchConfig): boolean {
  if (impl === 'wasm-relaxed-2threads')
    return THREADED(config) && kernelBuildSupported('relaxed') && sharedMemorySupported();
  return impl !== 'wasm-relaxed' || kernelBuildSupported('relaxed');
}

/** The relaxed kernel with its step split across `threads` threads (one helper less). */
function splitTrainer(p: Problem, threads: number): Trainer {
  const pool = createNodePool(threads)!;
  const k = new SplitKernel(p.x, p.y, p.hidden, p.activation, curveGrid(), pool, 'relaxed');
  k.w1.set(p.w1);
  k.b1.set(p.b1);
  k.w2.set(p.w2);
  k.b2.set(p.b2);
  return {
    step: () => k.step(p.learningRate),
    dispose: () => void pool.close(),
  };
}

function kernelTrainer(p: Problem, build: KernelBuild): Trainer {
  const k = new FusedKernel(p.x, p.y, p.hidden, p.activation, curveGrid(), kernelModule(build));
  k.w1.set(p.w1);
  k.b1.set(p.b1);
  k.w2.set(p.w2);
  k.b2.set(p.b2);
  return { step: () => k.step(p.learningRate) };
}

function tsTrainer(p: Problem): Trainer {
  const net: Network = {
    layers: [
      { inDim: 1, outDim: p.hidden, activation: p.activation, w: p.w1.slice(), b: p.b1.slice() },
      { inDim: p.hidden, outDim: 1, activation: 'none', w: p.w2.slice(), b: p.b2.slice() },
    ],
  };
  const ws = createWorkspace(net, p.points);
  return { step: () => trainStep(net, ws, p.x, p.y, p.learningRate) };
}

let wasmPathsSet = false;

/** TensorFlow.js with the backend's kernels, the same step written with tf ops. */
async function tfTrainer(p: Problem, backend: 'cpu' | 'wasm'): Promise<Trainer> {
  if (backend === 'wasm') {
    // Load the backend's .wasm files from node_modules (no network).
    const require = createRequire(import.meta.url);
    if (!wasmPathsSet) {
      setWasmPaths(
        `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
      );
      wasmPathsSet = true;
    }
  }
  await tf.setBackend(backend);
  await tf.ready();
  const N = p.points;
  const H = p.hidden;
  const x = tf.tensor2d(p.x, [N, 1]);
  const y = tf.tensor2d(p.y, [N, 1]);
  const w1 = tf.variable(tf.tensor2d(p.w1, [1, H]));
  const b1 = tf.variable(tf.tensor2d(p.b1, [1, H]));
  const w2 = tf.variable(tf.tensor2d(p.w2, [H, 1]));
  const b2 = tf.variable(tf.tensor2d(p.b2, [1, 1]));
  const lr = p.learningRate;
  const act = (z: tf.Tensor2D): tf.Tensor2D => {
    switch (p.activation) {
      case 'relu':
        return tf.relu(z);
      case 'tanh':
        return tf.tanh(z);
      case 'sigmoid':
        return tf.sigmoid(z);
      case 'none':
        return z;
      default:
        throw new Error(`the tf.js comparison has no ${p.activation}`);
    }
  };
  const actGrad = (z: tf.Tensor2D, a: tf.Tensor2D): tf.Tensor2D => {
    switch (p.activation) {
      case 'relu':
        return tf.step(z, 0);
      case 'tanh':
        return tf.sub(1, tf.square(a));
      case 'sigmoid':
        return tf.mul(a, tf.sub(1, a));
      case 'none':
        return tf.onesLike(z);
      default:
        throw new Error(`the tf.js comparison has no ${p.activation}`);
    }
  };
  return {
    step() {
      const loss = tf.tidy(() => {
        const o1 = tf.add<tf.Tensor2D>(tf.matMul(x, w1), b1);
        const a1 = act(o1);
        const o2 = tf.add<tf.Tensor2D>(tf.matMul(a1, w2), b2);
        const e = tf.sub(o2, y);
        const l = tf.mean(tf.square(e));
        const dz2 = tf.mul<tf.Tensor2D>(e, -2);
        const gw2 = tf.matMul(a1, dz2, true, false);
        const gb2 = tf.sum(dz2, 0, true);
        const dz1 = tf.mul<tf.Tensor2D>(tf.matMul(dz2, w2, false, true), actGrad(o1, a1)); // old w2
        const gw1 = tf.matMul(x, dz1, true, false);
        const gb1 = tf.sum(dz1, 0, true);
        w2.assign(tf.add(w2, tf.mul(gw2, lr)));
        b2.assign(tf.add(b2, tf.mul(gb2, lr)));
        w1.assign(tf.add(w1, tf.mul(gw1, lr)));
        b1.assign(tf.add(b1, tf.mul(gb1, lr)));
        return l;
      });
      const value = loss.dataSync()[0]!; // every step's loss is read, as the app records it
      loss.dispose();
      return value;
    },
    dispose() {
      tf.dispose([x, y, w1, b1, w2, b2]);
    },
  };
}

export async function makeTrainer(impl: Implementation, p: Problem): Promise<Trainer> {
  switch (impl) {
    case 'wasm-relaxed':
      return kernelTrainer(p, 'relaxed');
    case 'wasm-relaxed-2threads':
      return splitTrainer(p, 2);
    case 'wasm-simd128':
      return kernelTrainer(p, 'simd128');
    case 'ts-core':
      return tsTrainer(p);
    case 'tfjs-wasm':
      return tfTrainer(p, 'wasm');
    case 'tfjs-cpu':
      return tfTrainer(p, 'cpu');
  }
}
