/**
 * Where a dense step split across two threads spends its time (kernel/denseSplit.ts), at
 * the deep table's threaded configurations: the pass on one thread, the split pass, each
 * thread's share of the pass and of the reduction timed alone on this thread, and what is
 * left (the helper's wake-up and answer, and the two threads slowing each other: shared
 * caches, memory bandwidth, a busy host). Then the same for an almost empty network (the
 * synchronisation alone) and the fused kernel's split as a control of what two threads
 * give on this host now. All timed in alternation (timing.ts). Run:
 * node $(node -e "import('./scripts/relaxed-simd.mjs').then(m=>console.log(m.relaxedSimdFlags().join(' ')))") --import tsx bench/denseSplitCost.ts
 */
import { createNodePool } from '../src/cli/nodeThreads';
import { buildModel } from '../src/core/buildModel';
import { DEFAULT_CONFIG } from '../src/core/config';
import { DenseNet } from '../src/core/kernel/denseNet';
import {
  denseBuildSupported,
  denseModule,
  denseSharedModule,
} from '../src/core/kernel/denseRuntime';
import { DenseSplit } from '../src/core/kernel/denseSplit';
import { DenseThread } from '../src/core/kernel/denseThread';
import { FusedKernel } from '../src/core/kernel/fusedKernel';
import { SplitKernel } from '../src/core/kernel/splitKernel';
import { instantiateOn, kernelModule } from '../src/core/kernel/wasmRuntime';
import { median, timeAlternating } from './timing';

const BUDGET = Number(process.env.BUDGET ?? 3);
const build = denseBuildSupported('relaxed') ? 'relaxed' : 'simd128';
const pool = createNodePool(2)!;
const ms = (rates: number[]) => 1000 / median(rates);

function dense(points: number, widths: number[]) {
  const { data, net } = buildModel({
    ...DEFAULT_CONFIG,
    points,
    layers: widths,
    activation: 'relu',
    init: 'he',
  });
  const grid = new Float32Array(4);
  const one = new DenseNet(denseModule(build), net.layers, points, grid);
  const split = new DenseSplit(denseSharedModule(build), net.layers, points, grid, pool);
  for (const k of [one, split.net]) {
    k.setWeights(net.layers);
    k.setInputs(data.x);
  }
  const shares = [0, 1].map(
    (t) =>
      new DenseThread(
        instantiateOn(denseSharedModule(build), split.memory),
        split.memory.buffer,
        split.plan,
        t,
      ),
  );
  const loss = new Float32Array(1);
  const [a, b, c0, c1, r0, r1] = timeAlternating(
    [
      () => {
        one.forward(points);
        one.lossAndBackward(points, data.y, loss, 0);
        return 0;
      },
      () => {
        split.pass(points, data.y, loss, 0);
        return 0;
      },
      () => (shares[0]!.pass(points), 0),
      () => (shares[1]!.pass(points), 0),
      () => (shares[0]!.reduce(), 0),
      () => (shares[1]!.reduce(), 0),
    ],
    BUDGET,
    5,
  ).map(ms) as [number, number, number, number, number, number];
  const label = `1->${widths[0]}x${widths.length}->1 N=${points}`;
  const rest = b - Math.max(c0, c1) - Math.max(r0, r1);
  console.log(
    `${label}: one thread ${a.toFixed(2)} ms; split ${b.toFixed(2)} ms (x${(a / b).toFixed(2)}); ` +
      `shares alone ${c0.toFixed(2)} / ${c1.toFixed(2)} ms; reduction slices alone ${r0.toFixed(3)} / ${r1.toFixed(3)} ms; ` +
      `left for synchronisation and contention ${rest.toFixed(2)} ms (${((100 * rest) / b).toFixed(0)}%)`,
  );
}

function fusedControl() {
  const points = 2000;
  const hidden = 4000;
  const x = Float32Array.from({ length: points }, (_, i) => -1 + (2 * i + 1) / points);
  const y = x.map((v) => v * v);
  const grid = new Float32Array(4);
  const one = new FusedKernel(x, y, hidden, 'relu', grid, kernelModule(build));
  const split = new SplitKernel(x, y, hidden, 'relu', grid, pool, build);
  for (const k of [one, split])
    for (let j = 0; j < hidden; j++) {
      k.w1[j] = Math.sin(j);
      k.b1[j] = Math.cos(j);
      k.w2[j] = 1e-3 * Math.sin(3 * j);
    }
  const [a, b] = timeAlternating([() => one.step(0), () => split.step(0)], BUDGET, 5).map(ms) as [
    number,
    number,
  ];
  console.log(
    `control, fused kernel relu N=2000 H=4000: one thread ${a.toFixed(2)} ms, two ${b.toFixed(2)} ms (x${(a / b).toFixed(2)})`,
  );
}

console.log(`dense ${build} build, 2 threads, median of alternated rounds`);
dense(1000, [256, 256, 256]);
dense(2000, [1024, 1024]);
dense(64, [4]);
fusedControl();
await pool.close();
