/**
 * `npm run bench:page`: the built app, served locally, in headless Chromium. Sets H = 1024,
 * N = 2000, tanh at full speed and measures, over a window of training:
 *   - the longest main-thread task (Long Tasks API) after the first frame of that run;
 *   - fit-plot redraws per animation frame: the app's 'fitdrawn' event (FitPlot.tsx), fired
 *     each time the fit plot shows a new frame, whether its lines were patched in place
 *     or Plotly redrew it (Plotly's own 'plotly_afterplot' sees only the latter);
 * and the time from navigation to the first drawn fit, on a first visit (nothing cached) and
 * visiting again; plus the build's JavaScript size, raw and gzip. Then the deep scenario
 * (pageDeep.ts): 1 -> 512 x 4 -> 1 on 2,000 points, its longest task, animation frames per
 * second, and how Pause holds. A benchmark that prints
 * figures, not a test; it writes them to a record in bench/results/ too (record.ts).
 */
import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { jsSizes } from './jsSizes';
import { INSTRUMENT, readBench, type Bench } from './pageInstrument';
import { measureDeep } from './pageDeep';
import { listCpu, listProfile, listTasks, type CpuProfile } from './pageListings';
import { pageLines, pageTable, TARGETS } from './pageReport';
import { startPreview } from './previewServer';
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

async function main() {
  const context = recordContext();
  const { url, stop } = await startPreview();
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
      return (await readBench(page)).firstFitAt;
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
    // The page's own load (the app and Plotly compiling) ends in long tasks of its own, timed
    // above as the first fit: let it finish, then time the settings changes alone.
    await page.waitForTimeout(SETTLE_MS);
    await page.evaluate(() => {
      (window as unknown as { __bench: Bench }).__bench.longestAll = 0;
    });
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
    const b = await readBench(page);
    if (profile) {
      const { profile: prof } = (await profile.send('Profiler.stop')) as { profile: CpuProfile };
      listProfile(prof);
    }
    const stepAfter = Number(await page.getByTestId('step').textContent());
    const status = await page.getByTestId('status').textContent();
    const ratio = b.redraws / b.rafs;
    // A page of its own: the heavy run above no longer trains beside it.
    await page.context().close();
    const deepPage = await newPage();
    const deep = await measureDeep(deepPage, url, SETTLE_MS, WINDOW_MS);
    if (process.argv.includes('--tasks')) listTasks(await readBench(deepPage));
    await deepPage.context().close();
    const sizes = jsSizes('dist');
    const result = {
      firstFitMs: firstVisitMs,
      firstFitRunsMs: firstVisits,
      firstFitAgainMs: againMs,
      firstFitAgainRunsMs: visitsAgain,
      browserFirstLoadMs,
      longestTaskMs: b.longest,
      longestSettingsTaskMs: b.longestAll,
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
      deep,
      loadAverage: loadavg()[0],
    };
    if (process.argv.includes('--json')) return console.log(JSON.stringify(result, null, 2));
    if (process.argv.includes('--tasks')) listTasks(b);
    if (process.argv.includes('--cpu')) listCpu(cpu, b.rafs, WINDOW_MS);
    const title = `npm run bench:page: the built app in headless Chromium, N=2000, H=1024, tanh, speed max, ${WINDOW_MS / 1000} s window`;
    console.log(title.replace('npm run bench:page: t', 'T'));
    for (const line of pageLines(result, WINDOW_MS, LONG_TASK_MS)) console.log(line);
    console.log(`  JS files: ${sizes.files.join(', ')}`);
    // Tasks are timed in wall-clock time: on a busy machine they include time the page waited for a core.
    console.log(
      `  machine load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} with ${cpus().length} cores (other processes make every figure worse)`,
    );
    console.log(
      `Record written to ${await writeRecord(context, title, '-page', pageTable(result, WINDOW_MS, LONG_TASK_MS))}`,
    );
  } finally {
    await browser.close();
    stop();
  }
}

await main();
