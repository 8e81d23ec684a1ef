/** bench:page's optional listings: `--tasks`, `--cpu` and `--profile`. */
import type { Bench } from './pageInstrument';

/**
 * `--tasks`: each long task of the window with the app's User Timing measures inside it
 * (every draw is measured, see rafSubscribe.ts), to tell which drawing made a task long.
 */
export function listTasks(b: Bench) {
  const { measures } = b;
  // Each kind of drawing in the window: how often and how long (median, 90th percentile, longest).
  const byName = new Map<string, number[]>();
  for (const [name, , duration] of measures) {
    const list = byName.get(name) ?? [];
    list.push(duration);
    byName.set(name, list);
  }
  console.log('Drawing in the window (ms): count, median, p90, max');
  for (const [name, ds] of [...byName].sort()) {
    ds.sort((x, y) => x - y);
    const at = (q: number) => ds[Math.min(ds.length - 1, Math.floor(q * ds.length))]!.toFixed(1);
    console.log(
      `  ${name.padEnd(24)} ${String(ds.length).padStart(4)}  ${at(0.5).padStart(6)}  ${at(0.9).padStart(6)}  ${ds.at(-1)!.toFixed(1).padStart(6)}`,
    );
  }
  // The Long Tasks API reports tasks over 50 ms only.
  console.log(`Long tasks (over 50 ms) in the window: ${b.tasks.length}`);
  for (const [start, duration] of b.tasks) {
    const inside = measures
      .filter(([, s, d]) => s >= start - 1 && s + d <= start + duration + 1)
      .map(([name, , d]) => `${name} ${d.toFixed(0)}`)
      .join(', ');
    console.log(
      `  at ${((start - b.windowStart) / 1000).toFixed(2)} s: ${duration.toFixed(0)} ms  [${inside || 'no measured drawing'}]`,
    );
  }
}

/** `--cpu`: each thread kind's CPU time over the window, per animation frame (the worker's per second). */
export function listCpu(cpu: [string, number][], frames: number, windowMs: number) {
  console.log(`CPU by thread over the window (${frames} animation frames), ms per frame:`);
  for (const [kind, ms] of cpu) {
    const worker = kind.includes('DedicatedWorker');
    console.log(
      `  ${kind.padEnd(34)} ${(worker ? ms / (windowMs / 1000) : ms / Math.max(frames, 1)).toFixed(2).padStart(7)}${worker ? ' per second' : ''}`,
    );
  }
}

/** A CPU profile as the DevTools protocol's Profiler.stop returns it. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
}

/** `--profile`: where the main thread's time went, self time by function, top 15. */
export function listProfile(prof: CpuProfile) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  for (const id of prof.samples) {
    const cf = byId.get(id)!.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = prof.samples.length;
  [...counts]
    .sort((a, c) => c[1] - a[1])
    .slice(0, 15)
    .forEach(([k, c]) => console.log(`  ${((100 * c) / total).toFixed(1)}%  ${k}`));
}
