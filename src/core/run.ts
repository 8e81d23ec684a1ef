/**
 * A training run built from a config and its seed: the data, the network and the
 * buffers to train and evaluate it. Shared by the worker, the command line and tests,
 * so every place builds exactly the same run from the same settings.
 */
import { makeDataset, type Dataset } from './dataset';
import type { ModelConfig } from './config';
import { curveGrid } from './grid';
import { paramLength } from './insight';
import { createTutorialNetwork, createWorkspace, parametersFinite, predictInto, type Network, type Workspace } from './network';
import { NumpyRandom } from './rng';
import { evaluateLoss, trainStep } from './train';

/** The run's data alone: the first draws of its generator, so the page can plot it at once. */
export function buildDataset(config: ModelConfig): Dataset {
  return makeDataset(config, new NumpyRandom(config.seed));
}

/** Draws data then weights from one generator, in the tutorial script's order. */
export function buildModel(config: ModelConfig): { data: Dataset; net: Network } {
  const rng = new NumpyRandom(config.seed);
  const data = makeDataset(config, rng);
  const net = createTutorialNetwork(config.hidden, config.activation, rng);
  return { data, net };
}

export class TrainingRun {
  readonly data: Dataset;
  readonly net: Network;
  readonly grid: Float32Array;
  /** Steps taken so far. */
  step = 0;
  /** Step at which the loss or a parameter stopped being finite, or null. */
  divergedAt: number | null = null;
  private readonly ws: Workspace;
  private readonly gridWs: Workspace;

  constructor(config: ModelConfig, grid: Float32Array = curveGrid()) {
    const { data, net } = buildModel(config);
    this.data = data;
    this.net = net;
    this.grid = grid;
    this.ws = createWorkspace(net, data.x.length);
    this.gridWs = createWorkspace(net, grid.length);
  }

  /**
   * Trains up to `count` steps, writing each step's loss (before its update) into
   * lossOut from `offset`. Stops early on divergence; returns the steps taken.
   */
  train(count: number, learningRate: number, lossOut: Float32Array, offset: number): number {
    if (this.divergedAt !== null) return 0;
    const { x, y } = this.data;
    for (let k = 0; k < count; k++) {
      const loss = trainStep(this.net, this.ws, x, y, learningRate);
      lossOut[offset + k] = loss;
      this.step++;
      if (!Number.isFinite(loss) || !parametersFinite(this.net)) {
        this.divergedAt = this.step;
        return k + 1;
      }
    }
    return count;
  }

  /** Loss of the current parameters (what the next step will record). */
  currentLoss(): number {
    return evaluateLoss(this.net, this.ws, this.data.x, this.data.y);
  }

  /** Length of the flat parameter vector [w1, b1, w2, b2] (3H + 1): see core/insight. */
  paramLength(): number {
    return paramLength(this.net.layers[0]!.outDim);
  }

  /** Current parameters as [w1 (H), b1 (H), w2 (H), b2] into out (length paramLength()). */
  snapshotParams(out: Float32Array): void {
    const [l1, l2] = this.net.layers;
    const h = l1!.outDim;
    out.set(l1!.w, 0);
    out.set(l1!.b, h);
    out.set(l2!.w, 2 * h);
    out[3 * h] = l2!.b[0]!;
  }

  /** The last step's summed gradients (the tutorial's gw, gb) in the same layout; zeros before the first step. */
  lastGradients(out: Float32Array): void {
    const { gw, gb } = this.ws;
    const h = this.net.layers[0]!.outDim;
    out.set(gw[0]!, 0);
    out.set(gb[0]!, h);
    out.set(gw[1]!, 2 * h);
    out[3 * h] = gb[1]![0]!;
  }

  /** The fitted curve on the grid, into out (length grid.length). */
  curve(out: Float32Array): void {
    predictInto(this.net, this.gridWs, this.grid, out);
  }
}
