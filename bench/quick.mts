import { FusedKernel } from '../src/core/kernel/fusedKernel.ts';
import { buildModel } from '../src/core/run.ts';
import { createWorkspace } from '../src/core/network.ts';
import { trainStep } from '../src/core/train.ts';
import { curveGrid } from '../src/core/grid.ts';
import type { ActivationName } from '../src/core/activations.ts';
const acts: ActivationName[] = ['none','relu','tanh','sigmoid'];
for (const [N,H] of [[30,10],[7,5],[1,3],[2,9],[100,37],[1000,1000]]) for (const act of acts) {
  const cfg = { dataset: 'quadratic' as const, points: N, noise: 0.2, seed: 0, hidden: H, activation: act };
  const { data, net } = buildModel(cfg);
  const k = new FusedKernel(data.x, data.y, H, act, curveGrid());
  k.w1.set(net.layers[0]!.w); k.b1.set(net.layers[0]!.b); k.w2.set(net.layers[1]!.w); k.b2.set(net.layers[1]!.b);
  const ws = createWorkspace(net, N);
  const lr = Math.min(0.01, 3/(N*H));
  let maxRel = 0;
  for (let s=0;s<200;s++){ const a = trainStep(net, ws, data.x, data.y, lr); const b = k.step(lr); maxRel=Math.max(maxRel, Math.abs(a-b)/Math.abs(a)); }
  console.log(N,H,act,'maxrel', maxRel.toExponential(2), 'finite', k.parametersFinite());
}
for (const [N,H,act] of [[30,10,'relu'],[1000,1000,'relu'],[1000,1000,'tanh'],[1000,1000,'sigmoid'],[2000,4000,'relu'],[2000,4000,'tanh']] as const) {
  const cfg = { dataset: 'quadratic' as const, points: N, noise: 0.2, seed: 0, hidden: H, activation: act };
  const { data } = buildModel(cfg);
  const k = new FusedKernel(data.x, data.y, H, act, curveGrid());
  k.w1.fill(0.1); k.b1.fill(0.1); k.w2.fill(0.1);
  const lr = 3/(N*H);
  let reps = Math.max(3, Math.round(3e8/(N*H)));
  for (let i=0;i<reps/10;i++) k.step(lr);
  const res=[];
  for (let r=0;r<5;r++){ const t=performance.now(); for(let i=0;i<reps;i++) k.step(lr); const dt=(performance.now()-t)/1000; res.push(reps/dt); }
  res.sort((a,b)=>a-b); const sps=res[2]!;
  console.log(N,H,act, sps.toFixed(0),'steps/s', (sps*12*N*H/1e9).toFixed(1),'GFLOP/s', (1e6/sps).toFixed(3),'us/step');
}
import { measureCeiling } from './ceiling.ts';
console.log('ceiling', (await measureCeiling()).toFixed(1));
