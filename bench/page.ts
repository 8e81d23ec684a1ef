/**
 * `npm run bench:page`: the built app, served locally, in headless Chromium. Sets H = 1024,
 * N = 2000, tanh at full speed and measures, over a window of training:
 *   - the longest main-thread task (Long Tasks API) after the first frame of that run;
 *   - fit-plot redraws per animation frame: the app's 'fitdrawn' event (FitPlot.tsx), fired
 *     each time the fit plot shows a new frame, whether its lines were patched in place
 *     or Plotly redrew it (Plotly's own 'plotly_afterplot' sees only the latter);
 * and the time from navigation to the first drawn fit, on a first visit (nothing cached) and
 * visiting again; plus the build's JavaScript size, raw and gzip. A benchmark that prints
 * figures, not a test; it writes them to a record in bench/results/ too (record.ts).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { pageLines, pageTable, TARGETS } from './pageReport';
import { cpuBetween, cpuByThread, markerFlag } from './procCpu';
import { recordContext, writeRecord } from './record';

/** Length of the measured window, ms. */
const WINDOW_MS = 5000;
/** Time given to the new run to start before measuring, ms. */
const SETTLE_MS = 1500;
/** Fresh browser contexts loaded for the time to the first fit (each then reloaded once). */
const FIRST_FIT_ROUNDS = 5;
/** What the Long Tasks API counts as long (it reports only longer tasks), ms. */
const LONG_TASK_MS = TARGETS.longestTaskMs;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

type Bench = {
  rafs: number;
  redraws: number;
  firstFitAt: number;
  windowStart: number;
  longest: number;
  longestAll: number;
  hooked: boolean;
  /** Long tasks in the window, [start, duration] in ms. */
  tasks: [number, number][];
  /** The app's User Timing entries (each draw), [name, start, duration]: the app clears them from the buffer. */
  measures: [string, number, number][];
};

/**
 * Runs in the page before its scripts: counters the bench reads back. Plain JavaScript in
 * a string, since tsx rewrites functions with helpers that do not exist in the page.
 */
const INSTRUMENT = `(() => {
  const b = { rafs: 0, redraws: 0, firstFitAt: -1, windowStart: Infinity, longest: 0, longestAll: 0, hooked: false, tasks: [], measures: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= b.windowStart) b.measures.push([e.name, e.startTime, e.duration]);
  }).observe({ type: 'measure' });
  window.__bench = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (b.firstFitAt >= 0) b.longestAll = Math.max(b.longestAll, e.duration);
      if (e.startTime >= b.windowStart) {
        b.longest = Math.max(b.longest, e.duration);
        b.tasks.push([e.startTime, e.duration]);
      }
    }
  }).observe({ type: 'longtask', buffered: true });
  const tick = () => { b.rafs++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // Capture phase: the event does not bubble, and the plot's element comes and goes with React.
  document.addEventListener('fitdrawn', (e) => {
    b.redraws++;
    b.hooked = true;
    if (b.firstFitAt < 0 && e.detail > 0) b.firstFitAt = performance.now();
  }, true);
})();`;

const read = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);

