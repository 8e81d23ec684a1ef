/**
 * CPU time by thread of one Chromium's processes, read from Linux's /proc: what
 * `npm run bench:page -- --cpu` reports. Unlike a Chromium trace it costs the page
 * nothing while measuring (a trace of this page under-counted the main thread's time and
 * slowed it down), and it sees every thread, raster workers and the GPU
 * process's display compositor included. Linux only; resolution 10 ms per thread.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** A flag that marks the browser process of one benchmark run (X11's window class: inert headless). */
export function markerFlag(): string {
  return `--class=bench-page-${process.pid}`;
}

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Fields of a /proc stat line after the command name (which may hold spaces). */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU ms used so far by each thread kind of the browser launched with markerFlag() and
 * its child processes, keyed `process type:thread name` (e.g. `renderer:chromium` is a
 * renderer's main thread, `renderer:DedicatedWorker` the training worker). Empty when
 * /proc is missing.
 */
export function cpuByThread(): Map<string, number> {
  const out = new Map<string, number>();
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return out;
  }
  const parent = new Map<number, number>();
  for (const pid of pids) {
    const stat = readOr(`/proc/${pid}/stat`);
    if (stat) parent.set(pid, Number(statFields(stat)[1]));
  }
  const marker = markerFlag();
  const root = pids.find((pid) => readOr(`/proc/${pid}/cmdline`)?.includes(marker));
  if (root === undefined) return out;
  const inTree = (pid: number) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === root) return true;
    return false;
  };
  for (const pid of pids.filter(inTree)) {
    const type =
      /--type=([a-z-]+)/
        .exec(readOr(`/proc/${pid}/cmdline`) ?? '')?.[1]
        ?.replace(/-process$/, '') ?? 'browser';
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = readOr(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      // Thread names come cut to 15 characters; numbered pools (worker 1, 2 ...) are summed.
      const name = stat
        .slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
        .replace(/\d+$/, '')
        .trim();
      const fields = statFields(stat);
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      const key = `${type}:${name}`;
      out.set(key, (out.get(key) ?? 0) + ms);
    }
  }
  return out;
}

/** The CPU ms each thread kind used between two readings, largest first, kinds under `min` ms left out. */
export function cpuBetween(
  before: Map<string, number>,
  after: Map<string, number>,
  min = 50,
): [string, number][] {
  return [...after]
    .map(([k, v]): [string, number] => [k, v - (before.get(k) ?? 0)])
    .filter(([, v]) => v >= min)
    .sort((a, b) => b[1] - a[1]);
}
