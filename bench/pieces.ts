/**
 * Times core/pieces.ts's linearPieces at the sizes the worker meets (4 x 256, 1 x 1024),
 * on seeded networks: freshly initialised (tutorial) and with the biases spread as training
 * spreads them. `npx tsx bench/pieces.ts`
 */
import { createHiddenNetwork, type Network } from '../src/core/network';
import { linearPieces } from '../src/core/pieces';
import { NumpyRandom } from '../src/core/rng';

/** Plotted range of the default data, with its margin. */
const LO = -2.2;
const HI = 2.2;
const REPEATS = 20;

function spreadBiases(net: Network, rng: NumpyRandom): Network {
  for (const layer of net.layers)
    for (let j = 0; j < layer.b.length; j++) layer.b[j] = rng.normal(0, 0.5);
  return net;
}

for (const widths of [[1024], [256, 256, 256, 256], [64, 64, 64]]) {
  for (const spread of [false, true]) {
    const rng = new NumpyRandom(1);
    const init = spread ? 'he' : 'tutorial';
    const net = createHiddenNetwork(widths, 'relu', rng, init);
    if (spread) spreadBiases(net, rng);
    let pieces = 0;
    for (let i = 0; i < 3; i++) pieces = linearPieces(net, LO, HI).pieces;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < REPEATS; i++) linearPieces(net, LO, HI);
    const ms = (performance.now() - t0) / REPEATS;
    // CPU time as well: on a shared machine the wall clock also counts time spent waiting.
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / REPEATS;
    console.log(
      `${widths.join(',')} ${spread ? 'he, spread biases' : 'tutorial init'}: ${pieces} pieces, ${ms.toFixed(2)} ms (cpu ${cpuMs.toFixed(2)} ms)`,
    );
  }
}