function jsSizes(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const preloads = [
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const size = (files: string[]) =>
    files.reduce(
      (s, f) => {
        const bytes = readFileSync(join(dist, f));
        return {
          raw: s.raw + statSync(join(dist, f)).size,
          gzip: s.gzip + gzipSync(bytes, { level: 9 }).length,
        };
      },
      { raw: 0, gzip: 0 },
    );
  return { initial: size([...new Set([...entry, ...preloads])]), all: size(all), files: all };
}

/**
 * `--tasks`: each long task of the window with the app's User Timing measures inside it
 * (every draw is measured, see rafSubscribe.ts), to tell which drawing made a task long.
 */
function listTasks(b: Bench) {
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
function listCpu(cpu: [string, number][], frames: number) {
  console.log(`CPU by thread over the window (${frames} animation frames), ms per frame:`);
  for (const [kind, ms] of cpu) {
    const worker = kind.includes('DedicatedWorker');
    console.log(
      `  ${kind.padEnd(34)} ${(worker ? ms / (WINDOW_MS / 1000) : ms / Math.max(frames, 1)).toFixed(2).padStart(7)}${worker ? ' per second' : ''}`,
    );
  }
}

async function main() {
  const context = recordContext();
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (i > 100) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await chromium.launch({
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, markerFlag()],
    headless: true,
  });
  try {
    const errors: string[] = [];
    const newPage = async () => {
      // A context of its own: nothing cached from an earlier load (HTTP cache, compiled code).
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript({ content: INSTRUMENT });
      return page;
    };
    const firstFitOf = async (page: Page) => {
      await page.goto(url);
      await page.waitForFunction(
        () => (window as unknown as { __bench: Bench }).__bench.firstFitAt >= 0,
        null,
        { timeout: 10_000 },
      );
      return (await read(page)).firstFitAt;
    };

    // Time from navigation to the first drawn fit. A first visit has nothing cached: Chromium
    // compiles all the JavaScript it runs, which makes it 2-3 times as long as a visit again,
    // when V8's code cache has it. Each round is a fresh context (a first visit) reloaded once
    // (a visit again). The browser's own first page load is slower still and is left out: a
    // person's browser is already running.
    const warmUp = await newPage();
    const browserFirstLoadMs = await firstFitOf(warmUp);
    await warmUp.context().close();
    const firstVisits: number[] = [];
    const visitsAgain: number[] = [];
    for (let k = 0; k < FIRST_FIT_ROUNDS; k++) {
      const fresh = await newPage();
      firstVisits.push(await firstFitOf(fresh));
      visitsAgain.push(await firstFitOf(fresh));
      await fresh.context().close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const firstVisitMs = median(firstVisits);
    const againMs = median(visitsAgain);
    const page = await newPage();
    await firstFitOf(page);

    // The heavy run: N = 2000, H = 1024, tanh, Speed at its last stop (as fast as possible).
    const set = async (label: string, value: string) => {
      const field = page.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.press('Enter');
    };
    // 3 / (N H): the default 0.01 diverges at once at this size.
    await set('Learning rate', '0.0000015');
    await set('Points', '2000');
    await set('Hidden units', '1024');
    await page.getByLabel('Activation', { exact: true }).selectOption('tanh');
    await page.getByLabel('Speed', { exact: true }).press('End');
    // Pressing a key scrolled the slider into view, and the fit plot out of it (off-screen
    // content is painted but not rasterised): back to the top, where a person watching has
    // it. `--scrolled` keeps the scrolled page, to measure the plot off screen.
    if (!process.argv.includes('--scrolled')) await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(SETTLE_MS);
    const stepBefore = Number(await page.getByTestId('step').textContent());
    await page.evaluate(() => {
      const b = (window as unknown as { __bench: Bench }).__bench;
      b.windowStart = performance.now();
      b.rafs = 0;
      b.redraws = 0;
      b.longest = 0;
      b.tasks = [];
      b.measures = [];
    });
    const cpuBefore = cpuByThread();
    const profile = process.argv.includes('--profile')
      ? await page.context().newCDPSession(page)
      : null;
    if (profile) {
      await profile.send('Profiler.enable');
      await profile.send('Profiler.start');
    }
    await page.waitForTimeout(WINDOW_MS);
    const cpu = cpuBetween(cpuBefore, cpuByThread());
    const b = await read(page);
    if (profile) {
      // Where the main thread's time went: self time by function, top 15.
      const { profile: prof } = (await profile.send('Profiler.stop')) as {
        profile: {
          nodes: {
            id: number;
            callFrame: { functionName: string; url: string; lineNumber: number };
          }[];
          samples: number[];
        };
      };
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
    const stepAfter = Number(await page.getByTestId('step').textContent());
    const status = await page.getByTestId('status').textContent();
    const ratio = b.redraws / b.rafs;
    const sizes = jsSizes('dist');
    const result = {
      firstFitMs: firstVisitMs,
      firstFitRunsMs: firstVisits,
      firstFitAgainMs: againMs,
      firstFitAgainRunsMs: visitsAgain,
      browserFirstLoadMs,
      longestTaskMs: b.longest,
      longestTaskSinceFirstFitMs: b.longestAll,
      /** Tasks over LONG_TASK_MS in the window, and their time beyond it summed (Lighthouse's total blocking time). */
      longTasks: b.tasks.length,
      blockingMs: b.tasks.reduce((sum, [, duration]) => sum + duration - LONG_TASK_MS, 0),
      animationFrames: b.rafs,
      fitRedraws: b.redraws,
      redrawRatio: ratio,
      stepsPerSecond: ((stepAfter - stepBefore) * 1000) / WINDOW_MS,
      initialJs: sizes.initial,
      allJs: sizes.all,
      status,
      /** CPU ms by `process type:thread` over the window (Linux /proc; see procCpu.ts). */
      cpuMs: Object.fromEntries(cpu),
      consoleErrors: errors,
      loadAverage: loadavg()[0],
    };
    if (process.argv.includes('--json')) return console.log(JSON.stringify(result, null, 2));
    if (process.argv.includes('--tasks')) listTasks(b);
    if (process.argv.includes('--cpu')) listCpu(cpu, b.rafs);
    const title = `npm run bench:page: the built app in headless Chromium, N=2000, H=1024, tanh, speed max, ${WINDOW_MS / 1000} s window`;
    console.log(title.replace('npm run bench:page: t', 'T'));
    for (const line of pageLines(result, WINDOW_MS, LONG_TASK_MS)) console.log(line);
    console.log(`  JS files: ${sizes.files.join(', ')}`);
    // Tasks are timed in wall-clock time: on a busy machine they include time the page waited for a core.
    console.log(
      `  machine load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} with ${cpus().length} cores (other processes make every figure worse)`,
    );
    console.log(
      `Record written to ${writeRecord(context, title, '-page', pageTable(result, WINDOW_MS, LONG_TASK_MS))}`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
