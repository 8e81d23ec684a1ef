/**
 * The data and starting weights a config's seed gives. Shared by the worker, the command
 * line and tests, so every place draws exactly the same run from the same settings.
 */
import { makeDataset, type Dataset, type DataSpec } from './dataset';
import type { ModelConfig } from './config';
import { createHiddenNetwork, type Network } from './network';
import type { LabeledData } from './protocol';
import { NumpyRandom } from './rng';
import { testMask } from './split';

/** The run's data alone: the first draws of its generator, so the page can plot it at once. */
export function buildDataset(config: ModelConfig): Dataset {
  return makeDataset(config, new NumpyRandom(config.seed));
}

/**
 * The generated points with the seeded split of `testShare` (see testMask): the data the
 * page hands a run when some points are held out, and `fit --test` does the same.
 */
export function generatedSplit(
  settings: DataSpec & { seed: number; testShare: number },
): LabeledData {
  const { x, y } = makeDataset(settings, new NumpyRandom(settings.seed));
  return { x, y, test: testMask(x.length, settings.testShare, settings.seed) };
}

/**
 * Draws data then weights from one generator, in the tutorial script's order. The
 * generator is handed on: the run draws its mini-batch permutations from it, continuing
 * after the weights, as a numpy script's later `np.random.permutation` calls do (issue #20).
 */
export function buildModel(config: ModelConfig): { data: Dataset; net: Network; rng: NumpyRandom } {
  const rng = new NumpyRandom(config.seed);
  const data = makeDataset(config, rng);
  const net = createHiddenNetwork(config.layers, config.activation, rng, config.init);
  return { data, net, rng };
}
